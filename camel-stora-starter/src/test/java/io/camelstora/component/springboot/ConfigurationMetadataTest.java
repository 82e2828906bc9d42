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
package io.camelstora.component.springboot;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.tooling.model.ComponentModel;
import org.apache.camel.tooling.model.ComponentModel.ComponentOptionModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The IDE metadata that spring-boot-configuration-processor wrote into the starter lists every option of the component
 * (stora.json) under camel.component.stora, with its description, its type and its default, and nothing else.
 */
class ConfigurationMetadataTest {

    static ComponentModel stora;
    static Map<String, JsonNode> metadata = new HashMap<>();

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        stora = StarterSourcesTest.storaModel();
        // the starter's own file: every Spring Boot jar on the classpath has one
        Path classes = Path.of(StoraComponentConfiguration.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JsonNode json = new ObjectMapper()
                .readTree(Files.readString(classes.resolve("META-INF/spring-configuration-metadata.json")));
        json.path("properties").forEach(p -> metadata.put(p.path("name").asText(), p));
    }

    @Test
    void everyComponentOptionIsDescribedWithItsTypeAndDefault() {
        List<String> problems = new ArrayList<>();
        for (ComponentOptionModel option : stora.getComponentOptions()) {
            String name = StarterSources.propertyName(option.getName());
            JsonNode property = metadata.get(name);
            if (property == null) {
                problems.add(name + " is missing");
                continue;
            }
            if (!StarterSources.description(option).equals(property.path("description").asText())) {
                problems.add(name + " is described as '" + property.path("description").asText() + "'");
            }
            if (!option.getDescription().isBlank()
                    && !property.path("description").asText().startsWith(option.getDescription())) {
                problems.add(name + " does not start with the catalog's description");
            }
            String expectedType = expectedType(option);
            if (!expectedType.equals(property.path("type").asText())) {
                problems.add(name + " has type " + property.path("type").asText() + ", expected " + expectedType);
            }
            Object catalogDefault = option.getDefaultValue();
            boolean hasDefault = catalogDefault != null && !catalogDefault.toString().isEmpty();
            if (hasDefault != property.has("defaultValue")) {
                problems.add(name + " default: catalog " + catalogDefault + ", metadata " + property.path("defaultValue"));
            } else if (hasDefault && !sameDefault(option, catalogDefault.toString(), property.path("defaultValue").asText())) {
                problems.add(name + " defaults to " + property.path("defaultValue") + ", the catalog to " + catalogDefault);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theMetadataHasNoOtherStoraProperties() {
        Set<String> expected = new HashSet<>(
                Set.of("camel.component.stora.enabled", "camel.component.stora.customizer.enabled"));
        stora.getComponentOptions().forEach(o -> expected.add(StarterSources.propertyName(o.getName())));
        Set<String> listed = new HashSet<>();
        metadata.keySet().stream().filter(n -> n.startsWith("camel.component.stora.")).forEach(listed::add);
        assertEquals(expected, listed);
        assertTrue(metadata.get("camel.component.stora.enabled").path("description").asText().contains("auto configuration"));
    }

    private static String expectedType(ComponentOptionModel option) {
        if (StarterSources.isDuration(option)) {
            return "java.time.Duration";
        }
        String type = option.getJavaType().replace('$', '.').replace(", ", ",");
        return switch (type) {
            case "boolean" -> "java.lang.Boolean";
            case "int" -> "java.lang.Integer";
            case "long" -> "java.lang.Long";
            // spring-boot-configuration-processor leaves out the type of an Object property (meterRegistry: Micrometer is
            // optional, so the option cannot name its class)
            case "java.lang.Object" -> "";
            // and of a DataSource property, a type its TypeExcludeFilter leaves out (dataSource, given as #bean:name)
            case "javax.sql.DataSource" -> "";
            default -> type;
        };
    }

    private static boolean sameDefault(ComponentOptionModel option, String catalog, String metadata) {
        if (StarterSources.isDuration(option)) {
            return DurationStyle.detectAndParse(metadata, ChronoUnit.MILLIS).toMillis() == Long.parseLong(catalog);
        }
        if (option.getEnums() != null && !option.getEnums().isEmpty()) {
            // the processor writes enum constants in Spring Boot's lower-case, dashed form (JSON_NODE -> json-node)
            return catalog.toLowerCase(Locale.ROOT).replace('_', '-').equals(metadata);
        }
        return catalog.equals(metadata);
    }
}
