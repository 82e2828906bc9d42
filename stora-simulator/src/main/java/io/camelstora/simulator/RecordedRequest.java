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
package io.camelstora.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request as the simulator saw it, for tests that assert what a client did.
 *
 * @param requestId      the {@code request_id} the simulator answered with (also in {@code X-Request-Id})
 * @param operation      the {@code <resource>/<action>} name of operations.md (e.g. {@code contacts/list}), or null
 *                       for unknown paths
 * @param headers        request headers (lower-case names); the Authorization value is masked
 * @param authorization  whether an Authorization header was sent
 * @param idempotencyKey the Idempotency-Key header, or null
 * @param replayed       whether the answer was replayed from the idempotency store
 * @param fault          the injected fault that shaped the answer, or null
 * @param status         the HTTP status sent, or 0 when the connection was dropped instead
 */
public record RecordedRequest(String requestId, Instant time, String method, String path, String query,
        Map<String, List<String>> headers, boolean authorization, String idempotencyKey, String body, String operation,
        int status, boolean replayed, String fault, long durationMillis) {

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase());
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
