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
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.component.StoraComponent;
import io.camelstora.component.catalog.StoraEventType;
import io.camelstora.component.catalog.StoraOperation;
import io.camelstora.component.catalog.StoraResource;
import io.camelstora.component.http.StoraApiException;
import io.camelstora.kamelets.generate.KameletGenerator;
import io.camelstora.simulator.RecordedRequest;
import io.camelstora.simulator.StoraSimulator;
import io.camelstora.simulator.StoraSimulatorExtension;
import io.camelstora.simulator.WebhookDelivery;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every generated Kamelet bound in a YAML route against the simulator, one context each, with at least one call: each
 * events source receives a signed delivery of its family, each poll source lists its resource, each action makes its
 * operation's call with the ids its properties evaluate to and the body its mode says, and continues with Stora's answer.
 */
class GeneratedKameletsRunTest {

    @RegisterExtension
    static StoraSimulatorExtension stora = StoraSimulatorExtension.builder()
            .simulator(b -> b.rateLimitDisabled().webhookTimeScale(0.001).webhookTimeout(Duration.ofSeconds(5)))
            .build();

    /** What Stora answered each action, printed at the end: which ran through and which met a business rule. */
    static final Map<String, Integer> ANSWERS = new java.util.concurrent.ConcurrentSkipListMap<>();

    @AfterAll
    static void printAnswers() {
        System.out.println("Stora answered the generated actions: " + ANSWERS);
    }

    static Stream<String> eventFamilies() {
        return KameletGenerator.eventFamilies().stream();
    }

    static Stream<StoraResource> pollableLists() {
        return KameletGenerator.pollableLists().stream().map(StoraOperation::resource);
    }

    static Stream<StoraOperation> actions() {
        return KameletGenerator.generatedActions().stream();
    }

    @ParameterizedTest
    @MethodSource("eventFamilies")
    void eachEventsSourceReceivesAnEventOfItsFamily(String family, StoraSimulator sim) throws Exception {
        String name = "stora-" + family.replace('_', '-') + "-events-source";
        int port = KameletTestSupport.freePort();
        String path = "/stora/" + family;
        try (CamelContext context = KameletTestSupport.newContext()) {
            KameletTestSupport.addHttpServer(context, port);
            stora.configure(context);
            unthrottled(context);
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            String resourceId = anyId(family, sim, template);
            Map<?, ?> endpoint = template.requestBody("stora:webhook_endpoints/create", Map.of("name", name, "api_version",
                    "2025-09", "url", "http://localhost:" + port + path, "event_types", familyTypes(family)), Map.class);
            context.getPropertiesComponent().addInitialProperty("secret", (String) endpoint.get("secret"));
            KameletTestSupport.loadYaml(context, """
                    - route:
                        from:
                          uri: kamelet:%s
                          parameters:
                            secret: "{{secret}}"
                            path: %s
                          steps:
                            - to: mock:events
                    """.formatted(name, path));
            MockEndpoint events = KameletTestSupport.expect(context, "mock:events", 1);

            sim.control().emit(familyTypes(family).get(0), resourceId);

            events.assertIsSatisfied();
            JsonNode body = KameletJson.MAPPER.readTree(events.getExchanges().get(0).getMessage().getBody(String.class));
            assertEquals(resourceId, body.path("id").asText(), body.toString());
            WebhookDelivery delivery = sim.webhooks().awaitCompleted(1, KameletTestSupport.WAIT).get(0);
            assertEquals(WebhookDelivery.Status.SUCCEEDED, delivery.status(), delivery.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("pollableLists")
    void eachPollSourceListsItsResource(StoraResource resource, StoraSimulator sim) throws Exception {
        String name = "stora-" + resource.uriName().replace('_', '-') + "-poll-source";
        try (CamelContext context = KameletTestSupport.start(stora, """
                - route:
                    from:
                      uri: kamelet:%s
                      parameters:
                        delay: 200
                      steps:
                        - to: mock:records
                """.formatted(name))) {
            List<?> listed = context.createProducerTemplate().requestBody("stora:" + resource.uriName() + "/list?limit=100",
                    null, List.class);
            MockEndpoint records = context.getEndpoint("mock:records", MockEndpoint.class);
            records.expectedMinimumMessageCount(listed.isEmpty() ? 0 : 1);
            records.setResultWaitTime(KameletTestSupport.WAIT.toMillis());
            records.assertIsSatisfied();
            assertTrue(sim.journal().requests(resource.uriName() + "/list").stream()
                    .anyMatch(r -> r.header("Idempotency-Key") == null), "the poll source listed " + resource.uriName());
            if (!listed.isEmpty()) {
                JsonNode first = KameletJson.MAPPER.readTree(records.getExchanges().get(0).getMessage().getBody(String.class));
                assertTrue(first.path("id").asText().startsWith(resource.idPrefix()), first.toString());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("actions")
    void eachActionMakesItsCall(StoraOperation operation, StoraSimulator sim) throws Exception {
        String name = KameletGenerator.actionName(operation);
        OperationInput.BodyMode mode = KameletGenerator.bodyMode(operation);
        try (CamelContext context = KameletTestSupport.newContext()) {
            stora.configure(context);
            unthrottled(context);
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            Map<String, String> ids = ids(operation, template);
            StringBuilder parameters = new StringBuilder();
            ids.keySet().forEach(p -> parameters.append("\n              ").append(p).append(": \"${header.").append(p)
                    .append("}\""));
            String bodyTemplate = bodyTemplate(operation);
            if (bodyTemplate != null) {
                parameters.append("\n              body: '").append(bodyTemplate).append("'");
            }
            KameletTestSupport.loadYaml(context, """
                    - route:
                        from:
                          uri: direct:in
                          steps:
                            - to:
                                uri: kamelet:%s%s
                    """.formatted(name, parameters.isEmpty() ? "" : "\n            parameters:" + parameters));
            String message = "{\"title\": \"From a flow\", \"status_note\": \"paid\"}";

            Exchange out = template.request("direct:in", e -> {
                e.getMessage().setBody(message);
                e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
                e.getMessage().getHeaders().putAll(ids);
            });

            List<RecordedRequest> calls = sim.journal().requests(operation.uri().substring("stora:".length()));
            assertEquals(1, calls.size(), name + " calls " + operation.uri() + " once: " + out.getException());
            RecordedRequest call = calls.get(0);
            ANSWERS.put(name, call.status());
            ids.values().forEach(id -> assertTrue(call.path().endsWith(id) || call.path().contains(id + "/"), call.path()));
            boolean noBody = call.body() == null || call.body().isEmpty();
            switch (mode) {
                case NONE -> assertTrue(noBody, call.body());
                case MESSAGE -> assertEquals(KameletJson.MAPPER.readTree(message), KameletJson.MAPPER.readTree(call.body()));
                case TEMPLATE -> assertEquals(bodyTemplate == null, noBody, call.body());
            }
            if (out.getException() == null) {
                assertTrue(call.status() < 300, name + " answered " + call.status());
                JsonNode answer = KameletJson.MAPPER.readTree(out.getMessage().getBody(String.class));
                assertTrue(answer.isObject() && !answer.isEmpty(), name + " continued with " + answer);
                assertEquals("application/json", out.getMessage().getHeader(Exchange.CONTENT_TYPE));
                operation.pathParameters().forEach(p -> assertNull(out.getMessage().getHeader(p.headerName()),
                        p.headerName() + " left on the message"));
            } else {
                // the request was well formed and reached Stora, which judged it against the state of the seed data
                StoraApiException e = assertInstanceOf(StoraApiException.class, out.getException(), name);
                assertTrue(e.getStatus() == 409 || e.getStatus() == 422, name + ": " + e.getMessage());
            }
        }
    }

    /** The path parameters of {@code operation} as message headers: ids of records the seed has. */
    static Map<String, String> ids(StoraOperation operation, ProducerTemplate template) {
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        if (operation.resource() == StoraResource.ORDER_LINE_ITEMS) {
            for (Object order : template.requestBody("stora:orders/list?limit=100", null, List.class)) {
                String orderId = (String) ((Map<?, ?>) order).get("id");
                List<?> items = template.requestBodyAndHeader("stora:order_line_items/list", null, "CamelStoraOrderId", orderId,
                        List.class);
                if (!items.isEmpty() && operation.pathParameters().size() > 1) {
                    ids.put("orderId", orderId);
                    ids.put("lineItemId", (String) ((Map<?, ?>) items.get(0)).get("id"));
                    return ids;
                } else if (operation.pathParameters().size() == 1) {
                    ids.put("orderId", orderId);
                    return ids;
                }
            }
            throw new AssertionError("the seed has no order line item");
        }
        if (!operation.pathParameters().isEmpty()) {
            ids.put(operation.pathParameters().get(0).optionName(), firstId(operation.resource(), template));
        }
        return ids;
    }

    static String firstId(StoraResource resource, ProducerTemplate template) {
        if (resource == StoraResource.TIMELINE_EVENTS) {
            Map<?, ?> created = template.requestBody("stora:timeline_events/create", Map.of(
                    "source", Map.of("id", firstId(StoraResource.TIMELINE_SOURCES, template)),
                    "template", Map.of("id", firstId(StoraResource.TIMELINE_TEMPLATES, template)),
                    "contact", Map.of("id", firstId(StoraResource.CONTACTS, template))), Map.class);
            return (String) created.get("id");
        }
        if (resource == StoraResource.WEBHOOK_ENDPOINTS) {
            Map<?, ?> created = template.requestBody("stora:webhook_endpoints/create", Map.of("name", "Generated test",
                    "api_version", "2025-09", "url", "https://hooks.example.com/x", "event_types", List.of("invoice.paid")),
                    Map.class);
            return (String) created.get("id");
        }
        List<?> records = template.requestBody("stora:" + resource.uriName() + "/list?limit=1", null, List.class);
        if (records.isEmpty()) {
            throw new AssertionError("the seed has no " + resource.uriName());
        }
        return (String) ((Map<?, ?>) records.get(0)).get("id");
    }

    /** The Body property of a state change, where Stora documents one. */
    static String bodyTemplate(StoraOperation operation) {
        return switch (operation.action()) {
            case "lose" -> "{\"lost_reason\": \"price_concerns\"}";
            case "remove_overlock" -> "{\"contact_id\": \"${header.contactId}\"}";
            default -> null;
        };
    }

    static List<String> familyTypes(String family) {
        return StoraEventType.types().stream().filter(t -> t.startsWith(family + ".")).toList();
    }

    /** The id of a record of the event family's resource, made through the simulator when the seed has none. */
    static String anyId(String family, StoraSimulator sim, ProducerTemplate template) {
        StoraResource resource = StoraResource
                .fromUriName(family.endsWith("y") ? family.substring(0, family.length() - 1) + "ies"
                        : family + "s")
                .orElseThrow();
        List<?> records = template.requestBody("stora:" + resource.uriName() + "/list?limit=1", null, List.class);
        if (!records.isEmpty()) {
            return (String) ((Map<?, ?>) records.get(0)).get("id");
        }
        return switch (family) {
            case "note" -> (String) template.requestBody("stora:notes/create",
                    Map.of("content", "A note", "resource", Map.of("id", firstId(StoraResource.CONTACTS, template))), Map.class)
                    .get("id");
            case "coupon" -> sim.control().createCoupon(object().put("name", "Welcome").put("code", "WELCOME")).path("id")
                    .asText();
            case "identity_verification" -> sim.control().startIdentityVerification(firstId(StoraResource.CONTACTS, template))
                    .path("id").asText();
            case "credit_note" -> sim.control().createCreditNote(firstId(StoraResource.INVOICES, template), 100, "goodwill")
                    .path("id").asText();
            default -> throw new AssertionError("no " + family + " in the seed");
        };
    }

    /** The tests call faster than Stora's limits (the simulator's are off too): no waiting for the throttle. */
    static void unthrottled(CamelContext context) {
        context.getComponent("stora", StoraComponent.class).setThrottle(false);
    }

    static ObjectNode object() {
        return KameletJson.MAPPER.createObjectNode();
    }
}
