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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;

/** A bucket of {@link Bucket4jRequestLimiter#bucketConfiguration} drained as fast as it allows on a virtual clock. */
public final class BucketDrain {

    private BucketDrain() {
    }

    /** The millisecond of each grant over {@code millis} of demand that never stops. */
    public static List<Long> grants(RateLimits limits, long millis) {
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
        LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(clock);
        for (Bandwidth b : Bucket4jRequestLimiter.bucketConfiguration(limits).getBandwidths()) {
            builder.addLimit(b);
        }
        Bucket bucket = builder.build();
        List<Long> grants = new ArrayList<>();
        for (long ms = 0; ms < millis; ms++) {
            now[0] = TimeUnit.MILLISECONDS.toNanos(ms);
            while (bucket.tryConsume(1)) {
                grants.add(ms);
            }
        }
        return grants;
    }

    /** The most grants within any interval of {@code length} milliseconds. */
    public static int maxWithin(List<Long> sortedMillis, long length) {
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
