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
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.camelstora.component.http.StoraResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in limiter of one Stora account: never more than {@code N} requests reaching Stora in <em>any</em>
 * interval of length {@code W}, for every window (10 per second and 60 per minute by default), so the account stays
 * under the limit whether the server counts fixed windows (any alignment) or sliding ones.
 * <p>
 * It keeps a log of its recent requests (a sliding log). When a request could reach the server is bounded: not before
 * it was written to its connection ({@link Permit#sent()}, else its grant), and not after its response came back less
 * the time the server then takes to answer. That time is at least about the shortest write-to-response time of the
 * account's recent requests ({@link #RECENT_ROUND_TRIPS}; taken as 0 until {@link #TRUSTED_ROUND_TRIPS} were answered,
 * as the first requests to a server starting up may wait before it counts them). So a request counts in a window
 * from its grant until {@code W + margin} after the later of its write and its response less that shortest round
 * trip; the margin covers the variation of the network's one-way delay, and a new permit is granted only while fewer
 * than {@code N} requests count. Measured so, a server that takes 300 ms to answer every request is still sent 10 a
 * second (each counts from about when it left), while requests held up on the way (queued in front of a busy server,
 * or on a slow network) are answered late and count until late: a burst cannot squeeze later requests into their
 * window. Connecting and waiting for a pooled connection happen before the write and never shorten a window. A
 * request in flight counts in every window until it is answered.
 * <p>
 * A token bucket cannot express this rule: a bucket of capacity 60 refilling one per second admits 60 + 60 requests
 * within some 60 s, and interval refills aligned to our first request do not match the server's window boundaries,
 * either way a 429 (see {@link Bucket4jRequestLimiter} for the conservative bucket used across nodes).
 * <p>
 * Callers queue in arrival order. Nothing blocks: {@link #acquire()} returns a future that the component's timer (or
 * the release of another permit) completes when the permit is due; the component continues the call on its worker
 * pool (see the component's account limiter). A call whose wait would exceed {@code maxWait} fails at once with a
 * {@link RateLimitWaitException} instead of queueing. A 429 pauses every caller of the account until
 * {@code RateLimit-Reset} (see {@link RateLimitReset}).
 */
public final class SlidingWindowRateLimiter implements RequestLimiter, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlidingWindowRateLimiter.class);
    private static final long OPEN = Long.MAX_VALUE;
    /** How many of the latest round trips the shortest is taken from: a fast one counts at once, a slow spell soon. */
    static final int RECENT_ROUND_TRIPS = 50;
    /** How many round trips must be known before the shortest is trusted. */
    static final int TRUSTED_ROUND_TRIPS = 10;

    private final String account;
    private final RateLimits limits;
    private final ScheduledExecutorService timer;
    /** Monotonic nanoseconds: {@code System::nanoTime}, or the virtual clock of a test. */
    private final LongSupplier nanoTime;
    private final long origin;
    private final int[] permits;
    private final long[] spans;
    private final long longestSpan;
    private final long maxWaitNanos;

    // guarded by this
    private final ArrayDeque<Slot> slots = new ArrayDeque<>();
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    /** The write-to-release times of the latest requests, a ring (see shortestRoundTrip). */
    private final long[] roundTrips = new long[RECENT_ROUND_TRIPS];
    private int roundTripCount;
    private int roundTripNext;
    private final RateLimitPause pause = new RateLimitPause();
    private ScheduledFuture<?> wakeUp;
    private long wakeUpAt;
    private boolean closed;

    /**
     * @param account names the account in logs and errors (never a secret)
     * @param timer   schedules wake-ups and completes the futures of granted callers
     */
    public SlidingWindowRateLimiter(String account, RateLimits limits, ScheduledExecutorService timer) {
        this(account, limits, timer, System::nanoTime);
    }

    /**
     * @param nanoTime a monotonic clock in nanoseconds. A test passes a virtual one and calls {@link #drain()} after
     *                 moving it, as the timer would when the time came.
     */
    SlidingWindowRateLimiter(String account, RateLimits limits, ScheduledExecutorService timer, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.origin = nanoTime.getAsLong();
        this.account = account;
        this.limits = limits;
        this.timer = timer;
        this.maxWaitNanos = limits.maxWait().toNanos();
        this.permits = limits.windows().stream().mapToInt(RateLimits.Window::permits).toArray();
        this.spans = limits.windows().stream().mapToLong(w -> w.length().plus(limits.margin()).toNanos()).toArray();
        this.longestSpan = Arrays.stream(spans).max().orElse(0);
    }

    public RateLimits getLimits() {
        return limits;
    }

    @Override
    public CompletableFuture<Permit> acquire() {
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new RateLimitWaitException(
                        "The rate limiter of Stora account " + account + " is closed: the stora component stopped"));
            }
            long now = now();
            prune(now);
            long next = due(now, false);
            if (queue.isEmpty() && next <= now) {
                return CompletableFuture.completedFuture(grant(now));
            }
            long due = predict(now);
            if (due - now > maxWaitNanos) {
                return CompletableFuture.failedFuture(tooLong(due - now));
            }
            Waiter waiter = new Waiter(now + maxWaitNanos);
            queue.add(waiter);
            if (LOG.isDebugEnabled()) {
                LOG.debug("Stora account {}: call waits about {} ms for its request budget ({}; {} queued)", account,
                        (due - now) / 1_000_000, limits.describe(), queue.size());
            }
            wakeUpAt(next, now);
            return waiter.future;
        }
    }

    @Override
    public void onResponse(StoraResponse response) {
        long pauseMillis;
        synchronized (this) {
            pauseMillis = pause.onResponse(response, now());
        }
        if (pauseMillis == 0) {
            return;
        }
        LOG.warn("Stora answered 429 Too Many Requests to account {} (RateLimit-Limit {}, RateLimit-Reset {}): every call"
                + " of the account waits {} ms. If this repeats, the account's plan or another client sharing it allows"
                + " less than {}: adjust rateLimitPerSecond/rateLimitPerMinute", account,
                response.header("RateLimit-Limit"), response.header("RateLimit-Reset"), pauseMillis, limits.describe());
        drain();
    }

    @Override
    public State state() {
        synchronized (this) {
            long now = now();
            prune(now);
            long[] ends = ends(now, false);
            int available = Integer.MAX_VALUE;
            for (int w = 0; w < permits.length; w++) {
                int counting = 0;
                for (long end : ends) {
                    if (end == OPEN || end + spans[w] > now) {
                        counting++;
                    }
                }
                available = Math.min(available, Math.max(0, permits[w] - counting));
            }
            long paused = pause.remainingNanos(now);
            return new State(paused > 0 ? Instant.now().plusNanos(paused) : null, available, queue.size());
        }
    }

    private Permit grant(long now) {
        Slot slot = new Slot(now);
        slots.addLast(slot);
        return new Permit() {
            @Override
            public void sent() {
                synchronized (SlidingWindowRateLimiter.this) {
                    if (slot.released == OPEN) {
                        slot.sent = now();
                    }
                }
            }

            @Override
            public void release() {
                SlidingWindowRateLimiter.this.release(slot);
            }
        };
    }

    private void release(Slot slot) {
        synchronized (this) {
            if (slot.released != OPEN) {
                return;
            }
            slot.released = now();
            roundTrips[roundTripNext] = slot.released - slot.sent;
            roundTripNext = (roundTripNext + 1) % roundTrips.length;
            roundTripCount = Math.min(roundTripCount + 1, roundTrips.length);
        }
        drain();
    }

    /**
     * The shortest recent write-to-release time: about the least the server takes to answer once it counted a request.
     * 0 until {@link #TRUSTED_ROUND_TRIPS} requests were answered, so that the first ones, which a server starting
     * up or a first connection may hold up before counting them, are not taken for its answering time.
     */
    private long shortestRoundTrip() {
        if (roundTripCount < TRUSTED_ROUND_TRIPS) {
            return 0;
        }
        long shortest = Long.MAX_VALUE;
        for (int i = 0; i < roundTripCount; i++) {
            shortest = Math.min(shortest, roundTrips[i]);
        }
        return shortest;
    }

    /** Grants what is due, fails what can no longer be granted in time, and sets the next wake-up. */
    void drain() {
        List<Waiter> granted = new ArrayList<>();
        List<Permit> grantedPermits = new ArrayList<>();
        List<Waiter> expired = new ArrayList<>();
        RateLimitWaitException error = null;
        synchronized (this) {
            if (closed) {
                return;
            }
            wakeUp = null;
            long now = now();
            prune(now);
            while (!queue.isEmpty() && due(now, false) <= now) {
                granted.add(queue.poll());
                grantedPermits.add(grant(now));
            }
            if (!queue.isEmpty()) {
                // failing callers below frees no slot, so this stays when the next permit is due
                long due = due(now, false);
                // every slot in the way is still in flight: its release drains again; judge deadlines optimistically
                long next = due == OPEN ? due(now, true) : due;
                // deadlines grow along the queue, so the callers that cannot make it are a prefix
                while (!queue.isEmpty() && queue.peek().deadline < next) {
                    expired.add(queue.poll());
                }
                if (!expired.isEmpty()) {
                    error = tooLong(next - now);
                }
                if (!queue.isEmpty() && due != OPEN) {
                    wakeUpAt(due, now);
                }
            }
        }
        // outside the lock: completing runs the callers' continuations
        for (int i = 0; i < granted.size(); i++) {
            granted.get(i).future.complete(grantedPermits.get(i));
        }
        for (Waiter w : expired) {
            w.future.completeExceptionally(error);
        }
    }

    /**
     * When the next permit is due: {@link #OPEN} when only the release of a request in flight can free a slot, unless
     * {@code optimistic}, which takes every request in flight as answered now.
     */
    private long due(long now, boolean optimistic) {
        long[] ends = ends(now, optimistic);
        long due = now + pause.remainingNanos(now);
        for (int w = 0; w < permits.length; w++) {
            due = Math.max(due, windowDue(ends, permits[w], spans[w], due));
            if (due == OPEN) {
                return OPEN;
            }
        }
        return due;
    }

    /**
     * When window ({@code permits}, {@code span}) lets one more request through at or after {@code t}, given the
     * sorted instants until which earlier requests count ({@link #OPEN} for those in flight).
     */
    private static long windowDue(long[] ends, int permits, long span, long t) {
        int first = 0;
        while (first < ends.length && ends[first] != OPEN && ends[first] + span <= t) {
            first++;
        }
        int counting = ends.length - first;
        if (counting < permits) {
            return t;
        }
        long freeing = ends[first + counting - permits];
        return freeing == OPEN ? OPEN : freeing + span;
    }

    /** When the caller queued behind everyone now waiting would get its permit, if requests in flight end now. */
    private long predict(long now) {
        long[] ends = ends(now, true);
        int known = ends.length;
        ends = Arrays.copyOf(ends, known + queue.size() + 1);
        long t = now + pause.remainingNanos(now);
        for (int i = 0; i <= queue.size(); i++) {
            long[] current = Arrays.copyOf(ends, known + i);
            for (int w = 0; w < permits.length; w++) {
                t = Math.max(t, windowDue(current, permits[w], spans[w], t));
            }
            ends[known + i] = t; // a simulated request counts from its grant (it stays sorted: t only grows)
        }
        return t;
    }

    /**
     * The instants until which the logged requests count, sorted; in-flight ones are OPEN, or now if optimistic. Taken
     * afresh each time from the recent round trips, so later answers correct what an early one suggested.
     */
    private long[] ends(long now, boolean optimistic) {
        long[] ends = new long[slots.size()];
        long roundTrip = shortestRoundTrip();
        int i = 0;
        for (Slot s : slots) {
            ends[i++] = s.released == OPEN ? (optimistic ? now : OPEN) : Math.max(s.sent, s.released - roundTrip);
        }
        Arrays.sort(ends);
        return ends;
    }

    /** Forgets answered requests that no window counts any more. */
    private void prune(long now) {
        slots.removeIf(s -> s.released != OPEN && s.released + longestSpan <= now);
    }

    private void wakeUpAt(long at, long now) {
        if (wakeUp != null && wakeUpAt <= at) {
            return;
        }
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        wakeUpAt = at;
        try {
            wakeUp = timer.schedule(this::drain, Math.max(0, at - now), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // the component is stopping: nobody will wake the queue, so fail it rather than leave callers hanging
            wakeUp = null;
            close();
        }
    }

    private RateLimitWaitException tooLong(long waitNanos) {
        return new RateLimitWaitException("The call would wait " + RateLimits.format(Duration.ofNanos(waitNanos))
                + " for the request budget of Stora account " + account + " ("
                + limits.describe() + ", " + queue.size() + " calls queued"
                + (pause.remainingNanos(now()) > 0 ? ", paused after a 429" : "")
                + "), longer than maxRateLimitWait (" + RateLimits.format(limits.maxWait())
                + "). Send fewer calls at once or raise maxRateLimitWait");
    }

    private long now() {
        return nanoTime.getAsLong() - origin;
    }

    /** Fails every queued caller: the component is stopping and no timer will wake them. */
    @Override
    public void close() {
        List<Waiter> waiting;
        synchronized (this) {
            closed = true;
            if (wakeUp != null) {
                wakeUp.cancel(false);
                wakeUp = null;
            }
            waiting = new ArrayList<>(queue);
            queue.clear();
        }
        RateLimitWaitException error = new RateLimitWaitException(
                "The rate limiter of Stora account " + account + " closed while the call waited: the stora component stopped");
        waiting.forEach(w -> w.future.completeExceptionally(error));
    }

    @Override
    public String toString() {
        return "SlidingWindowRateLimiter[" + account + ": " + limits.describe() + "]";
    }

    private static final class Waiter {
        final long deadline;
        final CompletableFuture<Permit> future = new CompletableFuture<>();

        Waiter(long deadline) {
            this.deadline = deadline;
        }
    }

    /**
     * One request: it counts in a window from its grant until the window's span after the latest it can have reached
     * the server, the later of when it was written and when it was answered less the shortest recent round trip.
     */
    private static final class Slot {
        /** When it was written to its connection; its grant until the transport says. */
        long sent;
        long released = OPEN;

        Slot(long granted) {
            this.sent = granted;
        }
    }
}
