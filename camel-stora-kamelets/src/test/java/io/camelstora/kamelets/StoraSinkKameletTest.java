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

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelstora.component.StoraConstants;
import io.camelstora.simulator.RecordedRequest;
import io.camelstora.simulator.StoraSimulator;
import io.camelstora.simulator.StoraSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** stora-sink bound in YAML routes, calling the Stora simulator. */
class StoraSinkKameletTest {

    @RegisterExtension
    static StoraSimulatorExtension stora = StoraSimulatorExtension.builder().build();

    @Test
    void createsAContactFromTheJsonMessage(StoraSimulator sim) throws Exception {
        try (CamelContext context = KameletTestSupport.start(stora, """
                    - route:
                        from:
                          uri: direct:signup
                          steps:
                            - to:
                                uri: kamelet:stora-sink
                                parameters:
                                  operation: contacts/create
                    """)) {
            context.createProducerTemplate().sendBody("direct:signup",
                    "{\"email\": \"jane@example.com\", \"full_name\": \"Jane Doe\"}");
        }
        List<RecordedRequest> creates = sim.journal().requests("contacts/create");
        assertEquals(1, creates.size());
        assertEquals(201, creates.get(0).status());
        JsonNode sent = KameletJson.MAPPER.readTree(creates.get(0).body());
        assertEquals("jane@example.com", sent.path("email").asText());
        assertEquals("Jane Doe", sent.path("full_name").asText());
        assertTrue(creates.get(0).idempotencyKey() != null, "every create carries an Idempotency-Key");
    }

    @Test
    void takesPathParametersFromHeaders(StoraSimulator sim) throws Exception {
        String contactId;
        try (CamelContext context = KameletTestSupport.start(stora, """
                    - route:
                        from:
                          uri: direct:rename
                          steps:
                            - to:
                                uri: kamelet:stora-sink
                                parameters:
                                  operation: contacts/update
                    """)) {
            ProducerTemplate template = context.createProducerTemplate();
            contactId = KameletTestSupport.firstId(template, "contacts");
            template.sendBodyAndHeader("direct:rename", "{\"full_name\": \"Renamed By Sink\"}", StoraConstants.CONTACT_ID,
                    contactId);
        }
        assertEquals("Renamed By Sink", sim.control().get(contactId).path("full_name").asText());
    }

    @Test
    void aMessageThatIsNotAJsonObjectFailsBeforeAnyCall(StoraSimulator sim) throws Exception {
        try (CamelContext context = KameletTestSupport.start(stora, """
                    - route:
                        from:
                          uri: direct:bad
                          steps:
                            - to:
                                uri: kamelet:stora-sink
                                parameters:
                                  operation: contacts/create
                    """)) {
            CamelExecutionException e = assertThrows(CamelExecutionException.class,
                    () -> context.createProducerTemplate().sendBody("direct:bad", "[1, 2]"));
            assertTrue(e.getCause().getMessage().contains("must be a JSON object"), e.getCause().getMessage());
        }
        assertEquals(0, sim.journal().countOperation("contacts/create"));
    }

    /**
     * Credentials given to the Kamelet reach Stora byte for byte, even with characters that mean something in a URI,
     * and without any configuration on the component: the Kamelet passes them as RAW() values.
     */
    @Test
    void credentialsGivenToTheKameletReachStoraUnchanged() throws Exception {
        String token = "tok+en&x=1%2B/y==";
        try (StoraSimulator own = StoraSimulator.builder().accessToken(token).start();
                CamelContext context = KameletTestSupport.newContext()) {
            KameletTestSupport.loadYaml(context, """
                    - route:
                        from:
                          uri: direct:sites
                          steps:
                            - to:
                                uri: kamelet:stora-sink
                                parameters:
                                  operation: sites/list
                                  baseUrl: "%s"
                                  accessToken: "RAW({{sites.token}})"
                    """.formatted(own.baseUrl()));
            context.getPropertiesComponent().addInitialProperty("sites.token", token);
            context.start();
            context.createProducerTemplate().sendBody("direct:sites", null);
            List<RecordedRequest> calls = own.journal().requests("sites/list");
            assertEquals(1, calls.size());
            // the simulator accepts this exact token only (its journal masks it)
            assertEquals(200, calls.get(0).status());
        }
    }

    /**
     * As Camel K and Camel JBang configure Kamelets: from application properties (camel.kamelet.NAME.PROPERTY), not
     * through a URI. The value is inserted into the Kamelet's own endpoint URI, so the Kamelet must pass it as RAW().
     */
    @Test
    void credentialsFromApplicationPropertiesReachStoraUnchanged() throws Exception {
        String token = "tok+en&x=1%2B/y==";
        try (StoraSimulator own = StoraSimulator.builder().accessToken(token).start();
                CamelContext context = KameletTestSupport.newContext()) {
            context.getPropertiesComponent().addInitialProperty("camel.kamelet.stora-sink.accessToken", token);
            context.getPropertiesComponent().addInitialProperty("camel.kamelet.stora-sink.baseUrl", own.baseUrl());
            KameletTestSupport.loadYaml(context, """
                    - route:
                        from:
                          uri: direct:sites
                          steps:
                            - to:
                                uri: kamelet:stora-sink
                                parameters:
                                  operation: sites/list
                    """);
            context.start();
            context.createProducerTemplate().sendBody("direct:sites", null);
            assertEquals(200, own.journal().requests("sites/list").get(0).status());
        }
    }

}
