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

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
import org.apache.camel.util.FileUtil;

/**
 * Exports 10,000 contacts (100 pages of 100) from the Stora simulator, camel-stora against a camel-http route behind
 * Camel's throttle EIP at 10 per second (which retries each 429 a second later), each run with a fresh simulator, and
 * prints wall times, the lowest time the limits allow, their ratio and the 429 count. Two cases ({@code -Dcase=} picks
 * one):
 * <ul>
 * <li>{@code limits}: Stora's default limits, 10 requests per second and 60 per minute as sliding windows (the
 * simulator's default, the strictest reading), answers at once: the minute's budget binds;</li>
 * <li>{@code latency}: every answer 300 ms late, limits 10 per second and 600 per minute: one page at a time, latency
 * binds (3.3 pages a second); camel-stora's fetchAllPages keeps pages in flight. A poller's initial sync of 100,000
 * contacts (1,000 pages, the sync the issue measured at 308 s) is run too.</li>
 * </ul>
 */
public final class ExportBenchmark {

    private static final int CONTACTS = 10_000;
    /** The initial sync the poller case reads. */
    private static final int SYNCED_CONTACTS = 100_000;
    private static final int PAGE_SIZE = 100;
    private static final int PAGES = CONTACTS / PAGE_SIZE;
    private static final Duration LATENCY = Duration.ofMillis(300);

    private ExportBenchmark() {
    }

    /** One case: the server's limits, its latency, and the runs compared. */
    private record Case(String name, int perSecond, int perMinute, Duration latency, boolean poller) {

        List<RateLimits.Window> windows() {
            return RateLimits.parseWindows(perSecond + "/1s," + perMinute + "/1m");
        }

        /** A fresh simulator with the contacts, the limits and the latency; its seed adds no other contact. */
        StoraSimulator simulator() {
            return simulator(CONTACTS);
        }

        StoraSimulator simulator(int contacts) {
            return StoraSimulator.builder().seed(Seed.contacts(contacts)).rateLimit(perSecond, perMinute).latency(latency)
                    .start();
        }
    }

    public static void main(String[] args) throws Exception {
        String which = System.getProperty("case", "all");
        List<Case> cases = List.of(new Case("limits", 10, 60, Duration.ZERO, false),
                new Case("latency", 10, 600, LATENCY, true));
        for (Case c : cases) {
            if (which.equals("all") || which.equals(c.name())) {
                run(c);
            }
        }
    }

    private static void run(Case c) throws Exception {
        List<RateLimits.Window> windows = c.windows();
        // nothing can end before the last request's answer: the latency counts once
        double lowest = lowestSeconds(PAGES, windows) + c.latency().toMillis() / 1000.0;
        System.out.printf(Locale.ROOT, "%nExport of %,d contacts, %d pages of %d, server enforcing %s as sliding windows, %s%n",
                CONTACTS, PAGES, PAGE_SIZE, describe(windows),
                c.latency().isZero() ? "answering at once" : "answering every request " + c.latency().toMillis() + " ms late");
        System.out.printf(Locale.ROOT, "Lowest time the limits allow: %.2f s (the earliest the %dth request may arrive when the"
                + " 1st arrives at 0 s and no interval of 1 s holds more than %d nor of 60 s more than %d%s)%n", lowest, PAGES,
                c.perSecond(), c.perMinute(),
                c.latency().isZero() ? "; response times not counted"
                        : ", plus its answer's " + c.latency().toMillis() + " ms");

        if (!c.latency().isZero()) {
            // the same runs once before, unmeasured, so that the measured ones do not pay for loading and compiling
            // classes: the whole export takes seconds here, where a cold JVM costs about half a second
            runStora(c);
            runHttpWithThrottle(c);
        }
        print("camel-stora fetchAllPages", runStora(c), lowest);
        print("camel-http + throttle", runHttpWithThrottle(c), lowest);
        if (c.poller()) {
            double lowestSync = lowestSeconds(SYNCED_CONTACTS / PAGE_SIZE, windows) + c.latency().toMillis() / 1000.0;
            System.out.printf(Locale.ROOT, "Initial sync of %,d contacts by a polling consumer at its defaults (batches of"
                    + " 1,000), the same server: lowest time the limits allow %.2f s%n", SYNCED_CONTACTS, lowestSync);
            print("camel-stora poller, initial sync", runPoller(c), lowestSync);
        }
    }

    private static void print(String name, Result r, double lowest) {
        System.out.printf(Locale.ROOT,
                "%-33s: %7.2f s, ratio %.3f (%.2f of the bound), %d contacts, %d requests, %d responses 429%s%n",
                name, r.seconds, r.seconds / lowest, lowest / r.seconds, r.records, r.requests, r.rateLimited,
                r.serverMillis < 0 ? ""
                        : String.format(Locale.ROOT, ", simulator %.1f ms a page (median, latency excluded)",
                                r.serverMillis));
    }

    /**
     * @param serverMillis the simulator's median time to answer a page, the injected latency taken off; -1 when not
     *                     measured
     */
    private record Result(double seconds, int records, long requests, long rateLimited, double serverMillis) {
    }

    private static Result runStora(Case c) throws Exception {
        try (StoraSimulator server = c.simulator()) {
            CamelContext context = storaContext(server, c);
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
                double seconds = (System.nanoTime() - start) / 1e9;
                context.stop(); // the simulator journals a request just after answering it
                return new Result(seconds, records, lists(server), server.journal().count429(), serverMillis(server, c));
            } finally {
                context.stop();
            }
        }
    }

    /** A polling consumer's first polls of the list, at its defaults: every contact, in batches of 1,000. */
    private static Result runPoller(Case c) throws Exception {
        try (StoraSimulator server = c.simulator(SYNCED_CONTACTS)) {
            CamelContext context = storaContext(server, c);
            File state = Files.createTempDirectory("export-benchmark").toFile();
            AtomicInteger records = new AtomicInteger();
            CountDownLatch all = new CountDownLatch(SYNCED_CONTACTS);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("stora:contacts/list?initialDelay=0&stateDirectory=" + state.getPath()).autoStartup(false)
                            .routeId("sync").process(e -> {
                                records.incrementAndGet();
                                all.countDown();
                            });
                }
            });
            context.start();
            try {
                long start = System.nanoTime();
                context.getRouteController().startRoute("sync");
                all.await(10, TimeUnit.MINUTES);
                double seconds = (System.nanoTime() - start) / 1e9;
                context.stop();
                return new Result(seconds, records.get(), lists(server), server.journal().count429(),
                        serverMillis(server, c));
            } finally {
                context.stop();
                FileUtil.removeDir(state);
            }
        }
    }

    /** The component as a user configures it for the account: the limits of the plan, nothing else. */
    private static CamelContext storaContext(StoraSimulator server, Case c) {
        CamelContext context = new DefaultCamelContext();
        StoraComponent stora = context.getComponent("stora", StoraComponent.class);
        stora.getConfiguration().setBaseUrl(server.baseUrl());
        stora.getConfiguration().setAccessToken(server.accessToken());
        stora.setRateLimitPerSecond(c.perSecond());
        stora.setRateLimitPerMinute(c.perMinute());
        return context;
    }

    private static long lists(StoraSimulator server) {
        return server.journal().requests("contacts/list").size();
    }

    private static double serverMillis(StoraSimulator server, Case c) {
        long[] millis = server.journal().requests("contacts/list").stream()
                .mapToLong(r -> r.durationMillis() - c.latency().toMillis()).sorted().toArray();
        return millis.length == 0 ? -1 : millis[millis.length / 2];
    }

    private static Result runHttpWithThrottle(Case c) throws Exception {
        try (StoraSimulator server = c.simulator()) {
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
                            .throttle(c.perSecond()).totalRequestsMode().timePeriodMillis(1000)
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
                double seconds = (System.nanoTime() - start) / 1e9;
                context.stop();
                return new Result(seconds, records.get(), lists(server), server.journal().count429(), -1);
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
