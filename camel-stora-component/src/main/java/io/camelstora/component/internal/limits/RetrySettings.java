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
package io.camelstora.component.internal.limits;

import java.time.Duration;

/**
 * How calls that failed in a way that is safe to repeat are retried: exponential backoff from {@code initialDelay}
 * doubling up to {@code maxDelay}, each delay randomised by +/- {@link #JITTER} so that callers refused together do
 * not come back together, at most {@code maxRetries} times and not after {@code maxDuration} since the first attempt.
 */
public record RetrySettings(boolean enabled, int maxRetries, Duration initialDelay, Duration maxDelay, Duration maxDuration) {

    /** The share of each delay that is random. */
    public static final double JITTER = 0.5;

    public static final RetrySettings DISABLED = new RetrySettings(false, 0, Duration.ofMillis(1), Duration.ofMillis(2),
            Duration.ofMillis(3));

    public RetrySettings {
        if (enabled) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries is " + maxRetries + "; use 0 or more (or retries=false)");
            }
            if (initialDelay.isNegative() || initialDelay.isZero()) {
                throw new IllegalArgumentException(
                        "retryInitialDelay must be positive, got " + initialDelay.toMillis() + " ms");
            }
            if (maxDelay.compareTo(initialDelay) <= 0) {
                throw new IllegalArgumentException("retryMaxDelay (" + maxDelay.toMillis() + " ms) must be longer than"
                        + " retryInitialDelay (" + initialDelay.toMillis() + " ms)");
            }
            if (maxDuration.compareTo(initialDelay) <= 0) {
                throw new IllegalArgumentException("retryMaxDuration (" + maxDuration.toMillis() + " ms) must be longer than"
                        + " retryInitialDelay (" + initialDelay.toMillis() + " ms)");
            }
        }
    }
}
