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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.camel.util.TimeUtils;

/**
 * The request budget of one Stora account: at most {@code permits} requests in any interval of {@code length}, for
 * every window, plus a safety margin added to each window for the jitter between our clock and the server's arrival
 * times.
 *
 * @param windows the windows, each enforced on its own (10 per second and 60 per minute by default)
 * @param margin  added to the length of every window before a permit is reused
 * @param maxWait the longest one call waits for a permit; past it the call fails instead of queueing
 */
public record RateLimits(List<Window> windows, Duration margin, Duration maxWait) {

    /** At most {@code permits} requests in any interval of {@code length}. */
    public record Window(int permits, Duration length) {

        public Window {
            if (permits < 1 || length.isNegative() || length.isZero()) {
                throw new IllegalArgumentException("A rate limit window needs at least 1 request and a positive length, got "
                        + permits + " per " + length);
            }
        }

        @Override
        public String toString() {
            return permits + " per " + format(length);
        }
    }

    public RateLimits {
        windows = List.copyOf(windows);
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("A rate limit needs at least one window");
        }
        if (margin.isNegative() || maxWait.isNegative()) {
            throw new IllegalArgumentException("rateLimitMargin and maxRateLimitWait cannot be negative");
        }
    }

    /** Stora's documented default shape: {@code perSecond} per second and {@code perMinute} per minute; 0 drops a window. */
    public static RateLimits perSecondAndMinute(int perSecond, int perMinute, Duration margin, Duration maxWait) {
        List<Window> windows = new ArrayList<>();
        if (perSecond > 0) {
            windows.add(new Window(perSecond, Duration.ofSeconds(1)));
        }
        if (perMinute > 0) {
            windows.add(new Window(perMinute, Duration.ofMinutes(1)));
        }
        return new RateLimits(windows, margin, maxWait);
    }

    /**
     * Parses {@code "10/1s,60/1m"}: comma-separated {@code <requests>/<length>} with Camel's duration syntax
     * ({@code 250ms}, {@code 1s}, {@code 1m}, {@code 1h}).
     */
    public static List<Window> parseWindows(String text) {
        List<Window> windows = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            int slash = p.indexOf('/');
            try {
                if (slash < 1) {
                    throw new IllegalArgumentException("missing '/'");
                }
                int permits = Integer.parseInt(p.substring(0, slash).trim());
                Duration length = Duration.ofMillis(TimeUtils.toMilliSeconds(p.substring(slash + 1).trim()));
                windows.add(new Window(permits, length));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("rateLimitWindows '" + text + "' is not a list of <requests>/<length>"
                        + " such as 10/1s,60/1m: '" + p + "' " + e.getMessage(), e);
            }
        }
        return windows;
    }

    /** {@code 10 per 1s, 60 per 1m}: for logs and error messages. */
    public String describe() {
        return windows.stream().map(Window::toString).collect(Collectors.joining(", "));
    }

    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        if (ms >= 1000) {
            return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        return ms + "ms";
    }
}
