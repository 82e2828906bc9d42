package io.camelstora.component.limits;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.camelstora.component.http.StoraResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in limiter of one Stora account: never more than {@code N} permits in <em>any</em> interval of length
 * {@code W}, for every window (10 per second and 60 per minute by default), so the account stays under the limit
 * whether the server counts fixed windows (any alignment) or sliding ones.
 * <p>
 * It keeps, per window, the times of the last {@code N} permits (a sliding log); the next permit is due when the oldest
 * of them is {@code W + margin} old. A token bucket cannot express this: a bucket of capacity 60 refilling one per
 * second admits 60 + 60 requests within some 60 s, and interval refills aligned to our first request do not match the
 * server's window boundaries, either way a 429.
 * <p>
 * Callers queue in arrival order. Nothing blocks: {@link #acquire()} returns a future that a timer on the component's
 * scheduled executor completes when the permit is due (the component continues the call on its worker pool, see
 * {@link AccountLimiter}). A call whose wait would exceed {@code maxWait} fails at once with a
 * {@link RateLimitWaitException} instead of queueing.
 * <p>
 * A 429 pauses every caller of the account until {@code RateLimit-Reset} (see {@link RateLimitReset}).
 */
public final class SlidingWindowRateLimiter implements RequestLimiter, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlidingWindowRateLimiter.class);

    private final String account;
    private final RateLimits limits;
    private final ScheduledExecutorService timer;
    private final long origin = System.nanoTime();
    private final long marginNanos;
    private final long maxWaitNanos;

    // guarded by this
    private final Log[] logs;
    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    private long pausedUntil;
    private int consecutive429;
    private ScheduledFuture<?> wakeUp;
    private long wakeUpAt;
    private boolean closed;

    /**
     * @param account            names the account in logs and errors (never a secret)
     * @param timer   schedules wake-ups and completes the futures of granted callers
     */
    public SlidingWindowRateLimiter(String account, RateLimits limits, ScheduledExecutorService timer) {
        this.account = account;
        this.limits = limits;
        this.timer = timer;
        this.marginNanos = limits.margin().toNanos();
        this.maxWaitNanos = limits.maxWait().toNanos();
        this.logs = limits.windows().stream().map(w -> new Log(w.permits(), w.length().toNanos())).toArray(Log[]::new);
    }

    public RateLimits getLimits() {
        return limits;
    }

    @Override
    public CompletableFuture<Void> acquire() {
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new RateLimitWaitException(
                        "The rate limiter of Stora account " + account + " is closed: the stora component stopped"));
            }
            long now = now();
            if (queue.isEmpty() && due(logs, now) <= now) {
                record(logs, now);
                return CompletableFuture.completedFuture(null);
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
            wakeUpAt(due(logs, now), now);
            return waiter.future;
        }
    }

    @Override
    public void onResponse(StoraResponse response) {
        if (response.status() != 429) {
            synchronized (this) {
                consecutive429 = 0;
            }
            return;
        }
        long pauseMillis;
        synchronized (this) {
            consecutive429++;
            pauseMillis = RateLimitReset.pauseMillis(response, System.currentTimeMillis(), consecutive429);
            pausedUntil = Math.max(pausedUntil, now() + pauseMillis * 1_000_000);
        }
        LOG.warn("Stora answered 429 Too Many Requests to account {} (RateLimit-Limit {}, RateLimit-Reset {}): every call"
                 + " of the account waits {} ms. If this repeats, the account's plan or another client sharing it allows"
                 + " less than {}: adjust rateLimitPerSecond/rateLimitPerMinute", account,
                response.header("RateLimit-Limit"), response.header("RateLimit-Reset"), pauseMillis, limits.describe());
        drain();
    }

    /** Grants what is due, fails what can no longer be granted in time, and sets the next wake-up. */
    private void drain() {
        List<Waiter> granted = new ArrayList<>();
        List<Waiter> expired = new ArrayList<>();
        RateLimitWaitException error = null;
        synchronized (this) {
            wakeUp = null;
            long now = now();
            while (!queue.isEmpty() && due(logs, now) <= now) {
                record(logs, now);
                granted.add(queue.poll());
            }
            if (!queue.isEmpty()) {
                long next = due(logs, now);
                // deadlines grow along the queue, so the callers that cannot make it are a prefix
                while (!queue.isEmpty() && queue.peek().deadline < next) {
                    expired.add(queue.poll());
                }
                if (!expired.isEmpty()) {
                    error = tooLong(next - now);
                }
                if (!queue.isEmpty()) {
                    wakeUpAt(next, now);
                }
            }
        }
        // outside the lock: completing runs the callers' continuations
        granted.forEach(w -> w.future.complete(null));
        for (Waiter w : expired) {
            w.future.completeExceptionally(error);
        }
    }

    /** When the caller queued behind everyone now waiting would get its permit. */
    private long predict(long now) {
        Log[] copy = new Log[logs.length];
        for (int i = 0; i < logs.length; i++) {
            copy[i] = logs[i].copy();
        }
        long t = now;
        for (int i = 0; i <= queue.size(); i++) {
            t = due(copy, t);
            record(copy, t);
        }
        return t;
    }

    private long due(Log[] windows, long now) {
        long t = Math.max(now, pausedUntil);
        for (Log log : windows) {
            t = Math.max(t, log.nextFree(marginNanos));
        }
        return t;
    }

    private static void record(Log[] windows, long t) {
        for (Log log : windows) {
            log.add(t);
        }
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
        return new RateLimitWaitException("The call would wait " + RateLimits.format(java.time.Duration.ofNanos(waitNanos))
                                          + " for the request budget of Stora account " + account + " ("
                                          + limits.describe() + ", " + queue.size() + " calls queued"
                                          + (pausedUntil > now() ? ", paused after a 429" : "")
                                          + "), longer than maxRateLimitWait (" + RateLimits.format(limits.maxWait())
                                          + "). Send fewer calls at once or raise maxRateLimitWait");
    }

    private long now() {
        return System.nanoTime() - origin;
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
        final CompletableFuture<Void> future = new CompletableFuture<>();

        Waiter(long deadline) {
            this.deadline = deadline;
        }
    }

    /** The times of the last {@code permits} grants of one window, oldest first, in a ring. */
    private static final class Log {
        final int permits;
        final long length;
        final long[] times;
        int oldest;
        int size;

        Log(int permits, long length) {
            this.permits = permits;
            this.length = length;
            this.times = new long[permits];
        }

        long nextFree(long margin) {
            return size < permits ? Long.MIN_VALUE : times[oldest] + length + margin;
        }

        void add(long t) {
            if (size < permits) {
                times[(oldest + size++) % permits] = t;
            } else {
                times[oldest] = t;
                oldest = (oldest + 1) % permits;
            }
        }

        Log copy() {
            Log c = new Log(permits, length);
            System.arraycopy(times, 0, c.times, 0, permits);
            c.oldest = oldest;
            c.size = size;
            return c;
        }
    }
}
