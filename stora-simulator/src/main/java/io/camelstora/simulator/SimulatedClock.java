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
package io.camelstora.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's notion of "now": wall-clock time plus an offset tests can move forward, so token expiry,
 * the 24 h idempotency window and tenancy start dates can be exercised without waiting. Rate limiting and
 * webhook retry timing deliberately use real time instead (they are about what a client experiences).
 */
public final class SimulatedClock {

    /** In nanoseconds: advancing by exactly the time to a start date must reach it, not stop a fraction short. */
    private final AtomicLong offsetNanos = new AtomicLong();
    /** Set while seed data loads, so seeded timestamps are the same on every run. */
    private volatile Instant pinned;
    /** What happens when time is moved on: the simulator's move-in day runs for the tenancies now due. */
    private volatile Runnable onAdvance = () -> {
    };

    public Instant now() {
        Instant pin = pinned;
        return pin != null ? pin : Instant.now().plusNanos(offsetNanos.get());
    }

    void pin(Instant instant) {
        pinned = instant;
    }

    /** Now, to the second: the precision of the API's ISO-8601 timestamps. */
    public Instant nowSeconds() {
        return now().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Moves time on. Tenancies whose start date is now reached move in, as Stora's move-in day does: reserved units
     * become occupied ({@code tenancy.started}, {@code unit.occupied}).
     */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("The simulated clock only moves forward");
        }
        offsetNanos.addAndGet(duration.toNanos());
        onAdvance.run();
    }

    void onAdvance(Runnable action) {
        this.onAdvance = action;
    }

    public Duration offset() {
        return Duration.ofNanos(offsetNanos.get());
    }

    void reset() {
        offsetNanos.set(0);
    }
}
