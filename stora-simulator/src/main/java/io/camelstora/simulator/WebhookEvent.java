package io.camelstora.simulator;

import java.time.Instant;

/**
 * An event the simulator emitted, whether or not any endpoint was subscribed to it.
 *
 * @param payload the exact JSON body POSTed to endpoints: {@code {"event": {"id", "type", "api_version",
 *                "created_at", "data": {"<resource_key>": {...}}}}}
 */
public record WebhookEvent(String id, String type, Instant createdAt, String resourceId, String payload) {
}
