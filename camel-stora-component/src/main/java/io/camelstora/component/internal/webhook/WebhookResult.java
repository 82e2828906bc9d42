/*
 * Copyright 2026 the camel-stora authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.camelstora.component.internal.webhook;

import java.util.Locale;

/**
 * How the webhook consumer answered a delivery: the {@code result} and {@code reason} tags of
 * {@code stora.webhook.deliveries}, and the last delivery shown by the consumer's health check.
 */
public enum WebhookResult {

    /** 200: routed, and the route completed. */
    PROCESSED(200, null),
    /** 200: the event id was routed before; not routed again. */
    DUPLICATE(200, null),
    /** 200: the event type is not in eventTypes; acknowledged and dropped. */
    IGNORED(200, null),
    /** 409: the same event is being routed right now, here or on another node; Stora retries. */
    IN_PROGRESS(409, null),
    /** 500: the route failed; Stora retries. */
    FAILED(500, null),
    /** 503: no signing secret is known yet. */
    NOT_READY(503, null),
    /** 503: the event store could not be reached; Stora retries. */
    STORE_UNAVAILABLE(503, null),
    /** 401: signature missing, invalid, outside signatureTolerance, or given in the query string. */
    REJECTED_SIGNATURE(401, "invalid_signature"),
    /** 400: signed, but not a Stora event. */
    REJECTED_PAYLOAD(400, "invalid_payload"),
    /** 413: body over maxBodySize, announced or sent. */
    REJECTED_SIZE(413, "payload_too_large"),
    /** 415: not a JSON body (a form, multipart, text...). */
    REJECTED_MEDIA_TYPE(415, "unsupported_media_type"),
    /** 408: the body did not arrive within bodyTimeout, or its connection broke. */
    REJECTED_INCOMPLETE_BODY(408, "incomplete_body"),
    /** 405: not a POST. */
    REJECTED_METHOD(405, "method_not_allowed");

    private final int status;
    private final String reason;

    WebhookResult(int status, String reason) {
        this.status = status;
        this.reason = reason;
    }

    /** The HTTP status the delivery was answered with. */
    public int status() {
        return status;
    }

    /**
     * {@code processed}, {@code duplicate}, {@code ignored}, {@code in_progress}, {@code failed}, {@code not_ready},
     * {@code store_unavailable} or {@code rejected}.
     */
    public String result() {
        return reason != null ? "rejected" : name().toLowerCase(Locale.ROOT);
    }

    /** Why a delivery was rejected ({@code invalid_signature}...), {@code none} for the other results. */
    public String reason() {
        return reason != null ? reason : "none";
    }
}
