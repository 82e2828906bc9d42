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
package io.camelstora.component.internal.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.camelstora.component.limits.Bucket4jRequestLimiter;
import io.camelstora.component.limits.RateLimits;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedBucketsTest {

    /**
     * The shared bucket drained as fast as it allows on a virtual clock for ten minutes: even when one request reaches
     * Stora (or is counted there) up to 1.5 s later than another, no minute sees more than 60 (the grants of any 61.5 s
     * stay within 60; with the 200 ms margin alone, 61), no second more than 10 with up to 200 ms; and it still
     * sustains 0.97 of the minute's budget.
     */
    @Test
    void requestsArrivingUpTo1500MillisApartFromTheirGrantsKeepEveryMinuteUnderItsLimit() {
        long[] now = {0};
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
        RateLimits shared = SharedBuckets.sharedLimits(
                RateLimits.perSecondAndMinute(10, 60, Duration.ofMillis(20), Duration.ofMinutes(5)));
        LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(clock);
        for (Bandwidth b : Bucket4jRequestLimiter.bucketConfiguration(shared).getBandwidths()) {
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
        assertTrue(maxWithin(grants, 61_500) <= 60, "per minute, 1.5 s late: " + maxWithin(grants, 61_500));
        assertTrue(maxWithin(grants, 1_200) <= 10, "per second, 200 ms late: " + maxWithin(grants, 1_200));
        assertTrue(grants.size() >= 582, "sustains 0.97 of 60 a minute, got " + grants.size() + " in 10 minutes");
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
