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
package io.camelstora.kaoto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kaoto entries: every endpoint option of stora.json in the component's form, every Kamelet of the jar in the
 * Kamelets aggregate with its form, the jar's entries what the build wrote, and a merge into a library that keeps the
 * library's own entries and files.
 */
class KaotoCatalogTest {

    @Test
    void theComponentFormHasEveryEndpointOption() {
        JsonNode stora = KaotoCatalog.componentEntries().get("stora");
        JsonNode schema = stora.at("/propertiesSchema/properties");
        assertEquals(names(stora.path("properties")), names(schema));
        // the action is optional in the URI syntax (stora:webhook)
        assertEquals("[\"resource\"]", stora.at("/propertiesSchema/required").toString());
        stora.path("properties").properties().forEach(e -> {
            JsonNode property = schema.get(e.getKey());
            assertEquals(e.getValue().path("description").asText(), property.path("description").asText(), e.getKey());
            assertFalse(property.path("title").asText().isBlank(), e.getKey());
            assertTrue(Set.of("string", "integer", "boolean", "number", "object", "array")
                    .contains(property.path("type").asText()), e.getKey());
            assertEquals(e.getValue().path("secret").asBoolean(), "password".equals(property.path("format").asText()),
                    e.getKey());
            assertEquals("group:" + e.getValue().path("group").asText(), property.path("$comment").asText());
        });
        assertEquals(29 + 1, schema.at("/resource/enum").size()); // the resources and webhook
        assertEquals("duration", schema.at("/delay/format").asText());
        assertEquals("bean:org.apache.camel.spi.IdempotentRepository", schema.at("/idempotentRepository/format").asText());
    }

    @Test
    void everyKameletHasItsForm() {
        ObjectNode kamelets = KaotoCatalog.kameletEntries();
        assertEquals(80, kamelets.size());
        kamelets.properties().forEach(e -> {
            JsonNode definition = e.getValue().at("/spec/definition");
            JsonNode schema = e.getValue().path("propertiesSchema");
            assertEquals(definition.path("title"), schema.path("title"), e.getKey());
            assertEquals(names(definition.path("properties")), names(schema.path("properties")), e.getKey());
            assertEquals(definition.path("required"), schema.path("required"), e.getKey());
            schema.path("properties").forEach(p -> assertFalse(p.has("x-descriptors") || p.has("example"), e.getKey()));
        });
        assertEquals("password",
                kamelets.at("/stora-invoice-events-source/propertiesSchema/properties/secret/format").asText());
        assertTrue(kamelets.at("/stora-invoice-events-source/propertiesSchema/properties/eventType/enum").toString()
                .contains("invoice.paid"));
    }

    @Test
    void theJarHoldsWhatTheBuildGenerated() throws Exception {
        JsonNode built = KaotoCatalog.JSON.readTree(getClass().getResource("/kaoto/stora-kamelets.json"));
        assertEquals(KaotoCatalog.kameletEntries(), built);
        assertEquals(KaotoCatalog.componentEntries(),
                KaotoCatalog.JSON.readTree(getClass().getResource("/kaoto/stora-components.json")));
    }

    @Test
    void aMergeAddsStoraAndKeepsTheLibrary(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("base");
        Path runtime = Files.createDirectories(base.resolve("camel-main/4.14.0"));
        Files.writeString(runtime.resolve("components-aaa.json"), "{\"timer\": {\"component\": {\"name\": \"timer\"}}}");
        Files.writeString(runtime.resolve("kamelets-bbb.json"), "{\"log-sink\": {\"kind\": \"Kamelet\"}}");
        Files.writeString(runtime.resolve("models-ccc.json"), "{\"choice\": {}}");
        Files.writeString(runtime.resolve("camelYamlDsl-ddd.json"), "{\"$schema\": \"x\"}");
        Files.writeString(runtime.resolve("index-eee.json"), """
                {"name": "Camel Main 4.14.0", "version": "4.14.0", "runtime": "Main",
                 "catalogs": {"components": {"file": "components-aaa.json"}, "kamelets": {"file": "kamelets-bbb.json"},
                              "models": {"file": "models-ccc.json"}},
                 "schemas": {"camelYamlDsl": {"file": "camelYamlDsl-ddd.json"}}}""");
        Files.writeString(base.resolve("index.json"), """
                {"name": "Default Kaoto catalog", "version": 3, "definitions": [
                 {"name": "Camel Quarkus 3.26.0", "runtime": "Quarkus", "version": "3.26.0", "fileName": "x/index.json"},
                 {"name": "Camel Main 4.14.0", "runtime": "Main", "version": "4.14.0",
                  "fileName": "camel-main/4.14.0/index-eee.json"}]}""");
        Path out = dir.resolve("out");

        assertEquals(List.of("Camel Main 4.14.0 with Stora"), KaotoCatalog.merge(base.resolve("index.json"), out, List.of()));

        JsonNode library = KaotoCatalog.JSON.readTree(out.resolve("index.json").toFile());
        assertEquals(1, library.path("definitions").size());
        Path runtimeIndex = out.resolve(library.at("/definitions/0/fileName").asText());
        JsonNode index = KaotoCatalog.JSON.readTree(runtimeIndex.toFile());
        Path outRuntime = runtimeIndex.getParent();
        JsonNode components = KaotoCatalog.JSON
                .readTree(outRuntime.resolve(index.at("/catalogs/components/file").asText()).toFile());
        assertEquals(Set.of("timer", "stora"), names(components));
        JsonNode kamelets = KaotoCatalog.JSON
                .readTree(outRuntime.resolve(index.at("/catalogs/kamelets/file").asText()).toFile());
        assertTrue(kamelets.has("log-sink") && kamelets.has("stora-invoice-events-source") && kamelets.size() == 81);
        assertEquals("{\"choice\": {}}", Files.readString(outRuntime.resolve("models-ccc.json")));
        assertTrue(Files.exists(outRuntime.resolve("camelYamlDsl-ddd.json")));
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
