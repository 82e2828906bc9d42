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
    void aRequestCountsUntilAnsweredThenUntilTheWindowHasPassedSinceItCouldLastHaveArrived() throws Exception {
        SlidingWindowRateLimiter limiter = limiter("1/100ms", Duration.ofMinutes(1));
        // requests answered in 10 ms: none of this account is answered faster than that once Stora counted it
        for (int i = 0; i < SlidingWindowRateLimiter.TRUSTED_ROUND_TRIPS; i++) {
            RequestLimiter.Permit fast = limiter.acquire().get();
            advance(limiter, Duration.ofMillis(10));
            fast.release();
            advance(limiter, Duration.ofMillis(100));
        }

        RequestLimiter.Permit slow = limiter.acquire().get();
        CompletableFuture<RequestLimiter.Permit> next = limiter.acquire();
        advance(limiter, Duration.ofMillis(300));
        assertFalse(next.isDone(), "the slow request has no response yet: Stora may still be about to count it");
        slow.release();
        advance(limiter, Duration.ofMillis(89));
        assertFalse(next.isDone(), "it may have reached Stora as late as its response less the shortest round trip (10 ms)");
        advance(limiter, Duration.ofMillis(1));
        assertTrue(next.isDone(), "due a full window after that");
        limiter.close();
    }

    @Test
    void untilEnoughRequestsWereAnsweredEachCountsFromItsAnswer() throws Exception {
        SlidingWindowRateLimiter limiter = limiter("1/100ms", Duration.ofMinutes(1));
        RequestLimiter.Permit first = limiter.acquire().get();
        CompletableFuture<RequestLimiter.Permit> next = limiter.acquire();
        advance(limiter, Duration.ofMillis(300));
        first.release();
        advance(limiter, Duration.ofMillis(99));
        assertFalse(next.isDone(), "one answer says nothing of when a server starting up counted it");
        advance(limiter, Duration.ofMillis(1));
        assertTrue(next.isDone());
        limiter.close();
    }

    @Test
    void aServerSlowToAnswerEveryRequestDoesNotSlowTheRate() {
        // 10 per second, every answer 300 ms after the write: once that is known, the 11th request of a second is due a
        // second after the 1st was written, not a second after it was answered (1.3 s)
        SlidingWindowRateLimiter limiter = limiter("10/1s", Duration.ofMinutes(1));
        for (int round = 0; round < 3; round++) {
            List<RequestLimiter.Permit> permits = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                RequestLimiter.Permit permit = limiter.acquire().join();
                permit.sent();
                permits.add(permit);
            }
            CompletableFuture<RequestLimiter.Permit> eleventh = limiter.acquire();
            advance(limiter, Duration.ofMillis(300));
            permits.forEach(RequestLimiter.Permit::release);
            advance(limiter, Duration.ofMillis(699));
            assertFalse(eleventh.isDone());
            advance(limiter, Duration.ofMillis(1));
            assertTrue(eleventh.isDone(), "round " + round + ": 1 s after the writes");
            RequestLimiter.Permit last = eleventh.join();
            last.sent();
            advance(limiter, Duration.ofMillis(300));
            last.release();
            advance(limiter, Duration.ofSeconds(2));
        }
        limiter.close();
    }

    @Test
    void aRequestHeldUpOnTheWayCountsFromItsLateAnswer() {
        // 300 ms round trips are known; then one request of ten is answered 500 ms late (queued in front of the server,
        // or a slow network): it may have been counted as late as 500 ms after it left, so its slot lasts that much longer
        SlidingWindowRateLimiter limiter = limiter("10/1s", Duration.ofMinutes(1));
        for (int i = 0; i < SlidingWindowRateLimiter.TRUSTED_ROUND_TRIPS; i++) {
            RequestLimiter.Permit p = limiter.acquire().join();
            p.sent();
            advance(limiter, Duration.ofMillis(300));
            p.release();
        }
        advance(limiter, Duration.ofSeconds(2));
        List<RequestLimiter.Permit> first = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            RequestLimiter.Permit p = limiter.acquire().join();
            p.sent();
            first.add(p);
        }
        advance(limiter, Duration.ofMillis(300));
        first.subList(1, 10).forEach(RequestLimiter.Permit::release);
        advance(limiter, Duration.ofMillis(500));
        first.get(0).release();
        List<CompletableFuture<RequestLimiter.Permit>> next = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            next.add(limiter.acquire());
        }
        advance(limiter, Duration.ofMillis(200));
        assertEquals(9, next.stream().filter(CompletableFuture::isDone).count(), "the nine count from about their writes");
        advance(limiter, Duration.ofMillis(499));
        assertFalse(next.get(9).isDone(), "the late one counts from 800 ms less the shortest round trip (300 ms)");
        advance(limiter, Duration.ofMillis(1));
        assertTrue(next.get(9).isDone());
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
