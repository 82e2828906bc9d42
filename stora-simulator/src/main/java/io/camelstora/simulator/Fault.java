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
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * One injected fault: what happens, to which requests (method and path glob, {@code *} matching any characters) and
 * how many times. Build with the static factories and refine with {@link #on}, {@link #times}:
 *
 * <pre>{@code
 * sim.faults().inject(Fault.error(503).on("POST", "/2025-09/orders*").times(2));
 * sim.faults().inject(Fault.dropAfterProcessing().on("POST", "/2025-09/contacts"));
 * }</pre>
 */
public final class Fault {

    public enum Kind {
        /** Answer normally, but only after a delay. */
        LATENCY,
        /** Answer with a 5xx and the {@code internal_server_error} body, without processing the request. */
        ERROR,
        /** Close the connection without answering and without processing the request. */
        DROP_BEFORE_PROCESSING,
        /**
         * Process the request (state changes, idempotency record, webhooks) and then close the connection without
         * answering: the response is lost, which is how a client learns that a retry must reuse the Idempotency-Key.
         */
        DROP_AFTER_PROCESSING,
        /** Answer 429 {@code too_many_requests} as if the rate limit had tripped. */
        TOO_MANY_REQUESTS
    }

    private final Kind kind;
    private final Duration latency;
    private final int status;
    private String method;
    private String pathGlob;
    private Pattern pathPattern;
    private final AtomicInteger remaining = new AtomicInteger(-1);

    private Fault(Kind kind, Duration latency, int status) {
        this.kind = kind;
        this.latency = latency;
        this.status = status;
    }

    public static Fault latency(Duration delay) {
        return new Fault(Kind.LATENCY, delay, 0);
    }

    /** A server error; {@code status} must be 5xx. */
    public static Fault error(int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("Injected errors are 5xx; got " + status);
        }
        return new Fault(Kind.ERROR, Duration.ZERO, status);
    }

    public static Fault dropBeforeProcessing() {
        return new Fault(Kind.DROP_BEFORE_PROCESSING, Duration.ZERO, 0);
    }

    public static Fault dropAfterProcessing() {
        return new Fault(Kind.DROP_AFTER_PROCESSING, Duration.ZERO, 0);
    }

    public static Fault tooManyRequests() {
        return new Fault(Kind.TOO_MANY_REQUESTS, Duration.ZERO, 429);
    }

    /** Only requests with this method (null for any) whose path matches the glob (null for any). */
    public Fault on(String method, String pathGlob) {
        this.method = method == null ? null : method.toUpperCase(Locale.ROOT);
        this.pathGlob = pathGlob;
        this.pathPattern = pathGlob == null ? null : Pattern.compile(globToRegex(pathGlob));
        return this;
    }

    /** Applies to the next {@code n} matching requests only (default: every matching request until cleared). */
    public Fault times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        remaining.set(n);
        return this;
    }

    public Kind kind() {
        return kind;
    }

    public Duration latencyDuration() {
        return latency;
    }

    public int status() {
        return status;
    }

    public String method() {
        return method;
    }

    public String pathGlob() {
        return pathGlob;
    }

    /** Matching requests still to be affected, or -1 for unlimited. */
    public int remaining() {
        return remaining.get();
    }

    boolean matches(String requestMethod, String path) {
        return remaining.get() != 0 && (method == null || method.equals(requestMethod))
                && (pathPattern == null || pathPattern.matcher(path).matches());
    }

    /** Claims one use; false when another request took the last one. */
    boolean consume() {
        while (true) {
            int left = remaining.get();
            if (left == 0) {
                return false;
            }
            if (left < 0 || remaining.compareAndSet(left, left - 1)) {
                return true;
            }
        }
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        String[] parts = glob.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            if (!parts[i].isEmpty()) {
                regex.append(Pattern.quote(parts[i]));
            }
        }
        return regex.toString();
    }

    @Override
    public String toString() {
        return kind + (status > 0 ? " " + status : "") + (kind == Kind.LATENCY ? " " + latency.toMillis() + "ms" : "")
                + " on " + (method == null ? "*" : method) + " " + (pathGlob == null ? "*" : pathGlob)
                + (remaining() < 0 ? "" : " x" + remaining());
    }
}
