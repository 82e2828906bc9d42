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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The stora component and the Stora Kamelets as entries of a Kaoto catalog library, and the step that adds them to a
 * library Kaoto already loads.
 * <p>
 * A Kaoto catalog library is an {@code index.json} listing runtimes; each runtime has an index naming aggregate files,
 * among them a components aggregate (component JSONs keyed by scheme) and a Kamelets aggregate (Kamelet resources keyed
 * by name). Kaoto's property forms read a {@code propertiesSchema} (a JSON schema) that Kaoto's catalog generator adds to
 * each entry; this class derives it by the same rules, observed on every entry of Kaoto's published catalog: for a
 * component, one schema property per endpoint option in the JSON's order, with title, description, JSON type, enum,
 * default, {@code $comment: group:<group>}, {@code format: password} for secrets, {@code duration} for durations and
 * {@code bean:<type>} for object references; for a Kamelet, the definition without examples and descriptors.
 * <p>
 * Usage: {@code entries <dir>} writes {@code stora-components.json} and {@code stora-kamelets.json} (the build puts them
 * in the jar under {@code kaoto/}); {@code merge <library index.json> <dir> [runtime name...]} writes to {@code dir} a
 * library with the named runtimes of the given one (default: its first Camel Main runtime) and stora in each.
 */
public final class KaotoCatalog {

    static final String SCHEMA = "http://json-schema.org/draft-07/schema#";
    static final String KAMELETS_DIRECTORY = "kamelets";
    static final String STORA_JSON = "META-INF/io/camelstora/component/stora.json";
    /** Kamelet schema keywords Kaoto's forms use; the rest (example, x-descriptors...) stay in the definition only. */
    static final List<String> KAMELET_PROPERTY_KEYS = List.of("type", "title", "description", "format", "default", "enum");

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private KaotoCatalog() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("entries")) {
            writeEntries(Path.of(args[1]));
        } else if (args.length >= 3 && args[0].equals("merge")) {
            List<String> runtimes = List.of(args).subList(3, args.length);
            List<String> written = merge(Path.of(args[1]), Path.of(args[2]), runtimes);
            System.out.println("Kaoto catalog library with stora: " + Path.of(args[2]).resolve("index.json") + " " + written);
        } else {
            System.err.println("usage: KaotoCatalog entries <dir> | merge <library index.json> <dir> [runtime name...]");
            System.exit(2);
        }
    }

    /** Writes the component and Kamelet entries, as Kaoto's aggregates hold them, into {@code dir}. */
    public static void writeEntries(Path dir) throws IOException {
        Files.createDirectories(dir);
        PRETTY.writeValue(dir.resolve("stora-components.json").toFile(), componentEntries());
        PRETTY.writeValue(dir.resolve("stora-kamelets.json").toFile(), kameletEntries());
    }

    /** {@code {"stora": <stora.json with its propertiesSchema>}}. */
    public static ObjectNode componentEntries() {
        ObjectNode entries = JSON.createObjectNode();
        entries.set("stora", componentEntry(readStoraJson()));
        return entries;
    }

    /** Every Stora Kamelet on the classpath, keyed by name, with its propertiesSchema. */
    public static ObjectNode kameletEntries() {
        ObjectNode entries = JSON.createObjectNode();
        readKamelets().forEach((name, kamelet) -> entries.set(name, kameletEntry(kamelet)));
        return entries;
    }

    /** The component JSON with the propertiesSchema Kaoto's forms read. */
    public static ObjectNode componentEntry(JsonNode componentJson) {
        ObjectNode entry = componentJson.deepCopy();
        ObjectNode schema = JSON.createObjectNode();
        schema.put("$schema", SCHEMA);
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.createArrayNode();
        componentJson.path("properties").properties().forEach(e -> {
            properties.set(e.getKey(), optionSchema(e.getValue()));
            if (e.getValue().path("required").asBoolean()) {
                required.add(e.getKey());
            }
        });
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        entry.set("propertiesSchema", schema);
        return entry;
    }

    static ObjectNode optionSchema(JsonNode option) {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("title", option.path("displayName").asText());
        schema.put("description", option.path("description").asText());
        String camelType = option.path("type").asText();
        String javaType = option.path("javaType").asText();
        boolean multiValue = option.path("multiValue").asBoolean();
        String type = switch (camelType) {
            case "boolean", "integer", "number", "array" -> camelType;
            case "object" -> multiValue || javaType.startsWith("java.util.Map") ? "object" : "string";
            default -> "string"; // string, enum, duration
        };
        schema.put("type", type);
        if (option.has("enum")) {
            schema.set("enum", option.get("enum"));
        }
        schema.put("$comment", "group:" + option.path("group").asText());
        if (option.has("defaultValue")) {
            schema.set("default", defaultValue(option.get("defaultValue"), type));
        }
        if (option.path("deprecated").asBoolean()) {
            schema.put("deprecated", true);
        }
        if (option.path("secret").asBoolean()) {
            schema.put("format", "password");
        } else if (camelType.equals("duration")) {
            schema.put("format", "duration");
        } else if (type.equals("string") && camelType.equals("object")) {
            schema.put("format", "bean:" + javaType);
        }
        if (type.equals("array")) {
            schema.putObject("items").put("type", "string");
        }
        return schema;
    }

    /** Booleans written as text in the component JSON are booleans in the schema, as in Kaoto's own entries. */
    private static JsonNode defaultValue(JsonNode value, String type) {
        if (type.equals("boolean") && value.isTextual()) {
            return JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(value.asText()));
        }
        return value;
    }

    /** The Kamelet resource as JSON with the propertiesSchema Kaoto's forms read. */
    public static ObjectNode kameletEntry(JsonNode kamelet) {
        ObjectNode entry = kamelet.deepCopy();
        JsonNode definition = kamelet.at("/spec/definition");
        ObjectNode schema = JSON.createObjectNode();
        schema.put("$schema", SCHEMA);
        schema.put("type", "object");
        schema.set("title", definition.path("title"));
        schema.set("description", definition.path("description"));
        if (definition.has("required")) {
            schema.set("required", definition.get("required"));
        }
        if (definition.has("properties")) {
            ObjectNode properties = schema.putObject("properties");
            definition.get("properties").properties().forEach(e -> {
                ObjectNode property = properties.putObject(e.getKey());
                KAMELET_PROPERTY_KEYS.forEach(key -> {
                    if (e.getValue().has(key)) {
                        property.set(key, e.getValue().get(key));
                    }
                });
            });
        }
        entry.set("propertiesSchema", schema);
        return entry;
    }

    /**
     * Writes to {@code out} a catalog library made of the named runtimes of the library {@code baseIndex} (its first Camel
     * Main runtime when none is named), each with stora added to its components and Kamelets; the other files of a
     * runtime are copied as they are. Returns the names of the runtimes written.
     */
    public static List<String> merge(Path baseIndex, Path out, List<String> runtimeNames) throws IOException {
        JsonNode library = JSON.readTree(baseIndex.toFile());
        Path baseDir = baseIndex.toAbsolutePath().getParent();
        List<JsonNode> chosen = new ArrayList<>();
        for (JsonNode definition : library.path("definitions")) {
            String name = definition.path("name").asText();
            boolean wanted = runtimeNames.isEmpty()
                    ? chosen.isEmpty() && "Main".equals(definition.path("runtime").asText())
                    : runtimeNames.contains(name);
            if (wanted) {
                chosen.add(definition);
            }
        }
        if (chosen.isEmpty() || (!runtimeNames.isEmpty() && chosen.size() != runtimeNames.size())) {
            List<String> available = new ArrayList<>();
            library.path("definitions").forEach(d -> available.add(d.path("name").asText()));
            throw new IllegalArgumentException("The library " + baseIndex + " has no runtime "
                    + (runtimeNames.isEmpty() ? "Main" : runtimeNames.toString()) + "; it has " + available);
        }
        ObjectNode components = componentEntries();
        ObjectNode kamelets = kameletEntries();
        ObjectNode outLibrary = JSON.createObjectNode();
        outLibrary.put("name", library.path("name").asText("Kaoto catalog") + " with Stora");
        outLibrary.set("version", library.path("version"));
        ArrayNode definitions = outLibrary.putArray("definitions");
        List<String> written = new ArrayList<>();
        for (JsonNode definition : chosen) {
            String fileName = definition.path("fileName").asText();
            Path runtimeIndexFile = baseDir.resolve(fileName);
            Path runtimeDir = runtimeIndexFile.getParent();
            Path outDir = out.resolve(fileName).getParent();
            Files.createDirectories(outDir);
            ObjectNode runtimeIndex = (ObjectNode) JSON.readTree(runtimeIndexFile.toFile());
            String name = definition.path("name").asText() + " with Stora";
            runtimeIndex.put("name", name);
            Set<String> replaced = Set.of("components", "kamelets");
            for (Map.Entry<String, JsonNode> catalog : runtimeIndex.path("catalogs").properties()) {
                ObjectNode entry = (ObjectNode) catalog.getValue();
                Path source = runtimeDir.resolve(entry.path("file").asText());
                if (replaced.contains(catalog.getKey())) {
                    ObjectNode aggregate = (ObjectNode) JSON.readTree(source.toFile());
                    aggregate.setAll(catalog.getKey().equals("components") ? components : kamelets);
                    byte[] bytes = JSON.writeValueAsBytes(aggregate);
                    String file = hashedName(entry.path("file").asText(), bytes);
                    Files.write(outDir.resolve(file), bytes);
                    entry.put("file", file);
                } else {
                    Files.copy(source, outDir.resolve(source.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            for (JsonNode schema : runtimeIndex.path("schemas")) {
                Path source = runtimeDir.resolve(schema.path("file").asText());
                Files.copy(source, outDir.resolve(source.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            byte[] indexBytes = PRETTY.writeValueAsBytes(runtimeIndex);
            String indexName = hashedName(Path.of(fileName).getFileName().toString(), indexBytes);
            Files.write(outDir.resolve(indexName), indexBytes);
            ObjectNode outDefinition = definition.deepCopy();
            outDefinition.put("name", name);
            outDefinition.put("fileName", Path.of(fileName).resolveSibling(indexName).toString().replace('\\', '/'));
            definitions.add(outDefinition);
            written.add(name);
        }
        PRETTY.writeValue(out.resolve("index.json").toFile(), outLibrary);
        return written;
    }

    /** {@code camel-catalog-aggregate-components-<md5>.json}: Kaoto names its files after their content. */
    static String hashedName(String original, byte[] content) {
        String hash;
        try {
            hash = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String base = original.replaceFirst("-[0-9a-f]{32}\\.json$", "").replaceFirst("\\.json$", "");
        return base + "-" + hash + ".json";
    }

    static JsonNode readStoraJson() {
        try (InputStream in = KaotoCatalog.class.getClassLoader().getResourceAsStream(STORA_JSON)) {
            if (in == null) {
                throw new IllegalStateException(STORA_JSON + " is not on the classpath: add camel-stora");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code kamelets/stora-*.kamelet.yaml} files of the classpath (camel-stora-kamelets), by name. */
    static Map<String, JsonNode> readKamelets() {
        Map<String, JsonNode> kamelets = new java.util.TreeMap<>();
        YAMLMapper yaml = new YAMLMapper();
        try {
            for (URL url : java.util.Collections.list(KaotoCatalog.class.getClassLoader().getResources(KAMELETS_DIRECTORY))) {
                withDirectory(url.toURI(), dir -> {
                    try (Stream<Path> files = Files.list(dir)) {
                        for (Path file : files.filter(f -> f.getFileName().toString().matches("stora-.*\\.kamelet\\.yaml"))
                                .toList()) {
                            JsonNode kamelet = yaml.readTree(Files.readAllBytes(file));
                            kamelets.put(kamelet.at("/metadata/name").asText(), kamelet);
                        }
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (kamelets.isEmpty()) {
            throw new IllegalStateException("No kamelets/stora-*.kamelet.yaml on the classpath: add camel-stora-kamelets");
        }
        return kamelets;
    }

    private interface DirectoryAction {
        void accept(Path dir) throws IOException;
    }

    /** Runs {@code action} on a classpath directory, in a jar or on disk. */
    private static void withDirectory(URI uri, DirectoryAction action) throws IOException {
        if ("jar".equals(uri.getScheme())) {
            try (FileSystem jar = FileSystems.newFileSystem(uri, new LinkedHashMap<String, Object>())) {
                action.accept(jar.provider().getPath(uri));
            }
        } else {
            action.accept(Path.of(uri));
        }
    }
}
