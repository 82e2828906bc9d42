package io.camelstora.benchmarks;

/** What the benchmarks share. */
final class BenchmarkSupport {

    /** URI options switching off the account rate limiter where a benchmark measures something else. */
    static final String NO_THROTTLE = "&throttle=false";

    private BenchmarkSupport() {
    }
}
