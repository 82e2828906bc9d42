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
package io.camelstora.simulator.limits;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import io.camelstora.simulator.RateLimitMode;

/**
 * Per-token request limits (https://docs.stora.co/2025-09/guides/requests: 10 per second and 60 per minute by default). Real time, not the
 * simulated clock: limits are about how fast a client really sends. Only admitted requests are counted, so a
 * client that backs off recovers as soon as the window allows.
 */
public final class PerTokenLimiter {

    /** Why a request was refused: the limit that tripped and when (epoch seconds) a request will be admitted again. */
    public record Rejection(int limit, long resetEpochSeconds) {
    }

    private record Limit(int max, long windowMillis) {
    }

    private final Limit[] limits;
    private final RateLimitMode mode;
    private final Map<String, Deque<Long>> admitted = new HashMap<>();
    private final Map<String, long[]> fixedCounters = new HashMap<>();

    public PerTokenLimiter(int perSecond, int perMinute, RateLimitMode mode) {
        this.limits = new Limit[]{new Limit(perSecond, 1_000), new Limit(perMinute, 60_000)};
        this.mode = mode;
    }

    /** Admits (and counts) the request, or says why not. */
    public synchronized Rejection admit(String key, long nowMillis) {
        return mode == RateLimitMode.SLIDING_WINDOW ? sliding(key, nowMillis) : fixed(key, nowMillis);
    }

    public synchronized void reset() {
        admitted.clear();
        fixedCounters.clear();
    }

    private Rejection sliding(String key, long now) {
        Deque<Long> times = admitted.computeIfAbsent(key, k -> new ArrayDeque<>());
        long longest = 0;
        for (Limit limit : limits) {
            longest = Math.max(longest, limit.windowMillis);
        }
        while (!times.isEmpty() && times.peekFirst() <= now - longest) {
            times.pollFirst();
        }
        for (Limit limit : limits) {
            if (limit.max <= 0) {
                continue;
            }
            // Admitting now would make max+1 requests in (now - W, now] if the max-th most recent is inside it.
            if (times.size() >= limit.max) {
                long nthMostRecent = nth(times, times.size() - limit.max);
                if (nthMostRecent > now - limit.windowMillis) {
                    long freeAt = nthMostRecent + limit.windowMillis;
                    return new Rejection(limit.max, ceilSeconds(freeAt));
                }
            }
        }
        times.addLast(now);
        return null;
    }

    private Rejection fixed(String key, long now) {
        // Per limit: [window index, count].
        long[] counters = fixedCounters.computeIfAbsent(key, k -> new long[limits.length * 2]);
        for (int i = 0; i < limits.length; i++) {
            Limit limit = limits[i];
            long window = now / limit.windowMillis;
            if (counters[2 * i] != window) {
                counters[2 * i] = window;
                counters[2 * i + 1] = 0;
            }
            if (limit.max > 0 && counters[2 * i + 1] >= limit.max) {
                return new Rejection(limit.max, ceilSeconds((window + 1) * limit.windowMillis));
            }
        }
        for (int i = 0; i < limits.length; i++) {
            counters[2 * i + 1]++;
        }
        return null;
    }

    private static long nth(Deque<Long> times, int index) {
        int i = 0;
        for (long time : times) {
            if (i++ == index) {
                return time;
            }
        }
        throw new IllegalStateException();
    }

    private static long ceilSeconds(long millis) {
        return (millis + 999) / 1000;
    }
}
