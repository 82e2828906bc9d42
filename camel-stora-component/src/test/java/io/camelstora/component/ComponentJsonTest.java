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

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelstora.component.polling.StoraPollingOptions;
import io.camelstora.component.webhook.StoraWebhookOptions;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * stora.json is what designers and catalogs show (Kaoto, Karavan, Camel JBang, IDE plugins, docs/reference): every
 * option and header is labelled, every description reaches it as written, and every option with a fixed set of values
 * lists them.
 */
class ComponentJsonTest {

    /**
     * META-INF/services/org/apache/camel/component.properties, which tools read to find the components of a jar, names
     * the component the jar registers (META-INF/services/org/apache/camel/component/stora), with its Maven coordinates.
     */
    @Test
    void componentPropertiesNamesTheComponentsOfTheJar() throws Exception {
        Properties descriptor = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/services/org/apache/camel/component.properties")) {
            descriptor.load(in);
        }
        assertEquals("stora", descriptor.getProperty("components"));
        assertEquals("io.camelstora", descriptor.getProperty("groupId"));
        assertEquals("camel-stora", descriptor.getProperty("artifactId"));
        assertEquals(GeneratedMetadataTest.storaJson().at("/component/version").asText(), descriptor.getProperty("version"));
        Properties scheme = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/services/org/apache/camel/component/stora")) {
            scheme.load(in);
        }
        assertEquals(StoraComponent.class.getName(), scheme.getProperty("class"));
    }

    /** The figures docs/tooling.md gives for stora.json are its own: options move (to the component, say) and they drift. */
    @Test
    void theToolingPageCountsWhatTheJsonHolds() throws Exception {
        String page = Files.readString(Path.of("..", "docs", "tooling.md"), StandardCharsets.UTF_8);
        Matcher counts = Pattern.compile("`componentProperties` \\((\\d+)\\), `properties` \\((\\d+) endpoint options\\) and"
                + "\\s+`headers` \\((\\d+)\\)").matcher(page);
        Matcher paths = Pattern.compile("the (\\d+) resources of the API and `webhook`[^\\n]*\\n[^\\n]*the (\\d+) action names")
                .matcher(page);
        assertTrue(counts.find() && paths.find(), "docs/tooling.md no longer says how many options, headers and paths");
        JsonNode json = GeneratedMetadataTest.storaJson();
        assertEquals(List.of(json.get("componentProperties").size(), json.get("properties").size(), json.get("headers").size(),
                json.at("/properties/resource/enum").size() - 1, json.at("/properties/action/enum").size()),
                List.of(Integer.parseInt(counts.group(1)), Integer.parseInt(counts.group(2)), Integer.parseInt(counts.group(3)),
                        Integer.parseInt(paths.group(1)), Integer.parseInt(paths.group(2))),
                "componentProperties, properties, headers, resources and actions of stora.json, as docs/tooling.md counts them");
    }

    @Test
    void everyOptionAndHeaderHasALabel() throws Exception {
        JsonNode json = GeneratedMetadataTest.storaJson();
        List<String> wrong = new ArrayList<>();
        for (String section : List.of("componentProperties", "properties", "headers")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = json.get(section).fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().path("label").asText().isBlank() || !section.equals("headers")
                        && e.getValue().path("group").asText().isBlank()) {
                    wrong.add(section + "." + e.getKey());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyDescriptionReachesTheJsonAsWritten() throws Exception {
        JsonNode json = GeneratedMetadataTest.storaJson();
        List<String> mangled = new ArrayList<>();
        for (Class<?> options : List.of(StoraEndpoint.class, StoraAccount.class, StoraConfiguration.class,
                StoraRequestOptions.class,
                StoraWebhookOptions.class, StoraPollingOptions.class)) {
            for (Field f : options.getDeclaredFields()) {
                compare(description(f), json.get("properties").get(f.getName()), "properties." + f.getName(), mangled);
            }
        }
        for (Field f : StoraComponent.class.getDeclaredFields()) {
            compare(description(f), json.get("componentProperties").get(f.getName()), "componentProperties." + f.getName(),
                    mangled);
        }
        for (Field f : StoraConstants.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getAnnotation(Metadata.class) != null) {
                compare(description(f), json.get("headers").get((String) f.get(null)), "headers." + f.get(null), mangled);
            }
        }
        assertEquals(List.of(), mangled);
    }

    @Test
    void everyOptionOfAnEnumTypeListsItsConstants() throws Exception {
        JsonNode json = GeneratedMetadataTest.storaJson();
        List<String> wrong = new ArrayList<>();
        for (String section : List.of("componentProperties", "properties")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = json.get(section).fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                Class<?> type = loadable(e.getValue().path("javaType").asText());
                if (type == null || !type.isEnum()) {
                    continue;
                }
                List<String> constants = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
                List<String> listed = new ArrayList<>();
                e.getValue().path("enum").forEach(v -> listed.add(v.asText()));
                if (!listed.equals(constants)) {
                    wrong.add(section + "." + e.getKey() + " lists " + listed + ", " + type.getSimpleName() + " has "
                            + constants);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static void compare(String written, JsonNode option, String where, List<String> mangled) {
        if (written == null || written.isEmpty()) {
            return;
        }
        String shown = option == null ? null : option.path("description").asText();
        // Camel appends how to use a multi-value option
        String prefix = option == null ? "" : option.path("prefix").asText();
        if (shown != null && option.path("multiValue").asBoolean()) {
            shown = shown.replace(" This is a multi-value option with prefix: " + prefix, "");
        }
        if (!written.equals(shown)) {
            mangled.add(where + ":\n  written: " + written + "\n  shown:   " + shown);
        }
    }

    private static String description(Field f) {
        UriParam param = f.getAnnotation(UriParam.class);
        UriPath path = f.getAnnotation(UriPath.class);
        Metadata metadata = f.getAnnotation(Metadata.class);
        if (param != null && !param.description().isEmpty()) {
            return param.description();
        }
        if (path != null && !path.description().isEmpty()) {
            return path.description();
        }
        return metadata == null ? null : metadata.description();
    }

    private static Class<?> loadable(String javaType) {
        try {
            return Class.forName(javaType);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
