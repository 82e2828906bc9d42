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

import io.camelstora.component.http.StoraResponse;
import org.apache.hc.client5.http.utils.DateUtils;

/**
 * How long an account pauses after a 429: until {@code RateLimit-Reset} (epoch seconds, https://docs.stora.co/2025-09/guides/requests), measured
 * on the server's clock when ours disagrees with its {@code Date} header, else an exponential fallback when the header
 * is missing, unreadable or already past.
 */
final class RateLimitReset {

    /** Our clock and the server's {@code Date} may differ this much before we trust the server's clock instead. */
    static final long CLOCK_SKEW_TOLERANCE_MILLIS = 2000;
    /** Values below this are read as delta seconds (the IETF RateLimit draft) rather than epoch seconds. */
    private static final long EPOCH_SECONDS_2001 = 978_307_200L;
    static final long FALLBACK_MILLIS = 1000;
    static final long FALLBACK_MAX_MILLIS = 60_000;

    private RateLimitReset() {
    }

    /**
     * The pause a 429 asks for, in milliseconds, always positive.
     *
     * @param nowMillis           our wall clock
     * @param consecutive429      1 for the first 429 in a row, 2 for the next... (drives the fallback backoff)
     */
    static long pauseMillis(StoraResponse response, long nowMillis, int consecutive429) {
        Long reset = parseLong(response.header("RateLimit-Reset"));
        if (reset != null && reset >= 0) {
            long delay;
            if (reset < EPOCH_SECONDS_2001) {
                delay = reset * 1000;
            } else {
                long reference = nowMillis;
                Long serverNow = serverDate(response);
                if (serverNow != null && Math.abs(serverNow - nowMillis) > CLOCK_SKEW_TOLERANCE_MILLIS) {
                    // our clock is off: measure the wait on the server's clock (1 s resolution, so at most 1 s long)
                    reference = serverNow;
                }
                delay = reset * 1000 - reference;
            }
            if (delay > 0) {
                return delay;
            }
        }
        int doublings = Math.min(Math.max(consecutive429, 1) - 1, 6);
        return Math.min(FALLBACK_MAX_MILLIS, FALLBACK_MILLIS << doublings);
    }

    private static Long serverDate(StoraResponse response) {
        String date = response.header("Date");
        if (date == null) {
            return null;
        }
        Instant parsed = DateUtils.parseStandardDate(date);
        return parsed == null ? null : parsed.toEpochMilli();
    }

    static Long parseLong(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
