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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.tooling.model.ComponentModel;
import org.apache.camel.tooling.model.ComponentModel.ComponentOptionModel;

/**
 * Writes the Spring Boot configuration of the stora component from its catalog (stora.json), so that no option is typed
 * twice: {@code StoraComponentConfiguration} (the {@code camel.component.stora.*} properties, whose javadoc and initial
 * values spring-boot-configuration-processor turns into the IDE metadata) and {@code StoraComponentConverter} (bean
 * references for the options whose type is an object).
 * <p>
 * The classes have the shape of those camel-spring-boot generates for Apache Camel's own starters, which its generator
 * (camel-spring-boot-generator-maven-plugin) cannot produce here: it only reads components of the org.apache.camel group.
 * One deliberate difference: duration options are {@link java.time.Duration} properties (in milliseconds when no unit is
 * given), so {@code camel.component.stora.connect-timeout=5s} works; Camel converts them back to the component's
 * millisecond values.
 */
final class StarterSources {

    static final String PACKAGE = "io.camelstora.component.springboot";
    static final String PREFIX = "camel.component.stora";
    static final String GENERATED = "Generated from stora.json by StarterSourcesTest: do not edit. After changing an option of the"
            + " component, run mvn -B test -pl camel-stora-starter -am -Dtest=StarterSourcesTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dstora.starter.write=true";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, String> WRAPPERS = Map.of("boolean", "java.lang.Boolean", "int", "java.lang.Integer",
            "long", "java.lang.Long", "double", "java.lang.Double", "float", "java.lang.Float", "short", "java.lang.Short",
            "byte", "java.lang.Byte", "char", "java.lang.Character");

    private StarterSources() {
    }

    /** Path under src/generated to file text. */
    static Map<String, String> render(ComponentModel model) {
        Map<String, String> files = new LinkedHashMap<>();
        String dir = "java/" + PACKAGE.replace('.', '/') + "/";
        files.put(dir + "StoraComponentConfiguration.java", configuration(model));
        files.put(dir + "StoraComponentConverter.java", converter(model));
        files.put("resources/META-INF/additional-spring-configuration-metadata.json", additionalMetadata(model));
        return files;
    }

    /**
     * The descriptions of the metadata, exactly as the catalog has them. spring-boot-configuration-processor merges this
     * file over what it reads from the javadoc, which it takes for HTML: it drops text that looks like a tag
     * ({@code <requests>/<period>}).
     */
    private static String additionalMetadata(ComponentModel model) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode properties = root.putArray("properties");
        for (ComponentOptionModel option : model.getComponentOptions()) {
            properties.addObject().put("name", propertyName(option.getName())).put("description", description(option));
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the option is an object that Spring Boot binds from a bean reference ({@code #bean:name}). */
    static boolean isBeanReference(ComponentOptionModel option) {
        String type = option.getJavaType();
        return "object".equals(option.getType()) && (option.getEnums() == null || option.getEnums().isEmpty())
                && !type.startsWith("java.util.") && !type.startsWith("java.lang.") && !type.startsWith("java.time.");
    }

    static boolean isDuration(ComponentOptionModel option) {
        return "duration".equals(option.getType()) && !option.getJavaType().startsWith("java.time.");
    }

    /** The description in the metadata: the catalog's, plus the expected type where it is not obvious, as Camel does. */
    static String description(ComponentOptionModel option) {
        String description = option.getDescription();
        if (isBeanReference(option)) {
            description = sentence(description) + " The option is a " + option.getJavaType() + " type, given as a bean"
                    + " reference (#bean:name).";
        } else if (isDuration(option)) {
            description = sentence(description) + " The option is a java.time.Duration: milliseconds, or a value with a unit"
                    + " (10s, 5m).";
        }
        return description;
    }

    /** {@code camel.component.stora.base-url} for {@code baseUrl}. */
    static String propertyName(String option) {
        return PREFIX + "." + option.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String configuration(ComponentModel model) {
        StringBuilder fields = new StringBuilder();
        StringBuilder accessors = new StringBuilder();
        fields.append(
                javadoc("Whether to enable auto configuration of the stora component. This is enabled by default.", "    "))
                .append("    private Boolean enabled;\n");
        for (ComponentOptionModel option : model.getComponentOptions()) {
            String name = option.getName();
            if (name.equals("enabled") || name.equals("customizer")) {
                // the starter's own switches (camel.component.stora.enabled, .customizer.enabled), as in Camel's generator
                throw new IllegalStateException("The stora component option " + name + " collides with the Spring Boot"
                        + " starter's switch camel.component.stora." + name + ": rename the option");
            }
            String type = javaType(option);
            fields.append(javadoc(description(option), "    "));
            if (option.isDeprecated()) {
                fields.append("    @Deprecated\n");
            }
            if (isDuration(option)) {
                fields.append("    @DurationUnit(ChronoUnit.MILLIS)\n");
            }
            String initial = initialValue(option);
            fields.append("    private ").append(type).append(' ').append(name)
                    .append(initial == null ? "" : " = " + initial).append(";\n");

            String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            accessors.append('\n');
            if (option.isDeprecated()) {
                accessors.append("    @Deprecated\n    @DeprecatedConfigurationProperty\n");
            }
            accessors.append("    public ").append(type).append(" get").append(capitalized).append("() {\n")
                    .append("        return ").append(name).append(";\n    }\n\n");
            if (option.isDeprecated()) {
                accessors.append("    @Deprecated\n");
            }
            accessors.append("    public void set").append(capitalized).append('(').append(type).append(' ').append(name)
                    .append(") {\n        this.").append(name).append(" = ").append(name).append(";\n    }\n");
        }
        boolean durations = model.getComponentOptions().stream().anyMatch(StarterSources::isDuration);
        boolean deprecated = model.getComponentOptions().stream().anyMatch(ComponentOptionModel::isDeprecated);
        List<String> imports = new ArrayList<>();
        if (durations) {
            imports.add("java.time.Duration");
            imports.add("java.time.temporal.ChronoUnit");
        }
        imports.add("org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon");
        imports.add("org.springframework.boot.context.properties.ConfigurationProperties");
        if (deprecated) {
            imports.add("org.springframework.boot.context.properties.DeprecatedConfigurationProperty");
        }
        if (durations) {
            imports.add("org.springframework.boot.convert.DurationUnit");
        }
        return "package " + PACKAGE + ";\n\n" + importLines(imports) + "\n"
                + javadoc(model.getDescription() + "\n\n" + GENERATED, "")
                + "@ConfigurationProperties(prefix = \"" + PREFIX + "\")\n"
                + "public class StoraComponentConfiguration extends ComponentConfigurationPropertiesCommon {\n\n"
                + fields + accessors + "}\n";
    }

    private static String converter(ComponentModel model) {
        StringBuilder pairs = new StringBuilder();
        model.getComponentOptions().stream().filter(StarterSources::isBeanReference)
                .map(o -> rawType(o.getJavaType())).distinct()
                .forEach(type -> pairs.append("        answer.add(new ConvertiblePair(String.class, ").append(type)
                        .append(".class));\n"));
        return "package " + PACKAGE + ";\n\n"
                + importLines(List.of("java.util.LinkedHashSet", "java.util.Set",
                        "org.springframework.beans.factory.annotation.Autowired",
                        "org.springframework.boot.context.properties.ConfigurationPropertiesBinding",
                        "org.springframework.context.ApplicationContext",
                        "org.springframework.context.annotation.Configuration",
                        "org.springframework.core.convert.TypeDescriptor",
                        "org.springframework.core.convert.converter.GenericConverter",
                        "org.springframework.stereotype.Component"))
                + "\n"
                + javadoc("Binds the object options of the stora component from bean references: #bean:name or #name, for"
                        + " example camel.component.stora.idempotent-repository=#bean:processedStoraEvents. A value that is not"
                        + " a reference fails the binding of that property instead of leaving the option unset.\n\n"
                        + GENERATED, "")
                + "@Configuration(proxyBeanMethods = false)\n@ConfigurationPropertiesBinding\n@Component\n"
                + "public class StoraComponentConverter implements GenericConverter {\n\n"
                + "    @Autowired\n    private ApplicationContext applicationContext;\n\n"
                + "    @Override\n    public Set<ConvertiblePair> getConvertibleTypes() {\n"
                + "        Set<ConvertiblePair> answer = new LinkedHashSet<>();\n" + pairs + "        return answer;\n    }\n\n"
                + "    @Override\n"
                + "    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {\n"
                + "        if (source == null) {\n            return null;\n        }\n"
                + "        String reference = source.toString();\n"
                + "        if (!reference.startsWith(\"#\")) {\n"
                + "            throw new IllegalArgumentException(\"A " + PREFIX + " option of type \" + targetType.getName()\n"
                + "                    + \" takes a bean reference such as #bean:myBean, not '\" + reference + \"'\");\n        }\n"
                + "        String name = reference.startsWith(\"#bean:\") ? reference.substring(6) : reference.substring(1);\n"
                + "        return applicationContext.getBean(name, targetType.getType());\n    }\n}\n";
    }

    private static String javaType(ComponentOptionModel option) {
        if (isDuration(option)) {
            return "Duration";
        }
        String type = option.getJavaType();
        return WRAPPERS.getOrDefault(type, type).replace('$', '.').replace("java.lang.", "");
    }

    private static String initialValue(ComponentOptionModel option) {
        Object value = option.getDefaultValue();
        if (value == null || value.toString().isEmpty()) {
            return null;
        }
        String text = value.toString();
        String type = option.getJavaType();
        if (isDuration(option)) {
            return "Duration.ofMillis(" + Long.parseLong(text) + ")";
        } else if (option.getEnums() != null && !option.getEnums().isEmpty() && !type.equals("java.lang.String")) {
            return type.replace('$', '.') + "." + text;
        } else if (type.equals("long") || type.equals("java.lang.Long")) {
            return text + "L";
        } else if (WRAPPERS.containsKey(type) || WRAPPERS.containsValue(type)) {
            return text;
        } else if (type.equals("java.lang.String")) {
            return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        throw new IllegalStateException(
                "No initial value for the default " + text + " of " + option.getName() + " (" + type + ")");
    }

    private static String rawType(String type) {
        int generic = type.indexOf('<');
        return (generic < 0 ? type : type.substring(0, generic)).replace('$', '.');
    }

    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

    private static String importLines(List<String> imports) {
        StringBuilder lines = new StringBuilder();
        String group = null;
        for (String i : imports) {
            String top = i.substring(0, i.indexOf('.'));
            if (group != null && !group.equals(top)) {
                lines.append('\n');
            }
            group = top;
            lines.append("import ").append(i).append(";\n");
        }
        return lines.toString();
    }

    /** A javadoc comment, wrapped at 120 columns; paragraphs (blank lines) become <p>. */
    private static String javadoc(String text, String indent) {
        StringBuilder doc = new StringBuilder(indent).append("/**\n");
        // HTML, as javadoc is: spring-boot-configuration-processor drops what looks like a tag (<requests>)
        String html = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;");
        String[] paragraphs = html.split("\n\n");
        for (int p = 0; p < paragraphs.length; p++) {
            if (p > 0) {
                doc.append(indent).append(" * <p>\n");
            }
            StringBuilder line = new StringBuilder();
            for (String word : paragraphs[p].split("\\s+")) {
                if (line.length() > 0 && indent.length() + 3 + line.length() + 1 + word.length() > 120) {
                    doc.append(indent).append(" * ").append(line).append('\n');
                    line.setLength(0);
                }
                line.append(line.length() > 0 ? " " : "").append(word);
            }
            doc.append(indent).append(" * ").append(line).append('\n');
        }
        return doc.append(indent).append(" */\n").toString();
    }
}
