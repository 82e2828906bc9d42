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
package io.camelstora.component.internal.webhook;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;

/**
 * Logs refused and failed deliveries without letting whoever sends them write the log: at most one line per reason and
 * interval, counting the deliveries it stands for, and values taken from the request ({@code X-Stora-Request-Id} and
 * the like) cut short and stripped of control characters. A public webhook URL receives whatever anybody posts; the
 * counts per reason are in the metrics and the consumer's health check.
 */
final class RejectionLog {

    /** How much of a value from the request a log line quotes. */
    static final int MAX_QUOTED = 64;

    private final Logger log;
    private final long intervalNanos;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        final AtomicLong since = new AtomicLong();
        final AtomicLong next = new AtomicLong(Long.MIN_VALUE);
    }

    RejectionLog(Logger log, long intervalMillis) {
        this.log = log;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
    }

    /**
     * Logs {@code message} (with {@code arguments}, a throwable last) at WARN when no line was logged for
     * {@code reason} within the interval, adding how many deliveries were counted under it since the last line; else
     * only counts it.
     */
    void warn(String reason, String message, Object... arguments) {
        Window window = windows.computeIfAbsent(reason, r -> new Window());
        window.since.incrementAndGet();
        long now = System.nanoTime();
        long next = window.next.get();
        if (next != Long.MIN_VALUE && now - next < 0 || !window.next.compareAndSet(next, now + intervalNanos)) {
            return; // logged within the interval, or being logged by another thread
        }
        long count = window.since.getAndSet(0);
        if (count > 1) {
            log.warn(message + " [" + count + " deliveries for this reason since the last such line]", arguments);
        } else {
            log.warn(message, arguments);
        }
    }

    /** {@code value} fit for a log line: printable ASCII only, at most {@link #MAX_QUOTED} characters. */
    static String quote(String value) {
        if (value == null) {
            return "(none)";
        }
        int length = Math.min(value.length(), MAX_QUOTED);
        StringBuilder quoted = new StringBuilder(length + 24);
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            quoted.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        if (value.length() > MAX_QUOTED) {
            quoted.append("...(").append(value.length()).append(" chars)");
        }
        return quoted.toString();
    }
}
