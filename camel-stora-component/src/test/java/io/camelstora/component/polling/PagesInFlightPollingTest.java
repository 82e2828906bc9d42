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
package io.camelstora.component.polling;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.camelstora.component.StoraComponent;
import io.camelstora.component.StoraConstants;
import io.camelstora.simulator.Fault;
import io.camelstora.simulator.RecordedRequest;
import io.camelstora.simulator.Seed;
import io.camelstora.simulator.StoraSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.FileUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A poll reading more than a page (an initial sync, a backlog) keeps several page requests in flight against a
 * simulator that answers every request 300 ms late, and still sends every record once, in order: for a list sorted by
 * updated_at (contacts, pages bounded by updated_before and checked by their count) even while records change under
 * it, and for a list scanned in creation order (units).
 */
class PagesInFlightPollingTest {

    private static final Duration LATENCY = Duration.ofMillis(300);

    @Test
    void anInitialSyncKeepsPagesInFlightAndSendsEveryContactOnceInUpdateOrder(TestInfo test) throws Exception {
        try (StoraSimulator sim = StoraSimulator.builder().seed(Seed.contacts(1500)).rateLimitDisabled().latency(LATENCY)
                .start()) {
            int total = sim.control().count(io.camelstora.simulator.ResourceKind.CONTACT);
            List<Map<?, ?>> received = new CopyOnWriteArrayList<>();
            try (CamelContext context = context(sim, test, "stora:contacts/list?initialDelay=0&delay=60000", received)) {
                awaitTrue(() -> received.size() >= total);
                Thread.sleep(500); // nothing more comes
                assertEquals(total, received.size());
                assertEquals(total, received.stream().map(r -> r.get("id")).distinct().count(), "each contact once");
                for (int i = 1; i < received.size(); i++) {
                    assertTrue(received.get(i - 1).get("updated_at").toString()
                            .compareTo(received.get(i).get("updated_at").toString()) <= 0, "oldest change first at " + i);
                }
            }
            List<RecordedRequest> lists = sim.journal().requests("contacts/list");
            assertTrue(maxInFlight(lists) >= 3, "pages in flight together: " + maxInFlight(lists));
            assertTrue(lists.stream().anyMatch(r -> r.query().contains("updated_before=")), "the pages read together are"
                    + " bounded");
            // 15 pages of 100, in 2 polls (maxMessagesPerPoll 1000): a keyset request starting each, no page wasted
            assertTrue(lists.size() <= 20, lists.size() + " requests");
        }
    }

    @Test
    void contactsChangingWhilePagesAreInFlightAreAllSentInTheirLatestVersion(TestInfo test) throws Exception {
        try (StoraSimulator sim = StoraSimulator.builder().seed(Seed.contacts(1500)).rateLimitDisabled().start()) {
            // the pages come 300 ms late, the changes at once
            sim.faults().inject(Fault.latency(LATENCY).on("GET", "/2025-09/contacts"));
            List<String> ids = new ArrayList<>();
            for (int page = 1; page <= 15; page++) {
                ids.addAll(contactIds(sim, page));
            }
            List<Map<?, ?>> received = new CopyOnWriteArrayList<>();
            Map<String, String> latestName = new HashMap<>();
            try (CamelContext context = context(sim, test, "stora:contacts/list?initialDelay=0&delay=200", received)) {
                // contacts all over the list change while its pages are read: each moves to its end
                Random random = new Random(15);
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
                int changes = 0;
                while (System.nanoTime() < until) {
                    String id = ids.get(random.nextInt(ids.size()));
                    String name = "Changed " + changes++;
                    context.createProducerTemplate().requestBodyAndHeader("stora:contacts/update",
                            Map.of("full_name", name), StoraConstants.CONTACT_ID, id);
                    latestName.put(id, name);
                    Thread.sleep(20);
                }
                awaitTrue(() -> {
                    Map<Object, Object> last = lastVersions(received);
                    return last.keySet().containsAll(ids) && latestName.entrySet().stream()
                            .allMatch(e -> e.getValue().equals(((Map<?, ?>) last.get(e.getKey())).get("full_name")));
                });
                assertTrue(changes > 20, changes + " changes");
            }
            List<RecordedRequest> lists = sim.journal().requests("contacts/list");
            assertTrue(maxInFlight(lists) >= 3, "pages in flight together: " + maxInFlight(lists));
        }
    }

    @Test
    void aScanInCreationOrderKeepsPagesInFlightAndSendsEveryUnitOnce(TestInfo test) throws Exception {
        try (StoraSimulator sim = StoraSimulator.builder().rateLimitDisabled().latency(LATENCY).start()) {
            int total = sim.control().count(io.camelstora.simulator.ResourceKind.UNIT);
            List<Map<?, ?>> received = new CopyOnWriteArrayList<>();
            try (CamelContext context = context(sim, test, "stora:units/list?initialDelay=0&delay=60000&pageSize=10",
                    received)) {
                awaitTrue(() -> received.size() >= total);
                Thread.sleep(500);
                assertEquals(total, received.size());
                assertEquals(total, received.stream().map(r -> r.get("id")).distinct().count(), "each unit once");
                for (int i = 1; i < received.size(); i++) {
                    assertTrue(received.get(i - 1).get("created_at").toString()
                            .compareTo(received.get(i).get("created_at").toString()) <= 0, "creation order at " + i);
                }
            }
            List<RecordedRequest> lists = sim.journal().requests("units/list");
            assertTrue(maxInFlight(lists) >= 3, "pages in flight together: " + maxInFlight(lists));
            assertTrue(lists.size() <= total / 10 + 3, lists.size() + " requests");
        }
    }

    private static List<String> contactIds(StoraSimulator sim, int page) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        sim.baseUrl() + "/2025-09/contacts?limit=100&sort_by=created_at&page=" + page))
                        .header("Authorization", "Bearer " + sim.accessToken()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        List<String> ids = new ArrayList<>();
        io.camelstora.component.internal.support.StoraJson.MAPPER.readTree(response.body()).get("contacts")
                .forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

    /** Waits up to a minute for the condition. */
    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within a minute");
            Thread.sleep(50);
        }
    }

    private static Map<Object, Object> lastVersions(List<Map<?, ?>> received) {
        Map<Object, Object> last = new HashMap<>();
        for (Map<?, ?> record : received) {
            last.put(record.get("id"), record);
        }
        return last;
    }

    /** The most list requests the simulator was handling at one moment (each from its arrival to its answer). */
    static int maxInFlight(List<RecordedRequest> requests) {
        List<long[]> events = new ArrayList<>();
        for (RecordedRequest r : requests) {
            long end = r.time().toEpochMilli();
            events.add(new long[]{end - r.durationMillis(), 1});
            events.add(new long[]{end, -1});
        }
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int current = 0;
        int max = 0;
        for (long[] e : events) {
            current += (int) e[1];
            max = Math.max(max, current);
        }
        return max;
    }

    private static CamelContext context(StoraSimulator sim, TestInfo test, String uri, List<Map<?, ?>> received)
            throws Exception {
        File state = new File("target/polling-state/PagesInFlightPollingTest/" + test.getTestMethod().orElseThrow().getName());
        FileUtil.removeDir(state);
        CamelContext context = new DefaultCamelContext();
        StoraComponent stora = context.getComponent("stora", StoraComponent.class);
        stora.getConfiguration().setBaseUrl(sim.baseUrl());
        stora.getConfiguration().setAccessToken(sim.accessToken());
        stora.setThrottle(false);
        stora.getConfiguration().setStateDirectory(state.getPath());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(e -> received.add(e.getMessage().getBody(Map.class)));
            }
        });
        context.start();
        return context;
    }
}
