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
package io.camelstora.kamelets;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelstora.component.StoraConstants;
import io.camelstora.simulator.StoraSimulator;
import io.camelstora.simulator.StoraSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.camelstora.kamelets.KameletTestSupport.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** stora-poll-source bound in YAML routes, polling the Stora simulator on an interval and on a Quartz cron. */
class StoraPollSourceKameletTest {

    @RegisterExtension
    static StoraSimulatorExtension stora = StoraSimulatorExtension.builder().build();

    @Test
    void anIntervalPollReportsAContactCreatedAfterItStarted(StoraSimulator sim) throws Exception {
        try (CamelContext context = KameletTestSupport.start(stora, """
                    - route:
                        from:
                          uri: kamelet:stora-poll-source
                          parameters:
                            resource: contacts
                            delay: 250
                            initialSync: none
                          steps:
                            - to: mock:contacts
                    """)) {
            MockEndpoint contacts = KameletTestSupport.expect(context, "mock:contacts", 1);

            // a change after the first poll is after the start (initialSync=none) whatever the two clocks say
            awaitFirstRequest(sim, "contacts/list");
            // API timestamps are whole seconds: a change in the very second the source started could count as before it
            sim.clock().advance(Duration.ofSeconds(2));
            Map<?, ?> created = context.createProducerTemplate().requestBody("stora:contacts/create",
                    "{\"email\": \"polled@example.com\", \"full_name\": \"Polled Contact\"}", Map.class);
            contacts.assertIsSatisfied();

            Exchange polled = contacts.getExchanges().get(0);
            JsonNode contact = KameletJson.MAPPER.readTree(polled.getMessage().getBody(String.class));
            assertEquals(created.get("id"), contact.path("id").asText());
            assertEquals("polled@example.com", contact.path("email").asText());
            assertEquals(created.get("id"), polled.getMessage().getHeader(StoraConstants.POLL_RECORD_ID));
            assertEquals("application/json", polled.getMessage().getHeader(Exchange.CONTENT_TYPE));
        }
    }

    @Test
    void aCronPollWithQuartzReadsTheWholeListOnce(StoraSimulator sim) throws Exception {
        try (CamelContext context = KameletTestSupport.start(stora, """
                    - route:
                        from:
                          uri: kamelet:stora-poll-source
                          parameters:
                            resource: sites
                            scheduler: quartz
                            cron: "0/1 * * * * ?"
                          steps:
                            - to: mock:sites
                    """)) {
            List<?> all = context.createProducerTemplate().requestBody("stora:sites/list", null, List.class);
            MockEndpoint sites = KameletTestSupport.expect(context, "mock:sites", all.size());
            sites.assertIsSatisfied();

            // at least two cron polls: the later ones find nothing new
            long polls = sim.journal().countOperation("sites/list");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (sim.journal().countOperation("sites/list") < polls + 2 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(sim.journal().countOperation("sites/list") >= polls + 2, "the cron kept polling");
            assertEquals(all.size(), sites.getReceivedCounter(), "each site once");
            Set<Object> expected = all.stream().map(s -> ((Map<?, ?>) s).get("id")).collect(Collectors.toSet());
            Set<Object> received = sites.getExchanges().stream()
                    .map(e -> e.getMessage().getHeader(StoraConstants.POLL_RECORD_ID)).collect(Collectors.toSet());
            assertEquals(expected, received);
        }
    }

    private static void awaitFirstRequest(StoraSimulator sim, String operation) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (sim.journal().countOperation(operation) == 0) {
            assertTrue(System.nanoTime() < deadline, "no " + operation + " request within " + WAIT);
            Thread.sleep(20);
        }
    }
}
