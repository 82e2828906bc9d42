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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.camelstora.component.http.StoraResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlidingWindowRateLimiterTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    /** The limiter's clock: tests move it and drain, as the timer would when the time came. */
    private final AtomicLong nanos = new AtomicLong();

    private SlidingWindowRateLimiter limiter(String windows, Duration maxWait) {
        return new SlidingWindowRateLimiter("test", new RateLimits(RateLimits.parseWindows(windows), Duration.ZERO, maxWait),
                timer, nanos::get);
    }

    /** On the real clock and timer: what a virtual clock cannot show is that the timer wakes queued callers itself. */
    private SlidingWindowRateLimiter realTimeLimiter(String windows, Duration maxWait) {
        return new SlidingWindowRateLimiter("test", new RateLimits(RateLimits.parseWindows(windows), Duration.ZERO, maxWait),
                timer);
    }

    private void advance(SlidingWindowRateLimiter limiter, Duration duration) {
        nanos.addAndGet(duration.toNanos());
        limiter.drain();
    }

    @Test
    void grantsTheWindowAtOnceThenQueues() {
        SlidingWindowRateLimiter limiter = limiter("3/1h", Duration.ofHours(2));
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.acquire().isDone(), "permit " + i);
        }
        CompletableFuture<RequestLimiter.Permit> fourth = limiter.acquire();
        assertFalse(fourth.isDone(), "the fourth waits an hour for the first slot");
        limiter.close();
        assertTrue(fourth.isCompletedExceptionally(), "closing fails whoever waits");
    }

    @Test
    void aRequestCountsUntilTheWindowHasPassedSinceItsResponse() throws Exception {
        SlidingWindowRateLimiter limiter = limiter("1/100ms", Duration.ofMinutes(1));
        RequestLimiter.Permit inFlight = limiter.acquire().get();
        CompletableFuture<RequestLimiter.Permit> next = limiter.acquire();
        advance(limiter, Duration.ofMillis(300));
        assertFalse(next.isDone(), "the first request has no response yet: Stora may still be about to count it");
        inFlight.release();
        advance(limiter, Duration.ofMillis(99));
        assertFalse(next.isDone(), "the window counts from the response, not from the request");
        advance(limiter, Duration.ofMillis(1));
        assertTrue(next.isDone(), "due a full window after the response");
        limiter.close();
    }

    @Test
    void everyWindowCounts() {
        SlidingWindowRateLimiter limiter = limiter("5/1h,2/1h", Duration.ofHours(2));
        assertTrue(limiter.acquire().isDone());
        assertTrue(limiter.acquire().isDone());
        assertFalse(limiter.acquire().isDone(), "the smaller window is full");
        limiter.close();
    }

    @Test
    void failsAtOnceWhenTheWaitWouldExceedMaxWait() {
        SlidingWindowRateLimiter limiter = limiter("2/1m", Duration.ofSeconds(1));
        limiter.acquire();
        limiter.acquire();
        CompletableFuture<RequestLimiter.Permit> third = limiter.acquire();
        ExecutionException e = assertThrows(ExecutionException.class, third::get);
        RateLimitWaitException refusal = assertInstanceOf(RateLimitWaitException.class, e.getCause());
        assertTrue(refusal.getMessage().contains("maxRateLimitWait (1s)"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("2 per 1m"), refusal.getMessage());
    }

    @Test
    void grantsInArrivalOrder() throws Exception {
        SlidingWindowRateLimiter limiter = realTimeLimiter("2/40ms", Duration.ofMinutes(1));
        List<Integer> order = new ArrayList<>();
        List<CompletableFuture<Void>> permits = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int n = i;
            permits.add(limiter.acquire().thenAccept(permit -> {
                synchronized (order) {
                    order.add(n);
                }
                permit.release(); // answered at once: its slot counts for 40 ms from now
            }));
        }
        CompletableFuture.allOf(permits.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), order);
    }

    @Test
    void a429PausesQueuedAndNewCallersAndFailsThoseThatCannotWaitThatLong() {
        SlidingWindowRateLimiter limiter = limiter("1/1h", Duration.ofHours(2));
        limiter.acquire();
        CompletableFuture<RequestLimiter.Permit> queued = limiter.acquire();
        assertFalse(queued.isDone());

        long reset = System.currentTimeMillis() / 1000 + 3 * 3600; // three hours: longer than maxWait
        limiter.onResponse(new StoraResponse(429, Map.of("ratelimit-reset", List.of(Long.toString(reset))), new byte[0]));

        assertTrue(queued.isCompletedExceptionally(), "a queued caller cannot wait three hours");
        CompletableFuture<RequestLimiter.Permit> next = limiter.acquire();
        ExecutionException e = assertThrows(ExecutionException.class, next::get);
        assertTrue(e.getCause().getMessage().contains("paused after a 429"), e.getCause().getMessage());
    }

    @Test
    void a429PausesEvenWhenTheWindowsHaveRoom() {
        SlidingWindowRateLimiter limiter = limiter("100/1s", Duration.ofHours(1));
        long reset = System.currentTimeMillis() / 1000 + 600;
        limiter.onResponse(new StoraResponse(429, Map.of("ratelimit-reset", List.of(Long.toString(reset))), new byte[0]));
        CompletableFuture<RequestLimiter.Permit> next = limiter.acquire();
        assertFalse(next.isDone(), "waits for the reset ten minutes ahead");
        limiter.close();
    }
}
