package io.camelstora.component.limits;

import java.util.concurrent.atomic.LongAdder;

/**
 * What throttling and retries did for one Stora account since the component started. Shared by every endpoint and
 * consumer of the account; read it from {@code StoraComponent.getAccountStats()} or
 * {@code StoraEndpoint.getAccountStats()}. Counters only grow.
 */
public final class StoraAccountStats {

    private final String account;
    private final LongAdder requests = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder throttleWaitNanos = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder rateLimitReplays = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder retriesExhausted = new LongAdder();

    public StoraAccountStats(String account) {
        this.account = account;
    }

    /** The account: base URL and a non-secret account id ({@code token:<fingerprint>}, a client id...). */
    public String getAccount() {
        return account;
    }

    /** Requests the limiter let through (every attempt, retries and replays included). */
    public long getRequests() {
        return requests.sum();
    }

    /** Requests that had to wait for the account's budget before being sent. */
    public long getThrottledRequests() {
        return throttled.sum();
    }

    /** Total time requests spent waiting for the account's budget, in milliseconds. */
    public long getThrottleWaitMillis() {
        return throttleWaitNanos.sum() / 1_000_000;
    }

    /** Calls failed without being sent because their wait would have exceeded {@code maxRateLimitWait}. */
    public long getRefusedByLimiter() {
        return refused.sum();
    }

    /** 429 Too Many Requests responses received. */
    public long getRateLimitedResponses() {
        return rateLimited.sum();
    }

    /** Calls sent again after a 429, once the account's pause ended. */
    public long getRateLimitReplays() {
        return rateLimitReplays.sum();
    }

    /** Attempts repeated after a connection error, timeout or 502/503/504. */
    public long getRetries() {
        return retries.sum();
    }

    /** Calls that still failed after their last allowed retry. */
    public long getRetriesExhausted() {
        return retriesExhausted.sum();
    }

    static boolean isRefusal(Throwable error) {
        Throwable t = error;
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof RateLimitWaitException;
    }

    void requestSent() {
        requests.increment();
    }

    void throttled(long waitNanos) {
        throttled.increment();
        throttleWaitNanos.add(waitNanos);
    }

    void refused() {
        refused.increment();
    }

    void rateLimited() {
        rateLimited.increment();
    }

    void rateLimitReplay() {
        rateLimitReplays.increment();
    }

    void retry() {
        retries.increment();
    }

    void retriesExhausted() {
        retriesExhausted.increment();
    }

    @Override
    public String toString() {
        return "StoraAccountStats[" + account + ": requests=" + getRequests() + ", throttled=" + getThrottledRequests()
               + ", throttleWaitMillis=" + getThrottleWaitMillis() + ", refusedByLimiter=" + getRefusedByLimiter()
               + ", rateLimitedResponses=" + getRateLimitedResponses() + ", rateLimitReplays=" + getRateLimitReplays()
               + ", retries=" + getRetries() + ", retriesExhausted=" + getRetriesExhausted() + "]";
    }
}
