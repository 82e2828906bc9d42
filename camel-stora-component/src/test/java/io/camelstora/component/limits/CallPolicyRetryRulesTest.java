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
package io.camelstora.component.limits;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;

import io.camelstora.component.catalog.StoraFormat;
import io.camelstora.component.catalog.StoraOperation;
import io.camelstora.component.http.StoraResponse;
import io.camelstora.component.internal.http.StoraErrors;
import io.camelstora.component.internal.http.StoraRequest;
import io.camelstora.component.internal.limits.CallPolicy;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which outcomes {@link CallPolicy} retries, per method: the table of docs/rate-limits-and-retries.md. */
public class CallPolicyRetryRulesTest {

    private static final StoraRequest GET = request(StoraOperation.CONTACTS_SHOW, null);
    private static final StoraRequest DELETE = request(StoraOperation.CONTACTS_DELETE, null);
    private static final StoraRequest POST = request(StoraOperation.CONTACTS_CREATE, "key-1");
    private static final StoraRequest POST_WITHOUT_KEY = request(StoraOperation.CONTACTS_CREATE, null);
    private static final StoraRequest PATCH = request(StoraOperation.CONTACTS_UPDATE, null);
    private static final List<StoraRequest> ALL = List.of(GET, DELETE, POST, POST_WITHOUT_KEY, PATCH);

    private static StoraRequest request(StoraOperation op, String key) {
        return new StoraRequest(op, op.pathTemplate(), Map.of(), null, StoraRequest.JSON, StoraFormat.JSON, key);
    }

    private static boolean retried(StoraRequest request, int status) {
        return CallPolicy.isRetryable(request, new StoraResponse(status, Map.of(), new byte[0]), null);
    }

    private static boolean retried(StoraRequest request, Throwable noResponseCause) {
        return CallPolicy.isRetryable(request, null, StoraErrors.noResponse(request, noResponseCause));
    }

    @Test
    void gatewayErrorsOnlyForIdempotentMethods() {
        for (int status : new int[]{502, 503, 504}) {
            assertTrue(retried(GET, status));
            assertTrue(retried(DELETE, status));
            assertFalse(retried(POST, status), "POST only when no response came back");
            assertFalse(retried(PATCH, status));
        }
    }

    @Test
    void otherResponsesNever() {
        for (StoraRequest r : ALL) {
            for (int status : new int[]{200, 201, 204, 400, 401, 403, 404, 409, 422, 429, 500}) {
                assertFalse(retried(r, status), r.describe() + " " + status);
            }
        }
    }

    @Test
    void aRequestThatNeverLeftIsRetriedWhateverTheMethod() {
        for (StoraRequest r : ALL) {
            assertTrue(retried(r, new ConnectException("Connection refused")), r.describe());
        }
    }

    @Test
    void aLostResponseIsRetriedWhenRepeatingIsSafe() {
        for (IOException lost : new IOException[]{new ConnectionClosedException("Connection closed by peer"),
                new SocketTimeoutException("Read timed out")}) {
            assertTrue(retried(GET, lost));
            assertTrue(retried(DELETE, lost));
            assertTrue(retried(POST, lost), "the same Idempotency-Key makes Stora process it once");
            assertFalse(retried(POST_WITHOUT_KEY, lost));
            assertFalse(retried(PATCH, lost), "no idempotency key for PATCH");
        }
    }

    @Test
    void failuresThatAreNotIoNever() {
        assertFalse(retried(GET, new IllegalStateException("No Stora credentials")));
        assertFalse(retried(GET, new RateLimitWaitException("would wait too long")));
        assertFalse(CallPolicy.isRetryable(GET, null, new IllegalArgumentException("bad option")));
    }

    @Test
    void parsesRateLimitWindows() {
        List<RateLimits.Window> windows = RateLimits.parseWindows("10/1s, 60/1m,1000/1h,5/250ms");
        assertEquals("10 per 1s, 60 per 1m, 1000 per 1h, 5 per 250ms",
                new RateLimits(windows, java.time.Duration.ZERO, java.time.Duration.ZERO).describe());
    }
}
