package io.camelstora.component.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class Bucket4jRequestLimiterTest {

    /**
     * The conservative configuration, drained as fast as it allows on a virtual clock for ten minutes: no rolling
     * second ever sees more than 10 grants nor any rolling minute more than 60.
     */
    @Test
    void theBucketConfigurationKeepsEveryRollingWindowUnderItsLimit() {
        long[] now = { 0 };
        TimeMeter clock = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return now[0];
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        RateLimits limits = RateLimits.perSecondAndMinute(10, 60, Duration.ZERO, Duration.ofMinutes(5));
        LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(clock);
        for (Bandwidth b : Bucket4jRequestLimiter.bucketConfiguration(limits).getBandwidths()) {
            builder.addLimit(b);
        }
        Bucket bucket = builder.build();

        List<Long> grants = new ArrayList<>();
        for (long ms = 0; ms < 600_000; ms++) {
            now[0] = TimeUnit.MILLISECONDS.toNanos(ms);
            while (bucket.tryConsume(1)) {
                grants.add(ms);
            }
        }
        assertTrue(maxWithin(grants, 1000) <= 10, "per second: " + maxWithin(grants, 1000));
        assertTrue(maxWithin(grants, 60_000) <= 60, "per minute: " + maxWithin(grants, 60_000));
        assertTrue(grants.size() >= 580, "sustains 59 per minute, got " + grants.size() + " in 10 minutes");
    }

    private static int maxWithin(List<Long> sortedMillis, long length) {
        int max = 0;
        int start = 0;
        for (int end = 0; end < sortedMillis.size(); end++) {
            while (sortedMillis.get(end) - sortedMillis.get(start) >= length) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }
}
