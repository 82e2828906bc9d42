package io.camelstora.simulator;

/** How the per-token request limits are counted. */
public enum RateLimitMode {
    /**
     * No more than N requests in <em>any</em> interval of length W. The strictest reading of "10 per second,
     * 60 per minute": a client that never trips it cannot trip a fixed-window server either.
     */
    SLIDING_WINDOW,
    /** Counters reset at epoch-aligned window boundaries, as Rack::Attack throttles do. */
    FIXED_WINDOW
}
