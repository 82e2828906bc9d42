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

import io.camelstora.component.http.StoraResponse;

/**
 * The pause of an account after a 429, for a limiter to keep under its own lock: until {@code RateLimit-Reset} (see
 * {@link RateLimitReset}), a later 429 only ever extending it, the fallback growing with the 429s in a row. Times are
 * nanoseconds on any monotonic clock, the same for every call.
 */
final class RateLimitPause {

    private long until;
    private boolean paused;
    private int consecutive429;

    /** Learns from a response: returns the pause a 429 asks for in milliseconds (always positive), 0 for any other. */
    long onResponse(StoraResponse response, long nowNanos) {
        if (response.status() != 429) {
            consecutive429 = 0;
            return 0;
        }
        consecutive429++;
        long pauseMillis = RateLimitReset.pauseMillis(response, System.currentTimeMillis(), consecutive429);
        long end = nowNanos + pauseMillis * 1_000_000;
        if (!paused || end - until > 0) {
            until = end;
        }
        paused = true;
        return pauseMillis;
    }

    /** What is left of the pause, 0 when not paused. */
    long remainingNanos(long nowNanos) {
        return paused ? Math.max(0, until - nowNanos) : 0;
    }
}
