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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.camelstora.component.http.StoraResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Bucket4jRequestLimiterTest {

    /**
     * The conservative configuration, drained as fast as it allows on a virtual clock for ten minutes: no rolling
     * second ever sees more than 10 grants nor any rolling minute more than 60.
     */
    @Test
    void theBucketConfigurationKeepsEveryRollingWindowUnderItsLimit() {
        RateLimits limits = RateLimits.perSecondAndMinute(10, 60, Duration.ZERO, Duration.ofMinutes(5));
        List<Long> grants = BucketDrain.grants(limits, 600_000);
        assertTrue(BucketDrain.maxWithin(grants, 1000) <= 10, "per second: " + BucketDrain.maxWithin(grants, 1000));
        assertTrue(BucketDrain.maxWithin(grants, 60_000) <= 60, "per minute: " + BucketDrain.maxWithin(grants, 60_000));
        assertTrue(grants.size() >= 580, "sustains 59 per minute, got " + grants.size() + " in 10 minutes");
    }

    /** A 429 pauses this node's callers until RateLimit-Reset; a pause longer than maxWait fails them unsent. */
    @Test
    void a429PausesTheCallersOfThisNode() throws Exception {
        try (Bucket4jRequestLimiter limiter = Bucket4jRequestLimiter.local(
                RateLimits.perSecondAndMinute(10, 60, Duration.ZERO, Duration.ofSeconds(5)))) {
            assertNull(limiter.state().pausedUntil());
            limiter.onResponse(new StoraResponse(429, Map.of("ratelimit-reset", List.of("2")), new byte[0]));
            assertNotNull(limiter.state().pausedUntil(), "paused for the two seconds RateLimit-Reset asks");
            CompletableFuture<RequestLimiter.Permit> waiting = limiter.acquire();
            assertFalse(waiting.isDone(), "waits for the end of the pause");

            // a later 429 asking for longer extends the pause past maxWait: new callers fail at once
            limiter.onResponse(new StoraResponse(429, Map.of("ratelimit-reset", List.of("60")), new byte[0]));
            limiter.onResponse(new StoraResponse(200, Map.of(), new byte[0]));
            ExecutionException e = assertThrows(ExecutionException.class, () -> limiter.acquire().get(1, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof RateLimitWaitException, e.getCause().toString());
            assertTrue(e.getCause().getMessage().contains("429 pause"), e.getCause().getMessage());
            assertNotNull(waiting.get(5, TimeUnit.SECONDS), "the caller that queued first keeps its shorter wait");
        }
    }
}
