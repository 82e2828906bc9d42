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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.camelstora.component.StoraConstants;
import io.camelstora.kamelets.generate.KameletGenerator;
import io.camelstora.simulator.StoraSimulator;
import io.camelstora.simulator.StoraSimulatorExtension;
import io.camelstora.simulator.WebhookDelivery;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/kamelets.md works: its routes load and start together against the simulator, the ones a caller starts run with
 * the message that caller would send, a webhook delivery goes through the first route, the Pipe binds declared
 * properties of existing Kamelets and creates the task it promises, and every property of every Kamelet is documented
 * there.
 */
class KameletDocsTest {

    static final Path PAGE = Path.of("..", "docs", "kamelets.md");
    static final Pattern YAML = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    @RegisterExtension
    static StoraSimulatorExtension stora = StoraSimulatorExtension.builder()
            .simulator(b -> b.webhookTimeScale(0.001).webhookTimeout(Duration.ofSeconds(5)))
            .build();

    @Test
    void theRoutesOfThePageRun(StoraSimulator sim) throws Exception {
        List<String> routes = yamlBlocks().stream().filter(b -> b.contains("- route:")).toList();
        assertTrue(routes.size() >= 6, "routes on the page: " + routes.size());
        int port = KameletTestSupport.freePort();
        try (CamelContext context = KameletTestSupport.newContext()) {
            KameletTestSupport.addHttpServer(context, port);
            stora.configure(context);
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            Map<?, ?> endpoint = template.requestBody("stora:webhook_endpoints/create", Map.of("name", "Docs",
                    "api_version", "2025-09", "url", "http://localhost:" + port + "/stora/invoices",
                    "event_types", List.of("invoice.paid")), Map.class);
            context.getPropertiesComponent().addInitialProperty("stora.webhook.secret", (String) endpoint.get("secret"));
            for (String route : routes) {
                KameletTestSupport.loadYaml(context, route);
            }
            for (Route route : context.getRoutes()) {
                assertTrue(context.getRouteController().getRouteStatus(route.getRouteId()).isStarted(), route.getRouteId());
            }

            // rename-contact: the caller names the contact in the header
            String contactId = KameletTestSupport.firstId(template, "contacts");
            run(template, "direct:rename-contact", "{\"full_name\": \"Renamed In The Docs\"}",
                    Map.of(StoraConstants.CONTACT_ID, contactId));
            assertEquals("Renamed In The Docs", sim.control().get(contactId).path("full_name").asText());

            // signup: a contact, a note on it, a task about it
            JsonNode task = KameletJson.MAPPER.readTree(run(template, "direct:signup",
                    "{\"email\": \"docs@example.com\", \"full_name\": \"Docs Example\"}", Map.of()));
            String created = task.path("resource").path("id").asText();
            assertEquals("docs@example.com", sim.control().get(created).path("email").asText());
            JsonNode note = KameletJson.MAPPER.readTree(sim.journal().requests("notes/create").get(0).body());
            assertEquals(created, note.path("resource").path("id").asText());

            // invoice-paid-note: a real delivery for an invoice of a contact
            JsonNode invoice = null;
            for (Object i : template.requestBody("stora:invoices/list?limit=20", null, List.class)) {
                JsonNode candidate = KameletJson.MAPPER.valueToTree(i);
                if (candidate.path("contact").hasNonNull("id")) {
                    invoice = candidate;
                    break;
                }
            }
            sim.control().emit("invoice.paid", invoice.path("id").asText());
            WebhookDelivery delivery = sim.webhooks().awaitCompleted(1, KameletTestSupport.WAIT).get(0);
            assertEquals(WebhookDelivery.Status.SUCCEEDED, delivery.status(), delivery.toString());
            JsonNode paidNote = KameletJson.MAPPER.readTree(sim.journal().requests("notes/create").get(1).body());
            assertEquals("Invoice " + invoice.path("id").asText() + " paid", paidNote.path("content").asText());
            assertEquals(invoice.path("contact").path("id").asText(), paidNote.path("resource").path("id").asText());
        }
    }

    @Test
    void thePipeBindsDeclaredPropertiesOfExistingKamelets() throws IOException {
        JsonNode pipe = new YAMLMapper().readTree(pipe());
        for (String end : List.of("source", "sink")) {
            JsonNode ref = pipe.at("/spec/" + end);
            JsonNode kamelet = kamelet(ref.at("/ref/name").asText());
            Set<String> declared = names(kamelet.at("/spec/definition/properties"));
            Set<String> given = names(ref.path("properties"));
            assertTrue(declared.containsAll(given), end + " gives undeclared properties: " + given);
            kamelet.at("/spec/definition/required").forEach(r -> assertTrue(given.contains(r.asText()), end + " lacks " + r));
        }
    }

    /**
     * The Pipe of the page, loaded by the YAML routes loader exactly as camel-main and Camel JBang load a routes file: a
     * contact created after it started gets its welcome task, titled and linked as the page says.
     */
    @Test
    void thePipeOfThePageCreatesTheTask(StoraSimulator sim) throws Exception {
        JsonNode task = runPipe(sim, pipe());
        assertEquals("Welcome call to Pipe Example", task.path("title").asText(), task.toString());
        assertEquals("pipe@example.com",
                sim.control().get(task.path("resource").path("id").asText()).path("email").asText());
    }

    /**
     * Why the page wraps the Pipe's properties in RAW(...): Camel 4.18 URL-encodes Pipe properties into the kamelet: URI
     * and the kamelet component never decodes them (CAMEL-23594). When a Camel upgrade makes this fail, the values arrive
     * as written and the page's advice can be relaxed.
     */
    @Test
    void withoutRawCamel418HandsThePipePropertiesOverUrlEncoded(StoraSimulator sim) throws Exception {
        // the resource left out: its encoded id would only add a 422
        String pipe = pipe().replace("\"RAW(Welcome call to ${body[full_name]})\"", "\"Welcome call to ${body[full_name]}\"")
                .replace("      resourceId: \"RAW(${body[id]})\"\n", "");
        JsonNode task = runPipe(sim, pipe);
        assertEquals("Welcome+call+to+%24%7Bbody%5Bfull_name%5D%7D", task.path("title").asText(), task.toString());
    }

    /** Starts the Pipe, polling every 200 ms, creates a contact once the first poll is done and returns its task. */
    private static JsonNode runPipe(StoraSimulator sim, String pipe) throws Exception {
        try (CamelContext context = KameletTestSupport.newContext()) {
            stora.configure(context);
            // the Pipe leaves delay to the Kamelet (60 s); Kamelet properties also come from application properties
            context.getPropertiesComponent().addInitialProperty("camel.kamelet.stora-poll-source.delay", "200");
            KameletTestSupport.loadYaml(context, pipe);
            context.start();
            await(() -> sim.journal().countOperation("contacts/list") > 0);
            context.createProducerTemplate().requestBody("stora:contacts/create",
                    Map.of("email", "pipe@example.com", "full_name", "Pipe Example"));
            await(() -> sim.journal().countOperation("tasks/create") > 0);
            return KameletJson.MAPPER.readTree(sim.journal().requests("tasks/create").get(0).body());
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + KameletTestSupport.WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(50);
        }
    }

    private static String pipe() throws IOException {
        // the page's other Pipe, the designer's flow, is run by camel-stora-kaoto's PipeFlowTest
        List<String> pipes = yamlBlocks().stream()
                .filter(b -> b.contains("kind: Pipe") && b.contains("name: stora-new-contacts-to-tasks")).toList();
        assertEquals(1, pipes.size());
        return pipes.get(0);
    }

    @Test
    void everyKameletPropertyIsDocumented() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (String name : KameletCatalogTest.HAND_WRITTEN) {
            assertTrue(page.contains("`" + name + "`"), name);
            names(kamelet(name).at("/spec/definition/properties")).stream()
                    .filter(p -> !page.contains("`" + p + "`")).forEach(p -> missing.add(name + "." + p));
        }
        assertTrue(missing.isEmpty(), "not on docs/kamelets.md: " + missing);
    }

    @Test
    void everyGeneratedKameletIsListed() throws Exception {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        List<String> missing = new KameletGenerator(Path.of("src/main/resources/kamelets"), "0").generate().keySet().stream()
                .map(f -> f.replace(".kamelet.yaml", "")).filter(n -> !page.contains("`" + n + "`")).toList();
        assertTrue(missing.isEmpty(), "not on docs/kamelets.md: " + missing);
    }

    private static String run(ProducerTemplate template, String uri, String body, Map<String, Object> headers) {
        Exchange out = template.request(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            e.getMessage().getHeaders().putAll(headers);
        });
        assertTrue(out.getException() == null, () -> uri + ": " + out.getException());
        return out.getMessage().getBody(String.class);
    }

    private static JsonNode kamelet(String name) throws IOException {
        return new YAMLMapper()
                .readTree(KameletDocsTest.class.getClassLoader().getResource("kamelets/" + name + ".kamelet.yaml"));
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> yamlBlocks() throws IOException {
        List<String> blocks = new ArrayList<>();
        Matcher m = YAML.matcher(Files.readString(PAGE, StandardCharsets.UTF_8));
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}
