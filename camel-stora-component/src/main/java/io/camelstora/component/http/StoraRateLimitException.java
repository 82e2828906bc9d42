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
package io.camelstora.component.http;

import java.util.List;

/**
 * A call gave up on the account's rate limit: either it was not sent because waiting for the request budget would have
 * taken longer than {@code maxRateLimitWait} ({@link #getStatus()} 0, cause a
 * {@link io.camelstora.component.limits.RateLimitWaitException}), or Stora kept answering 429 for longer than that
 * ({@link #getStatus()} 429). Either way Stora did not process the request, so it is safe to send it again later.
 */
public class StoraRateLimitException extends StoraApiException {

    private static final long serialVersionUID = 1L;

    public StoraRateLimitException(String message, String operation, int status, String code, String type,
                                   String errorMessage, List<Detail> details, String requestId, String rateLimitReset,
                                   Throwable cause) {
        super(message, operation, status, code, type, errorMessage, details, requestId, rateLimitReset, cause);
    }
}
