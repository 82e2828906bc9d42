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
package io.camelstora.benchmarks;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelstora.component.StoraComponent;
import io.camelstora.component.limits.RateLimits;
import io.camelstora.simulator.Seed;
import io.camelstora.simulator.StoraSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Exports 10,000 contacts (100 pages of 100) from the Stora simulator enforcing Stora's default limits, 10 requests
 * per second and 60 per minute as sliding windows (its default, the strictest reading), twice: with camel-stora
 * (throttling on by default, nothing configured) and with a camel-http route behind Camel's throttle EIP at 10 per
 * second, which retries each 429 a second later. Each run gets a fresh simulator. Prints wall times, the lowest time
 * the limits allow, their ratio and the 429 count.
 */
public final class ExportBenchmark {

    private static final int CONTACTS = 10_000;
    private static final int PAGE_SIZE = 100;
    private static final int PAGES = CONTACTS / PAGE_SIZE;
    private static final String LIMITS = "10/1s,60/1m";

    /** A fresh simulator with the contacts and Stora's default limits; its seed adds no other contact. */
    private static StoraSimulator simulator() {
        return StoraSimulator.builder().seed(Seed.contacts(CONTACTS)).rateLimit(10, 60).start();
    }

    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<RateLimits.Window> windows = RateLimits.parseWindows(LIMITS);
        double lowest = lowestSeconds(PAGES, windows);
        System.out.printf(Locale.ROOT, "Export of %,d contacts, %d pages of %d, server enforcing %s as sliding windows%n",
                CONTACTS, PAGES, PAGE_SIZE, describe(windows));
        System.out.printf(Locale.ROOT, "Lowest time the limits allow: %.2f s (the earliest the %dth request may arrive when"
                + " the 1st arrives at 0 s and no interval of 1 s holds more than 10 nor of 60 s"
                + " more than 60; response times not counted)%n", lowest, PAGES);

        Result stora = runStora(windows);
        System.out.printf(Locale.ROOT, "camel-stora          : %7.2f s, ratio %.3f, %d contacts, %d responses 429%n",
                stora.seconds, stora.seconds / lowest, stora.records, stora.rateLimited);
        Result http = runHttpWithThrottle(windows);
        System.out.printf(Locale.ROOT, "camel-http + throttle: %7.2f s, ratio %.3f, %d contacts, %d responses 429%n",
                http.seconds, http.seconds / lowest, http.records, http.rateLimited);
    }

    private record Result(double seconds, int records, long rateLimited) {
    }

    private static Result runStora(List<RateLimits.Window> windows) throws Exception {
        try (StoraSimulator server = simulator()) {
            CamelContext context = new DefaultCamelContext();
            StoraComponent stora = context.getComponent("stora", StoraComponent.class);
            stora.getConfiguration().setBaseUrl(server.baseUrl());
            stora.getConfiguration().setAccessToken(server.accessToken());
            context.start();
            try {
                long start = System.nanoTime();
                Iterator<?> contacts = context.createProducerTemplate()
                        .requestBody("stora:contacts/list?fetchAllPages=true&limit=" + PAGE_SIZE, null, Iterator.class);
                int records = 0;
                while (contacts.hasNext()) {
                    contacts.next();
                    records++;
                }
                return new Result((System.nanoTime() - start) / 1e9, records, server.journal().count429());
            } finally {
                context.stop();
            }
        }
    }

    private static Result runHttpWithThrottle(List<RateLimits.Window> windows) throws Exception {
        try (StoraSimulator server = simulator()) {
            CamelContext context = new DefaultCamelContext();
            AtomicInteger records = new AtomicInteger();
            String token = server.accessToken();
            String url = server.baseUrl() + "/2025-09/contacts";
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // what a user would write without camel-stora: 10 per second, and try a 429 again a second later
                    onException(HttpOperationFailedException.class)
                            .onWhen(exchange -> exchange.getException(HttpOperationFailedException.class)
                                    .getStatusCode() == 429)
                            .maximumRedeliveries(-1).redeliveryDelay(1000);
                    from("direct:export")
                            .loop(PAGES)
                            .process(e -> e.getIn().setHeader(Exchange.HTTP_QUERY,
                                    "page=" + (e.getProperty(Exchange.LOOP_INDEX, Integer.class) + 1) + "&limit=" + PAGE_SIZE))
                            .setHeader("Authorization", constant("Bearer " + token))
                            .throttle(10).totalRequestsMode().timePeriodMillis(1000)
                            .to(url)
                            .process(e -> records.addAndGet(
                                    e.getMessage().getBody(String.class).split("\"full_name\"").length - 1))
                            .end();
                }
            });
            context.start();
            try {
                long start = System.nanoTime();
                context.createProducerTemplate().sendBody("direct:export", null);
                return new Result((System.nanoTime() - start) / 1e9, records.get(), server.journal().count429());
            } finally {
                context.stop();
            }
        }
    }

    /**
     * The earliest arrival of the {@code count}th request when the first arrives at 0 and no interval of any window's
     * length holds more than its permits: request k waits until request k - N of every window is a full window old.
     * For 100 requests at 10/s and 60/min: 60 in the first 5 s, the 61st at 60 s, the 100th at 63 s.
     */
    static double lowestSeconds(int count, List<RateLimits.Window> windows) {
        long[] t = new long[count];
        for (int k = 0; k < count; k++) {
            long at = 0;
            for (RateLimits.Window w : windows) {
                if (k >= w.permits()) {
                    at = Math.max(at, t[k - w.permits()] + w.length().toNanos());
                }
            }
            t[k] = Math.max(at, k == 0 ? 0 : t[k - 1]);
        }
        return t[count - 1] / 1e9;
    }

    private static String describe(List<RateLimits.Window> windows) {
        return new RateLimits(windows, Duration.ZERO, Duration.ZERO).describe();
    }
}
