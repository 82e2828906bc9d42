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
package io.camelstora.component.webhook;

/**
 * A webhook delivery whose {@code X-Stora-Signature} does not prove it came from Stora. The message says why in terms
 * safe to log: it never contains a secret, an expected signature or the body.
 */
public class StoraWebhookSignatureException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the delivery was rejected. */
    public enum Reason {
        /** No {@code X-Stora-Signature} header. */
        MISSING,
        /** The header is not {@code t=<unix seconds>,v1=<hex>}. */
        MALFORMED,
        /** The timestamp is further from now than the tolerance: a replay, or a clock far off. */
        TIMESTAMP_OUT_OF_TOLERANCE,
        /** No {@code v1} value matches any accepted secret: another secret, or a modified body. */
        MISMATCH
    }

    private final Reason reason;

    public StoraWebhookSignatureException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason getReason() {
        return reason;
    }
}
