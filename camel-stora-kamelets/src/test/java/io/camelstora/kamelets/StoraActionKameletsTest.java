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
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelstora.simulator.StoraSimulator;
import io.camelstora.simulator.StoraSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The task-shaped actions chained in one YAML route file, as a no-code designer would lay them out: JSON in, the created
 * resource as JSON out, properties as Simple templates over the incoming message.
 */
class StoraActionKameletsTest {

    @RegisterExtension
    static StoraSimulatorExtension stora = StoraSimulatorExtension.builder().build();

    CamelContext context;
    ProducerTemplate template;

    @BeforeEach
    void start() throws Exception {
        context = KameletTestSupport.start(stora, """
                - route:
                    from:
                      uri: direct:signup
                      steps:
                        - to: kamelet:stora-create-contact-action
                        - to:
                            uri: kamelet:stora-add-note-action
                            parameters:
                              content: "Signed up on the website: ${body[full_name]}, \\"${body[email]}\\""
                              resourceId: "${body[id]}"
                - route:
                    from:
                      uri: direct:follow-up
                      steps:
                        - to:
                            uri: kamelet:stora-create-task-action
                            parameters:
                              title: "Call ${body[full_name]}"
                              dueAt: "2030-01-15T09:00:00Z"
                              resourceId: "${body[id]}"
                - route:
                    from:
                      uri: direct:overlock
                      steps:
                        - to:
                            uri: kamelet:stora-overlock-units-action
                            parameters:
                              contactId: "${body[contact][id]}"
                """);
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stop() throws Exception {
        context.close();
    }

    @Test
    void createsAContactThenNotesIt(StoraSimulator sim) throws Exception {
        Exchange out = template.request("direct:signup", e -> {
            e.getMessage().setBody("{\"email\": \"ann@example.com\", \"full_name\": \"Ann Lee\"}");
            e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        });
        assertTrue(out.getException() == null, () -> String.valueOf(out.getException()));

        JsonNode sentContact = KameletJson.MAPPER.readTree(sim.journal().requests("contacts/create").get(0).body());
        assertEquals("ann@example.com", sentContact.path("email").asText());

        JsonNode note = KameletJson.MAPPER.readTree(out.getMessage().getBody(String.class));
        assertEquals("application/json", out.getMessage().getHeader(Exchange.CONTENT_TYPE));
        assertTrue(note.path("id").asText().startsWith("note_"), note.toString());
        assertEquals("Signed up on the website: Ann Lee, \"ann@example.com\"", note.path("content").asText());
        String createdContact = note.path("resource").path("id").asText();
        assertEquals("ann@example.com", sim.control().get(createdContact).path("email").asText());
    }

    @Test
    void createsATaskLeavingOutTheReferencesNotGiven(StoraSimulator sim) throws Exception {
        Map<?, ?> contact = (Map<?, ?>) template.requestBody("stora:contacts/list?limit=1", null, List.class).get(0);
        String json = KameletJson.MAPPER.writeValueAsString(contact);

        String answer = template.requestBodyAndHeader("direct:follow-up", json, Exchange.CONTENT_TYPE, "application/json",
                String.class);

        JsonNode sent = KameletJson.MAPPER.readTree(sim.journal().requests("tasks/create").get(0).body());
        assertEquals("Call " + contact.get("full_name"), sent.path("title").asText());
        assertEquals("2030-01-15T09:00:00Z", sent.path("due_at").asText());
        assertEquals(contact.get("id"), sent.path("resource").path("id").asText());
        assertFalse(sent.has("site") || sent.has("assignee") || sent.has("description"), sent.toString());
        JsonNode task = KameletJson.MAPPER.readTree(answer);
        assertEquals("open", task.path("status").asText());
    }

    @Test
    void overlocksTheOccupiedUnitsOfTheContact(StoraSimulator sim) throws Exception {
        Map<?, ?> unit = (Map<?, ?>) template.requestBody("stora:units/list?limit=1&filter.status=occupied", null, List.class)
                .get(0);
        String unitId = (String) unit.get("id");
        JsonNode allocation = sim.control().get(((Map<?, ?>) unit.get("unit_allocation")).get("id").toString());
        String contactId = sim.control().get(allocation.path("tenancy").path("id").asText()).path("contact").path("id")
                .asText();
        String invoice = "{\"id\": \"inv_x\", \"contact\": {\"id\": \"" + contactId + "\"}}";

        String answer = template.requestBodyAndHeader("direct:overlock", invoice, Exchange.CONTENT_TYPE, "application/json",
                String.class);

        assertEquals("overlock", sim.control().get(unitId).path("status").asText());
        assertTrue(KameletJson.MAPPER.readTree(answer).path("message").asText().contains("overlocked"), answer);
    }

    /**
     * A text that ends in "}}" (a JSON snippet, a nested Simple expression such as {@code ${header.${header.field}}}) is
     * taken as written by every free-text and id property: resolved again as a property placeholder it failed the route
     * with "Missing {{", as the generated actions' Body once did.
     */
    @Test
    void textsEndingInDoubleBracesAreTakenAsWritten(StoraSimulator sim) throws Exception {
        String contactId = KameletTestSupport.firstId(template, "contacts");
        try (CamelContext braces = KameletTestSupport.start(stora, """
                - route:
                    from:
                      uri: direct:braces
                      steps:
                        - to:
                            uri: kamelet:stora-add-note-action
                            parameters:
                              content: '{"source": {"form": "${body[form]}"}}'
                              resourceId: '${header.${header.idHeader}}'
                        - to:
                            uri: kamelet:stora-create-task-action
                            parameters:
                              title: '{"check": {"note": "${body[id]}"}}'
                              description: '{"from": {"form": "${header.form}"}}'
                              dueAt: '${header.${header.dueHeader}}'
                              resourceId: '${header.${header.idHeader}}'
                              siteId: '${header.${header.siteHeader}}'
                              assigneeId: '${header.${header.staffHeader}}'
                - route:
                    from:
                      uri: direct:overlock-braces
                      steps:
                        - to:
                            uri: kamelet:stora-overlock-units-action
                            parameters:
                              contactId: '${header.${header.idHeader}}'
                """)) {
            String siteId = KameletTestSupport.firstId(template, "sites");
            String staffId = KameletTestSupport.firstId(template, "staff");
            Exchange out = braces.createProducerTemplate().request("direct:braces", e -> {
                e.getMessage().setBody("{\"form\": \"signup\"}");
                e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
                e.getMessage().setHeader("idHeader", "contact");
                e.getMessage().setHeader("contact", contactId);
                e.getMessage().setHeader("form", "signup");
                e.getMessage().setHeader("dueHeader", "due");
                e.getMessage().setHeader("due", "2030-01-15T09:00:00Z");
                e.getMessage().setHeader("siteHeader", "site");
                e.getMessage().setHeader("site", siteId);
                e.getMessage().setHeader("staffHeader", "staff");
                e.getMessage().setHeader("staff", staffId);
            });
            assertTrue(out.getException() == null, () -> String.valueOf(out.getException()));

            JsonNode note = KameletJson.MAPPER.readTree(sim.journal().requests("notes/create").get(0).body());
            assertEquals("{\"source\": {\"form\": \"signup\"}}", note.path("content").asText());
            assertEquals(contactId, note.path("resource").path("id").asText());
            JsonNode task = KameletJson.MAPPER.readTree(sim.journal().requests("tasks/create").get(0).body());
            assertTrue(task.path("title").asText().matches("\\{\"check\": \\{\"note\": \"note_\\w+\"}}"), task.toString());
            assertEquals("{\"from\": {\"form\": \"signup\"}}", task.path("description").asText());
            assertEquals("2030-01-15T09:00:00Z", task.path("due_at").asText());
            assertEquals(contactId, task.path("resource").path("id").asText());
            assertEquals(siteId, task.path("site").path("id").asText());
            assertEquals(staffId, task.path("assignee").path("id").asText());

            // overlock: whatever Stora answers for this contact, the call names it: the template was read as written
            Exchange overlock = braces.createProducerTemplate().request("direct:overlock-braces", e -> {
                e.getMessage().setHeader("idHeader", "contact");
                e.getMessage().setHeader("contact", contactId);
            });
            JsonNode sent = KameletJson.MAPPER.readTree(sim.journal().requests("units/overlock").get(0).body());
            assertEquals(contactId, sent.path("contact_id").asText(), String.valueOf(overlock.getException()));
        }
    }

    @Test
    void aRequiredTemplateThatFindsNothingFailsNamingTheProperty(StoraSimulator sim) {
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> template.requestBodyAndHeader(
                "direct:overlock", "{\"id\": \"inv_x\", \"contact\": {\"id\": \" \"}}", Exchange.CONTENT_TYPE,
                "application/json"));
        assertTrue(e.getCause().getMessage().contains("contactId of stora-overlock-units-action"), e.getCause().getMessage());
        assertEquals(0, sim.journal().countOperation("units/overlock"));
    }
}
