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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelstora.component.StoraComponent;
import io.camelstora.component.StoraConstants;
import io.camelstora.simulator.Seed;
import io.camelstora.simulator.StoraSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.FileUtil;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stora's timestamps have one-second precision, and nothing says a second change within the second moves
 * {@code updated_at} on. The simulator, told to keep it, gives both changes the same second; the poller reports the
 * first, then the second: its seen keys tell versions apart by a digest of the record, not by {@code updated_at} alone.
 */
class SameSecondChangesTest {

    @Test
    void aSecondChangeWithTheSameUpdatedAtArrivesToo() throws Exception {
        File state = new File("target/polling-state/SameSecondChangesTest");
        FileUtil.removeDir(state);
        try (StoraSimulator sim = StoraSimulator.builder().seed(Seed.EMPTY).rateLimitDisabled()
                .keepUpdatedAtWithinSecond(true).start();
                CamelContext context = new DefaultCamelContext()) {
            StoraComponent stora = context.getComponent("stora", StoraComponent.class);
            stora.getConfiguration().setBaseUrl(sim.baseUrl());
            stora.getConfiguration().setAccessToken(sim.accessToken());
            stora.setThrottle(false);
            List<Map<?, ?>> received = new CopyOnWriteArrayList<>();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("stora:contacts/list?initialDelay=0&delay=20&stateDirectory=" + state.getPath())
                            .process(e -> received.add(e.getMessage().getBody(Map.class)));
                }
            });
            context.start();
            ProducerTemplate api = context.createProducerTemplate();
            String id = api.requestBody("stora:contacts/create", Map.of("email", "twice@example.com"), Map.class).get("id")
                    .toString();
            awaitLastName(received, id, null);

            for (int attempt = 0;; attempt++) {
                // both changes must fall in one second, with a poll between them that reports the first
                Thread.sleep(1000 - Instant.now().getNano() / 1_000_000 + 20);
                String first = update(api, id, "First " + attempt);
                awaitLastName(received, id, "First " + attempt);
                String second = update(api, id, "Second " + attempt);
                if (first.equals(second)) {
                    awaitLastName(received, id, "Second " + attempt);
                    String firstName = "First " + attempt;
                    long firstCount = received.stream().filter(r -> firstName.equals(r.get("full_name"))).count();
                    assertEquals(1, firstCount, "the first change arrived once");
                    assertEquals(first, received.get(received.size() - 1).get("updated_at"),
                            "the second change carries the same updated_at as the first");
                    break;
                }
                assertTrue(attempt < 5, "the two changes never fell in one second");
            }
            Thread.sleep(200); // more polls read the same second again (the overlap): nothing comes twice
            assertEquals(1, received.stream().filter(r -> r.get("full_name") != null
                    && r.get("full_name").toString().startsWith("Second")).count());
        }
    }

    private static String update(ProducerTemplate api, String id, String name) {
        return api.requestBodyAndHeader("stora:contacts/update", Map.of("full_name", name), StoraConstants.CONTACT_ID, id,
                Map.class).get("updated_at").toString();
    }

    /** Waits until the latest record received is the contact with that name. */
    private static void awaitLastName(List<Map<?, ?>> received, String id, String name) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (received.isEmpty() || !id.equals(received.get(received.size() - 1).get("id"))
                || !Objects.equals(name, received.get(received.size() - 1).get("full_name"))) {
            assertTrue(System.nanoTime() < deadline, "no poll reported " + name);
            Thread.sleep(10);
        }
    }
}
