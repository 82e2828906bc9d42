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

import java.util.Set;

import io.camelstora.simulator.limits.PerTokenLimiter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-token limits of https://docs.stora.co/2025-09/guides/requests: 10 per second and 60 per minute. */
class RateLimitTest {

    @RegisterExtension
    static StoraSimulatorExtension stora = StoraSimulatorExtension.builder()
            .simulator(b -> b.seed(Seed.EMPTY).rateLimit(10, 60))
            .build();

    @Test
    void eleventhRequestWithinASecondIs429WithHeaders() {
        ApiClient api = new ApiClient(stora.baseUrl(), stora.accessToken());
        long before = System.currentTimeMillis() / 1000;
        ApiClient.Response last = null;
        int ok = 0;
        // Eleven requests take far less than a second here; count rather than assume which one trips.
        for (int i = 0; i < 11; i++) {
            last = api.get("/2025-09/sites");
            if (last.status() == 200) {
                ok++;
            }
        }
        assertEquals(10, ok);
        assertEquals(429, last.status());
        assertEquals("too_many_requests", last.errorCode());
        assertEquals("10", last.header("RateLimit-Limit"));
        long reset = Long.parseLong(last.header("RateLimit-Reset"));
        assertTrue(reset >= before && reset <= before + 2, "reset is the epoch second the window frees up");
        assertEquals(1, stora.simulator().journal().count429());

        ApiClient other = api.withToken(stora.simulator().createAccessToken(Set.of("public.site:read")));
        assertEquals(200, other.get("/2025-09/sites").status(), "limits are per token");
    }

    @Test
    void limitsAreConfigurable() {
        try (StoraSimulator sim = StoraSimulator.builder().seed(Seed.EMPTY).rateLimit(3, 4).start()) {
            ApiClient api = new ApiClient(sim.baseUrl(), sim.accessToken());
            int ok = 0;
            ApiClient.Response last = null;
            for (int i = 0; i < 4; i++) {
                last = api.get("/2025-09/sites");
                ok += last.status() == 200 ? 1 : 0;
            }
            assertEquals(3, ok, "three per second, not the default ten");
            assertEquals("3", last.header("RateLimit-Limit"));
        }
    }

    @Test
    void slidingWindowAllowsNoMoreThanNInAnyInterval() {
        PerTokenLimiter limiter = new PerTokenLimiter(10, 60, RateLimitMode.SLIDING_WINDOW);
        for (int i = 0; i < 10; i++) {
            assertNull(limiter.admit("t", 900 + i));
        }
        // A fixed window restarts at t=1000; eleven requests within 101 ms must still be refused.
        PerTokenLimiter.Rejection rejection = limiter.admit("t", 1001);
        assertNotNull(rejection);
        assertEquals(10, rejection.limit());
        assertEquals(2, rejection.resetEpochSeconds(), "the oldest request (t=0.9s) leaves the window at t=1.9s");
        assertNull(limiter.admit("t", 1900));
    }

    @Test
    void fixedWindowIsEpochAligned() {
        PerTokenLimiter limiter = new PerTokenLimiter(10, 60, RateLimitMode.FIXED_WINDOW);
        for (int i = 0; i < 10; i++) {
            assertNull(limiter.admit("t", 900 + i));
        }
        assertEquals(1, limiter.admit("t", 999).resetEpochSeconds());
        assertNull(limiter.admit("t", 1001), "a new one-second window");
    }

    @Test
    void perMinuteLimitTripsAfterSixty() {
        PerTokenLimiter limiter = new PerTokenLimiter(10, 60, RateLimitMode.SLIDING_WINDOW);
        for (int i = 0; i < 60; i++) {
            assertNull(limiter.admit("t", i * 200L));
        }
        PerTokenLimiter.Rejection rejection = limiter.admit("t", 12_000);
        assertEquals(60, rejection.limit());
        assertEquals(60, rejection.resetEpochSeconds());
    }
}
