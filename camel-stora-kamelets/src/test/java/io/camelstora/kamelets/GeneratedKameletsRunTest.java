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
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.component.StoraComponent;
import io.camelstora.component.catalog.StoraEventType;
import io.camelstora.component.catalog.StoraOperation;
import io.camelstora.component.catalog.StoraResource;
import io.camelstora.kamelets.generate.KameletGenerator;
import io.camelstora.simulator.RecordedRequest;
import io.camelstora.simulator.StoraSimulator;
import io.camelstora.simulator.StoraSimulatorExtension;
import io.camelstora.simulator.WebhookDelivery;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every generated Kamelet bound in a YAML route against the simulator (the poll sources together in one context, the
 * others one context each), with at least one call: each events source receives a signed delivery of its family, each
 * poll source lists its resource, each action makes its operation's call with the ids its properties evaluate to and the
 * body its mode says, succeeds, continues with Stora's answer, and leaves the state its operation promises.
 */
class GeneratedKameletsRunTest {

    @RegisterExtension
    static StoraSimulatorExtension stora = StoraSimulatorExtension.builder()
            .simulator(b -> b.rateLimitDisabled().webhookTimeScale(0.001).webhookTimeout(Duration.ofSeconds(5)))
            .build();

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

    /**
     * Every poll source at once in one context, as an application runs several: each makes list calls of its own (besides
     * the test's) and hands on the records as JSON. One context because a poll source's first poll comes after its
     * consumer's initial delay (a second): 25 contexts one after the other waited that out 25 times.
     */
    @Test
    void eachPollSourceListsItsResource(StoraSimulator sim) throws Exception {
        List<StoraResource> resources = pollableLists().toList();
        try (CamelContext context = KameletTestSupport.newContext()) {
            stora.configure(context);
            unthrottled(context);
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            Map<StoraResource, List<?>> listed = new EnumMap<>(StoraResource.class);
            Map<StoraResource, Integer> testsCalls = new EnumMap<>(StoraResource.class);
            StringBuilder routes = new StringBuilder();
            for (StoraResource resource : resources) {
                String list = resource.uriName() + "/list";
                listed.put(resource, template.requestBody("stora:" + list + "?limit=100", null, List.class));
                testsCalls.put(resource, sim.journal().requests(list).size());
                routes.append("""
                        - route:
                            from:
                              uri: kamelet:stora-%s-poll-source
                              steps:
                                - to: mock:%s
                        """.formatted(resource.uriName().replace('_', '-'), resource.uriName()));
            }
            KameletTestSupport.loadYaml(context, routes.toString());

            assertAll(resources.stream().map(resource -> () -> {
                String list = resource.uriName() + "/list";
                long deadline = System.nanoTime() + KameletTestSupport.WAIT.toNanos();
                while (sim.journal().requests(list).size() == testsCalls.get(resource) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertTrue(sim.journal().requests(list).size() > testsCalls.get(resource),
                        "the poll source of " + resource.uriName() + " listed it");
                MockEndpoint records = context.getEndpoint("mock:" + resource.uriName(), MockEndpoint.class);
                records.expectedMinimumMessageCount(listed.get(resource).isEmpty() ? 0 : 1);
                records.setResultWaitTime(KameletTestSupport.WAIT.toMillis());
                records.assertIsSatisfied();
                if (!listed.get(resource).isEmpty()) {
                    JsonNode first = KameletJson.MAPPER
                            .readTree(records.getExchanges().get(0).getMessage().getBody(String.class));
                    assertTrue(first.path("id").asText().startsWith(resource.idPrefix()), first.toString());
                }
            }));
        }
    }

    @Test
    void everyGeneratedActionHasACase() {
        assertEquals(Set.copyOf(KameletGenerator.generatedActions()), ActionCases.CASES.keySet());
    }

    /**
     * Each action, given the state its operation needs and the message and Body property a flow would give it, makes its
     * one call with the ids and body its properties say, continues with Stora's answer, and leaves Stora in the state the
     * operation promises (the order finalized, the unit reserved...: {@link ActionCases}).
     */
    @ParameterizedTest
    @MethodSource("actions")
    void eachActionRunsThroughAndChangesStora(StoraOperation operation, StoraSimulator sim) throws Exception {
        String name = KameletGenerator.actionName(operation);
        ActionCases.Case scenario = ActionCases.CASES.get(operation);
        try (CamelContext context = KameletTestSupport.newContext()) {
            stora.configure(context);
            unthrottled(context);
            context.start();
            ActionCases.Api api = new ActionCases.Api(context.createProducerTemplate(), sim);
            ActionCases.Given given = scenario.given().apply(api);
            Map<String, String> ids = ActionCases.properties(operation, given);
            Map<String, String> parameters = new LinkedHashMap<>();
            ids.keySet().forEach(p -> parameters.put(p, "${header." + p + "}"));
            if (scenario.body() != null) {
                parameters.put("body", scenario.body());
            }
            routeToAction(context, name, parameters);
            String path = operation.uri().substring("stora:".length());
            int callsBefore = sim.journal().requests(path).size();

            Exchange out = api.template().request("direct:in", e -> {
                e.getMessage().setBody(given.message().toString());
                e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
                e.getMessage().getHeaders().putAll(ids);
            });

            assertNull(out.getException(), () -> name + " failed: " + out.getException());
            List<RecordedRequest> calls = sim.journal().requests(path);
            assertEquals(callsBefore + 1, calls.size(), name + " calls " + operation.uri() + " once");
            RecordedRequest call = calls.get(calls.size() - 1);
            assertTrue(call.status() < 300, name + " answered " + call.status());
            ids.values().forEach(id -> assertTrue(call.path().endsWith(id) || call.path().contains(id + "/"), call.path()));
            boolean noBody = call.body() == null || call.body().isEmpty();
            switch (KameletGenerator.bodyMode(operation)) {
                case NONE -> assertTrue(noBody, call.body());
                case MESSAGE -> assertEquals(given.message(), KameletJson.MAPPER.readTree(call.body()));
                case TEMPLATE -> {
                    assertEquals(scenario.body() == null, noBody, call.body());
                    if (scenario.body() != null && !scenario.body().contains("${")) {
                        assertEquals(KameletJson.MAPPER.readTree(scenario.body()), KameletJson.MAPPER.readTree(call.body()));
                    }
                }
            }
            JsonNode answer = KameletJson.MAPPER.readTree(out.getMessage().getBody(String.class));
            assertTrue(answer.isObject() && !answer.isEmpty(), name + " continued with " + answer);
            assertEquals("application/json", out.getMessage().getHeader(Exchange.CONTENT_TYPE));
            operation.pathParameters().forEach(p -> assertNull(out.getMessage().getHeader(p.headerName()),
                    p.headerName() + " left on the message"));
            scenario.then().check(api, given, answer);
        }
    }

    /** A Body Stora requires (finalize's cancel_redirect_url), left out of the route, stops it starting, naming Body. */
    @Test
    void aRequiredBodyLeftOutFailsNamingIt() throws Exception {
        try (CamelContext context = KameletTestSupport.newContext()) {
            stora.configure(context);
            routeToAction(context, "stora-finalize-order-action", Map.of("orderId", "${body[id]}"));
            Exception e = assertThrows(Exception.class, context::start);
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertTrue(root.getMessage().endsWith("mandatory parameters must be provided: body"), root.getMessage());
        }
    }

    /** Loads the route direct:in to the action, with its parameters (single-quoted in the YAML, as written). */
    static void routeToAction(CamelContext context, String kamelet, Map<String, String> parameters) throws Exception {
        StringBuilder yaml = new StringBuilder("""
                - route:
                    from:
                      uri: direct:in
                      steps:
                        - to:
                            uri: kamelet:%s
                """.formatted(kamelet));
        if (!parameters.isEmpty()) {
            yaml.append("            parameters:\n");
            parameters.forEach((k, v) -> yaml.append("              ").append(k).append(": '").append(v).append("'\n"));
        }
        KameletTestSupport.loadYaml(context, yaml.toString());
    }

    static String firstId(StoraResource resource, ProducerTemplate template) {
        List<?> records = template.requestBody("stora:" + resource.uriName() + "/list?limit=1", null, List.class);
        if (records.isEmpty()) {
            throw new AssertionError("the seed has no " + resource.uriName());
        }
        return (String) ((Map<?, ?>) records.get(0)).get("id");
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
