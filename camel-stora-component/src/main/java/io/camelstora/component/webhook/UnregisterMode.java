package io.camelstora.component.webhook;

/** What happens to the self-registered Stora webhook endpoint when the consumer stops. */
public enum UnregisterMode {
    /** Leave it enabled: Stora queues retries while the route is down and they arrive after a restart. */
    NONE,
    /** Disable it: Stora stops sending, and cancels pending retries. */
    DISABLE,
    /** Delete it: Stora stops sending, and cancels pending retries; the next start creates a new one with a new secret. */
    DELETE
}
