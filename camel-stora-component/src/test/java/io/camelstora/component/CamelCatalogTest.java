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
package io.camelstora.component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The component in Camel's catalog API, the one the Camel Maven validation plugin, IDE plugins and designers build on:
 * added from the stora.json in the jar as docs/tooling.md says, it validates every stora: URI of the docs, catches
 * typos with suggestions, and builds URIs from option maps.
 */
class CamelCatalogTest {

    /**
     * A stora: URI in Markdown: not part of a longer word (io.camelstora:camel-stora), nor the stora:webhook of
     * webhook:stora:webhook, whose options are the webhook component's.
     */
    private static final Pattern STORA_URI = Pattern
            .compile("(?<![\\w.:-])stora:[a-z_]+(/[a-z_]+)?(\\?(RAW\\([^)]*\\)|[^\\s\"'`)|<>\\]])*)?");

    private final CamelCatalog catalog = new DefaultCamelCatalog(true);

    @BeforeEach
    void addStora() throws IOException {
        catalog.addComponent("stora", StoraComponent.class.getName(), storaJson());
    }

    @Test
    void theCatalogKnowsTheComponentFromItsJson() throws IOException {
        assertTrue(catalog.findComponentNames().contains("stora"));
        assertEquals(storaJson(), catalog.componentJSonSchema("stora"));
        assertEquals("io.camelstora:camel-stora", catalog.componentModel("stora").getGroupId() + ":"
                + catalog.componentModel("stora").getArtifactId());
    }

    @Test
    void everyStoraUriOfTheDocsValidates() throws IOException {
        List<String> invalid = new ArrayList<>();
        TreeSet<String> uris = docsUris();
        assertTrue(uris.size() > 150, "found " + uris.size());
        for (String uri : uris) {
            // the catalog splits a RAW(...) value at its &, which Camel itself does not: validate the option, not the value
            List<String> errors = errors(catalog.validateEndpointProperties(uri.replaceAll("RAW\\([^)]*\\)", "secret")));
            if (!errors.isEmpty()) {
                invalid.add(uri + ": " + errors);
            }
        }
        assertEquals(List.of(), invalid);
    }

    @Test
    void typosAreCaughtWithSuggestions() {
        EndpointValidationResult action = catalog.validateEndpointProperties("stora:contacts/lst");
        assertFalse(action.isSuccess());
        assertEquals("lst", action.getInvalidEnum().get("action"));
        assertTrue(action.getEnumChoices("action").contains("list"));

        EndpointValidationResult option = catalog.validateEndpointProperties("stora:contacts/list?limt=5");
        assertTrue(option.getUnknown().contains("limt"));

        EndpointValidationResult output = catalog.validateEndpointProperties("stora:contacts/list?outputType=XML");
        assertEquals("XML", output.getInvalidEnum().get("outputType"));

        // eventTypes takes several types and wildcards, so it is no enum: the catalog accepts any list
        assertTrue(catalog.validateEndpointProperties("stora:webhook?eventTypes=invoice.*,unit.updated&secret=s").isSuccess());
    }

    @Test
    void buildsUrisFromOptions() throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("resource", "contacts");
        options.put("action", "show");
        options.put("contactId", "con_1");
        options.put("outputType", "JSON_NODE");
        assertEquals("stora:contacts/show?contactId=con_1&outputType=JSON_NODE",
                catalog.asEndpointUri("stora", options, false));
    }

    /**
     * What the catalog found wrong; not scheduler=quartz, which the catalog takes for a bean reference missing its #
     * (for Camel's own file component too).
     */
    private static List<String> errors(EndpointValidationResult r) {
        List<String> errors = new ArrayList<>();
        Map<String, Object> problems = new LinkedHashMap<>();
        problems.put("syntax error", r.getSyntaxError());
        problems.put("incapable", r.getIncapable());
        problems.put("unknown component", r.getUnknownComponent());
        problems.put("unknown options", r.getUnknown());
        problems.put("required", r.getRequired());
        problems.put("invalid enum", r.getInvalidEnum());
        problems.put("invalid boolean", r.getInvalidBoolean());
        problems.put("invalid integer", r.getInvalidInteger());
        problems.put("invalid number", r.getInvalidNumber());
        problems.put("invalid duration", r.getInvalidDuration());
        Map<Object, Object> references = new LinkedHashMap<>();
        if (r.getInvalidReference() != null) {
            references.putAll(r.getInvalidReference());
        }
        references.remove("scheduler", "quartz");
        problems.put("invalid reference", references);
        problems.forEach((what, value) -> {
            if (value != null && !(value instanceof java.util.Collection<?> c && c.isEmpty())
                    && !(value instanceof Map<?, ?> m && m.isEmpty())) {
                errors.add(what + " " + value);
            }
        });
        return errors;
    }

    static String storaJson() throws IOException {
        try (InputStream in = CamelCatalogTest.class.getResourceAsStream("/META-INF/io/camelstora/component/stora.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static TreeSet<String> docsUris() throws IOException {
        TreeSet<String> uris = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("..", "docs"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                Matcher m = STORA_URI.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    // the syntax line of the docs, stora:resource/action, is no endpoint
                    if (!m.group().startsWith("stora:resource/")) {
                        uris.add(m.group());
                    }
                }
            }
        }
        return uris;
    }
}
