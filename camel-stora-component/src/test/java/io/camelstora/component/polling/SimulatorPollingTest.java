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
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.component.StoraConstants;
import io.camelstora.component.internal.support.StoraJson;
import io.camelstora.simulator.RecordedRequest;
import io.camelstora.simulator.Seed;
import io.camelstora.simulator.StoraSimulator;
import io.camelstora.simulator.StoraSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.FileUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelstora.component.polling.PollingTestSupport.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main scenarios against the Stora simulator: records created and changed through the API between polls arrive
 * once, for a list sorted by updated_at (contacts) and for one scanned in creation order (units). Rate limits are off
 * on both sides: these tests poll every 10 ms, and the account's limiter is tested on its own.
 */
class SimulatorPollingTest {

    @RegisterExtension
    static StoraSimulatorExtension stora = StoraSimulatorExtension.builder()
            .simulator(b -> b.seed(Seed.EMPTY).rateLimitDisabled())
            .build();

    @Test
    void contactsCreatedAndUpdatedThroughTheApiArriveOnceInUpdateOrder(StoraSimulator sim, TestInfo test) throws Exception {
        try (CamelContext context = context(test)) {
            PollWatcher polls = context.getRegistry().lookupByNameAndType("polls", PollWatcher.class);
            ProducerTemplate api = context.createProducerTemplate();
            String c1 = create(api, "one@example.com");
            sim.clock().advance(Duration.ofSeconds(1));
            String c2 = create(api, "two@example.com");
            String c3 = create(api, "three@example.com");
            String c4 = create(api, "four@example.com");

            context.getRouteController().startRoute("poll");
            MockEndpoint mock = context.getEndpoint("mock:records", MockEndpoint.class);
            expect(mock, 4);
            assertEquals(List.of(c1, c2, c3, c4), ids(mock));
            polls.awaitMore(2);
            assertEquals(4, mock.getReceivedCounter());

            // the poller runs every 10 ms: forget the first records before changing anything, or the changes may be
            // sent before the reset and wiped with it (a correct consumer does not send them again)
            mock.reset();
            sim.clock().advance(Duration.ofSeconds(5));
            api.requestBodyAndHeader("stora:contacts/update", Map.of("full_name", "Jane One"), StoraConstants.CONTACT_ID, c1);
            String c5 = create(api, "five@example.com");
            // polls ending after the changes, the second begun after them, have sent both before the test looks
            polls.awaitMore(2);
            expect(mock, 2);
            assertEquals(List.of(c1, c5), ids(mock));
            assertEquals("Jane One", mock.getReceivedExchanges().get(0).getMessage().getBody(Map.class).get("full_name"));
            polls.awaitMore(2);
            assertEquals(2, mock.getReceivedCounter());

            List<RecordedRequest> lists = sim.journal().requests("contacts/list");
            assertTrue(lists.stream().allMatch(r -> r.query().contains("sort_by=updated_at")
                    && r.query().contains("sort_direction=ASC")), lists.toString());
            assertTrue(lists.stream().skip(lists.size() - 2).allMatch(r -> r.query().contains("updated_after=")),
                    "polls after the first ask for their window");
        }
    }

    @Test
    void unitsChangedBetweenPollsArriveOnceFromAScanInCreationOrder(StoraSimulator sim, TestInfo test) throws Exception {
        ObjectNode site = sim.control().createSite(object(Map.of("name", "Docklands")));
        ObjectNode type = StoraJson.MAPPER.createObjectNode();
        type.putObject("site").put("id", site.get("id").asText());
        type.put("name", "25 sq ft").put("status", "bookable").putArray("prices");
        String unitType = sim.control().createUnitType(type).get("id").asText();
        String u1 = sim.control().createUnit(unitType, "A1").get("id").asText();
        String u2 = sim.control().createUnit(unitType, "A2").get("id").asText();
        String u3 = sim.control().createUnit(unitType, "A3").get("id").asText();

        try (CamelContext context = context(test)) {
            PollWatcher polls = context.getRegistry().lookupByNameAndType("polls", PollWatcher.class);
            context.getRouteController().startRoute("units");
            MockEndpoint mock = context.getEndpoint("mock:units", MockEndpoint.class);
            expect(mock, 3);
            assertEquals(List.of(u1, u2, u3), ids(mock));
            polls.awaitMore(2);

            mock.reset(); // before the changes, which the next poll may send at once (see the contacts test)
            sim.clock().advance(Duration.ofSeconds(5));
            sim.control().setUnitStatus(u1, "unavailable");
            String u4 = sim.control().createUnit(unitType, "A4").get("id").asText();
            polls.awaitMore(2);
            expect(mock, 2);
            assertEquals(List.of(u1, u4), ids(mock));
            assertEquals("unavailable", mock.getReceivedExchanges().get(0).getMessage().getBody(Map.class).get("status"));
            polls.awaitMore(2);
            assertEquals(2, mock.getReceivedCounter());
            assertTrue(sim.journal().requests("units/list").stream().allMatch(r -> r.query().contains("sort_by=created_at")));
        }
    }

    /** A context pointed at the simulator with two stopped polling routes and a state directory for the test. */
    private static CamelContext context(TestInfo test) throws Exception {
        File state = new File("target/polling-state/SimulatorPollingTest/" + test.getTestMethod().orElseThrow().getName());
        FileUtil.removeDir(state);
        CamelContext context = new DefaultCamelContext();
        stora.configure(context);
        // polls every 10 ms would spend the account's 60 requests a minute in seconds and then wait for the window
        context.getComponent("stora", io.camelstora.component.StoraComponent.class).setThrottle(false);
        context.getRegistry().bind("polls", new PollWatcher());
        String options = "initialDelay=0&delay=10&pollStrategy=#polls&pageSize=2&overlap=2s&stateDirectory=" + state.getPath();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("stora:contacts/list?" + options).routeId("poll").autoStartup(false).to("mock:records");
                from("stora:units/list?" + options).routeId("units").autoStartup(false).to("mock:units");
            }
        });
        context.start();
        return context;
    }

    private static String create(ProducerTemplate api, String email) {
        return api.requestBody("stora:contacts/create", Map.of("email", email), Map.class).get("id").toString();
    }

    private static List<String> ids(MockEndpoint mock) {
        return mock.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader(StoraConstants.POLL_RECORD_ID, String.class)).toList();
    }

    private static ObjectNode object(Map<String, Object> fields) {
        return StoraJson.MAPPER.valueToTree(fields);
    }
}
