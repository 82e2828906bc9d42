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
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.camelstora.component.catalog.HttpMethod;
import io.camelstora.component.catalog.StoraOperation;
import io.camelstora.component.catalog.StoraResource;
import io.camelstora.kamelets.generate.KameletGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The rules apache/camel-kamelets checks its catalog with (script/validator), plus ours: every secret marked as such,
 * defaults and choices the same as the component's catalog (stora.json), the same account properties everywhere, and
 * the sink and poll source offering exactly the operations and lists of the operation catalog. Collects every problem
 * before failing, so one run lists them all.
 */
class KameletCatalogTest {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([A-Za-z0-9-._]+)(?:\\?nested=false)?(?::[^}]*)?}}");
    static final Set<String> ACCOUNT_PROPERTIES = Set.of("baseUrl", "accessToken", "clientId", "clientSecret", "scopes");
    static final String VERSION = System.getProperty("project.version");

    static final Set<String> HAND_WRITTEN = Set.of("stora-webhook-source", "stora-poll-source", "stora-sink",
            "stora-add-note-action", "stora-create-task-action", "stora-overlock-units-action");
    static Map<String, JsonNode> kamelets = new HashMap<>();
    static JsonNode stora;
    final List<String> problems = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        Path dir = Path.of(KameletCatalogTest.class.getClassLoader().getResource("kamelets").toURI());
        ObjectMapper yaml = new YAMLMapper();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".kamelet.yaml")).toList()) {
                kamelets.put(file.getFileName().toString(), yaml.readTree(file.toFile()));
            }
        }
        try (InputStream json = KameletCatalogTest.class.getClassLoader()
                .getResourceAsStream("META-INF/io/camelstora/component/stora.json")) {
            stora = new ObjectMapper().readTree(json);
        }
    }

    @Test
    void theCatalogHasTheSourcesSinkAndActions() {
        Set<String> expected = new TreeSet<>(HAND_WRITTEN);
        KameletGenerator.eventFamilies().forEach(f -> expected.add("stora-" + f.replace('_', '-') + "-events-source"));
        KameletGenerator.pollableLists()
                .forEach(l -> expected.add("stora-" + l.resource().uriName().replace('_', '-') + "-poll-source"));
        KameletGenerator.generatedActions().forEach(o -> expected.add(KameletGenerator.actionName(o)));
        assertEquals(expected, kamelets.values().stream().map(k -> k.at("/metadata/name").asText())
                .collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(6 + 15 + 25 + 34, expected.size());
    }

    @Test
    void everyWriteOperationAndStateChangeHasOneAction() {
        Map<String, String> byOperation = new java.util.TreeMap<>();
        kamelets.values().forEach(k -> {
            String uri = k.at("/spec/template/from/steps").findValuesAsText("uri").stream()
                    .filter(u -> u.startsWith("stora:")).findFirst().orElse("");
            if (k.at("/metadata/labels").path("camel.apache.org/kamelet.type").asText().equals("action")) {
                check(byOperation.put(uri, k.at("/metadata/name").asText()) == null, uri + " has two actions");
            }
        });
        Set<String> writes = Stream.of(StoraOperation.values())
                .filter(o -> o.method() != HttpMethod.GET && o.resource() != StoraResource.OAUTH).map(StoraOperation::uri)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(writes, byOperation.keySet());
        assertNoProblems();
    }

    @Test
    void eachKameletStatesItsInputAndOutputTypes() {
        kamelets.forEach((file, k) -> {
            String type = k.at("/metadata/labels").path("camel.apache.org/kamelet.type").asText();
            check(!k.at("/spec/types/out/mediaType").asText().isEmpty() || type.equals("sink"), file + ": no out type");
            check(!k.at("/spec/types/in/mediaType").asText().isEmpty() || !type.equals("sink"), file + ": no in type");
        });
        assertNoProblems();
    }

    @Test
    void everyKameletFollowsTheCamelKameletsConventions() {
        kamelets.forEach((file, k) -> {
            String name = k.at("/metadata/name").asText();
            check(file.equals(name + ".kamelet.yaml"), file + " holds " + name);
            check("camel.apache.org/v1".equals(k.path("apiVersion").asText()) && "Kamelet".equals(k.path("kind").asText()),
                    name + ": apiVersion camel.apache.org/v1, kind Kamelet");
            String type = k.at("/metadata/labels").path("camel.apache.org/kamelet.type").asText();
            check(Set.of("source", "sink", "action").contains(type), name + ": kamelet.type label " + type);
            check(name.endsWith("-" + type), name + " does not end with -" + type);
            JsonNode definition = k.at("/spec/definition");
            String title = definition.path("title").asText();
            check(title.endsWith(Character.toUpperCase(type.charAt(0)) + type.substring(1)), name + ": title " + title);
            check(!definition.path("description").asText().isBlank(), name + ": no description");
            check("object".equals(definition.path("type").asText()), name + ": definition type is not object");
            annotations(name, k.at("/metadata/annotations"));
            properties(name, definition);
            placeholders(name, k);
            dependencies(name, k);
        });
        assertNoProblems();
    }

    @Test
    void secretsAreMarkedAndNeverShownInClearByDesigners() {
        Set<String> storaSecrets = new TreeSet<>();
        stora.path("properties").properties().forEach(e -> {
            if (e.getValue().path("secret").asBoolean()) {
                storaSecrets.add(e.getKey());
            }
        });
        assertTrue(storaSecrets.containsAll(Set.of("accessToken", "clientSecret", "secret")), storaSecrets.toString());
        kamelets.values().forEach(k -> fields(k.at("/spec/definition/properties")).forEach((property, schema) -> {
            String name = k.at("/metadata/name").asText();
            boolean password = "password".equals(schema.path("format").asText());
            check(!storaSecrets.contains(property) || password,
                    name + "." + property + " is a secret option of stora but not format: password");
            boolean credentials = schema.path("x-descriptors").toString().contains("\"urn:camel:group:credentials\"");
            check(!password || credentials,
                    name + "." + property + " has format password but not the urn:camel:group:credentials descriptor");
        }));
        assertNoProblems();
    }

    @Test
    void defaultsAndChoicesAreTheComponentsOwn() {
        kamelets.values().forEach(k -> fields(k.at("/spec/definition/properties")).forEach((property, schema) -> {
            String name = k.at("/metadata/name").asText();
            JsonNode option = stora.path("properties").path(property);
            if (option.isMissingNode()) {
                return;
            }
            // each events source serves its own path by default, so that several run on one server
            boolean ownPath = property.equals("path") && name.endsWith("-events-source");
            if (schema.has("default") && !ownPath) {
                check(option.path("defaultValue").asText().equals(schema.path("default").asText()),
                        name + "." + property + " defaults to " + schema.path("default") + ", stora to "
                                + option.path("defaultValue"));
            }
            if (schema.has("enum") && option.has("enum")) {
                check(texts(option.path("enum")).containsAll(texts(schema.path("enum"))),
                        name + "." + property + " offers " + schema.path("enum") + ", stora only " + option.path("enum"));
            }
        }));
        assertNoProblems();
    }

    @Test
    void everyKameletOffersTheSameAccountProperties() {
        JsonNode reference = accountProperties(kamelets.get("stora-sink.kamelet.yaml"));
        assertEquals(ACCOUNT_PROPERTIES, fieldNames(reference));
        kamelets.forEach((file, k) -> check(reference.equals(accountProperties(k)),
                file + ": account properties differ from stora-sink's"));
        assertNoProblems();
    }

    @Test
    void theSinkOffersEveryOperationAndThePollSourceEveryList() {
        Set<String> operations = Stream.of(StoraOperation.values()).map(o -> o.uri().substring("stora:".length()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(operations,
                texts(kamelets.get("stora-sink.kamelet.yaml").at("/spec/definition/properties/operation/enum")));

        Set<String> lists = Stream.of(StoraOperation.values())
                .filter(o -> o.action().equals("list") && o.pathParameters().isEmpty())
                .map(o -> o.resource().uriName()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(lists,
                texts(kamelets.get("stora-poll-source.kamelet.yaml").at("/spec/definition/properties/resource/enum")));
    }

    @Test
    void titlesAndDescriptionsAreUnique() {
        List<String> titles = kamelets.values().stream().map(k -> k.at("/spec/definition/title").asText()).toList();
        List<String> descriptions = kamelets.values().stream().map(k -> k.at("/spec/definition/description").asText()).toList();
        assertEquals(titles.size(), Set.copyOf(titles).size(), titles.toString());
        assertEquals(descriptions.size(), Set.copyOf(descriptions).size());
    }

    private void annotations(String name, JsonNode annotations) {
        check(VERSION.equals(annotations.path("camel.apache.org/catalog.version").asText()),
                name + ": catalog.version is not the project version " + VERSION);
        check("Camel Stora".equals(annotations.path("camel.apache.org/provider").asText()), name + ": provider");
        check("Preview".equals(annotations.path("camel.apache.org/kamelet.support.level").asText()),
                name + ": support.level is not the component's (Preview)");
        check("Stora".equals(annotations.path("camel.apache.org/kamelet.group").asText()), name + ": group");
        check(!annotations.path("camel.apache.org/kamelet.namespace").asText().isBlank(), name + ": namespace");
        String icon = annotations.path("camel.apache.org/kamelet.icon").asText();
        String prefix = "data:image/svg+xml;base64,";
        check(icon.startsWith(prefix) && new String(Base64.getDecoder().decode(icon.substring(prefix.length())),
                StandardCharsets.UTF_8).startsWith("<svg"), name + ": icon is not a base64 SVG");
    }

    private void properties(String name, JsonNode definition) {
        Map<String, JsonNode> properties = fields(definition.path("properties"));
        List<String> required = new ArrayList<>(texts(definition.path("required")));
        check(required.size() == definition.path("required").size(), name + ": a required property is listed twice");
        required.forEach(r -> check(properties.containsKey(r), name + ": required " + r + " is not defined"));
        properties.forEach((property, schema) -> {
            String where = name + "." + property;
            check(Set.of("string", "integer", "boolean", "number").contains(schema.path("type").asText()), where + ": type");
            check(!schema.path("description").asText().isBlank(), where + ": no description");
            String title = schema.path("title").asText();
            check(!title.isBlank(), where + ": no title");
            check(!title.startsWith("The ") && !title.startsWith("A ") && !title.startsWith("An "), where + ": title " + title);
            check(Stream.of(title.split(" ")).allMatch(w -> !w.isEmpty() && Character.isUpperCase(w.charAt(0))),
                    where + ": title words are not capitalized: " + title);
            check(!(required.contains(property) && schema.has("default")), where + ": required with a default");
            if (schema.has("default") && schema.has("enum")) {
                check(texts(schema.path("enum")).contains(schema.path("default").asText()), where + ": default not in enum");
            }
        });
    }

    /** Every {{placeholder}} of the template is a declared property or bean, and every property is used. */
    private void placeholders(String name, JsonNode kamelet) {
        JsonNode template = kamelet.at("/spec/template");
        Set<String> used = new TreeSet<>();
        collectPlaceholders(template, used);
        Set<String> declared = new TreeSet<>(fieldNames(kamelet.at("/spec/definition/properties")));
        template.path("beans").forEach(b -> declared.add(b.path("name").asText()));
        check(declared.containsAll(used), name + ": undeclared " + difference(used, declared));
        check(used.containsAll(declared), name + ": declared but unused " + difference(declared, used));
        String from = template.at("/from/uri").asText();
        String type = kamelet.at("/metadata/labels").path("camel.apache.org/kamelet.type").asText();
        check(type.equals("source") != from.equals("kamelet:source"),
                name + ": a source reads from its system, others from kamelet:source");
        check(type.equals("source") == template.toString().contains("\"kamelet:sink\""),
                name + ": only sources end in kamelet:sink");
    }

    private void dependencies(String name, JsonNode kamelet) {
        Set<String> deps = texts(kamelet.at("/spec/dependencies"));
        String template = kamelet.at("/spec/template").toString();
        check(deps.contains("camel:kamelet"), name + ": camel:kamelet");
        check(deps.contains("mvn:io.camelstora:camel-stora:" + VERSION), name + ": mvn:io.camelstora:camel-stora:" + VERSION);
        check(template.contains("io.camelstora.kamelets.") == deps
                .contains("mvn:io.camelstora:camel-stora-kamelets:" + VERSION),
                name + ": the helper classes of camel-stora-kamelets and its dependency go together");
        check(template.contains("\"stora:webhook\"") == deps.contains("camel:platform-http"), name + ": camel:platform-http");
    }

    private static void collectPlaceholders(JsonNode node, Set<String> into) {
        if (node.isTextual()) {
            Matcher m = PLACEHOLDER.matcher(node.asText());
            while (m.find()) {
                into.add(m.group(1));
            }
        }
        node.forEach(child -> collectPlaceholders(child, into));
    }

    private static JsonNode accountProperties(JsonNode kamelet) {
        com.fasterxml.jackson.databind.node.ObjectNode account = new ObjectMapper().createObjectNode();
        fields(kamelet.at("/spec/definition/properties")).forEach((k, v) -> {
            if (ACCOUNT_PROPERTIES.contains(k)) {
                account.set(k, v);
            }
        });
        return account;
    }

    private static Map<String, JsonNode> fields(JsonNode node) {
        Map<String, JsonNode> fields = new java.util.LinkedHashMap<>();
        node.properties().forEach(e -> fields.put(e.getKey(), e.getValue()));
        return fields;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new TreeSet<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new HashSet<>(a);
        d.removeAll(b);
        return d;
    }

    private void check(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }

    private void assertNoProblems() {
        if (!problems.isEmpty()) {
            fail(problems.size() + " problems:\n" + String.join("\n", problems));
        }
    }
}
