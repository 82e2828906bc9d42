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
import java.util.List;

import io.camelstora.component.limits.BucketDrain;
import io.camelstora.component.limits.RateLimits;
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
        RateLimits shared = SharedBuckets.sharedLimits(
                RateLimits.perSecondAndMinute(10, 60, Duration.ofMillis(20), Duration.ofMinutes(5)));
        List<Long> grants = BucketDrain.grants(shared, 600_000);
        assertTrue(BucketDrain.maxWithin(grants, 61_500) <= 60,
                "per minute, 1.5 s late: " + BucketDrain.maxWithin(grants, 61_500));
        assertTrue(BucketDrain.maxWithin(grants, 1_200) <= 10,
                "per second, 200 ms late: " + BucketDrain.maxWithin(grants, 1_200));
        assertTrue(grants.size() >= 582, "sustains 0.97 of 60 a minute, got " + grants.size() + " in 10 minutes");
    }
}
