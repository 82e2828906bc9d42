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

import java.time.Instant;

/**
 * What the calls of one Stora account did since the component started: what throttling and retries did (counters
 * that only grow) and how the API answered last (for the account's health check). Shared by every endpoint and
 * consumer of the account; read it from {@code StoraComponent.getAccountStats()} or
 * {@code StoraEndpoint.getAccountStats()}. Everything counted here is also reported to
 * Micrometer when it is on the classpath.
 */
public interface StoraAccountStats {

    /** How the API answered the latest request that reached it, or why the latest one got no answer. */
    record ApiContact(Instant at, int status, String failure) {

        /** Whether the API itself answered: a response other than 502, 503 or 504 (a proxy or an overloaded API). */
        public boolean reached() {
            return status > 0 && status != 502 && status != 503 && status != 504;
        }
    }

    /** The account: base URL and a non-secret account id ({@code token:<fingerprint>}, a client id...). */
    String getAccount();

    /** Requests the limiter let through (every attempt, retries and replays included). */
    long getRequests();

    /** Requests that had to wait for the account's budget before being sent. */
    long getThrottledRequests();

    /** Total time requests spent waiting for the account's budget, in milliseconds. */
    long getThrottleWaitMillis();

    /** Calls failed without being sent because their wait would have exceeded {@code maxRateLimitWait}. */
    long getRefusedByLimiter();

    /** 429 Too Many Requests responses received. */
    long getRateLimitedResponses();

    /** Calls sent again after a 429, once the account's pause ended. */
    long getRateLimitReplays();

    /** Attempts repeated after a connection error, timeout or 502/503/504. */
    long getRetries();

    /** Calls that still failed after their last allowed retry. */
    long getRetriesExhausted();

    /** The latest request's answer, or why it got none; {@code null} before the first request. */
    ApiContact getLastContact();

    /** The latest answer of the API itself (see {@link ApiContact#reached()}); {@code null} before the first one. */
    ApiContact getLastReached();

    /** Requests in a row, up to the latest, that did not reach the API; 0 when the latest did. */
    int getUnreachedInARow();

    /** When the current run of requests that did not reach the API began; {@code null} when the latest did. */
    Instant getUnreachedSince();
}
