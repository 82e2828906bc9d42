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
package io.camelstora.component.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/** The fenced code blocks of the pages in docs/, and YAML ones loaded into a CamelContext as a user would load them. */
final class MarkdownSnippets {

    /** docs/ seen from the module, where Surefire runs. */
    static final Path DOCS = Path.of("..", "docs");

    private MarkdownSnippets() {
    }

    /** Values for the property placeholders of the snippets ({@code {{stora.webhook.secret}}}...), from test resources. */
    static Properties placeholderValues() {
        Properties values = new Properties();
        try (InputStream in = MarkdownSnippets.class.getResourceAsStream("/docs-snippets.properties")) {
            values.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }

    /** The page of docs/ at {@code relative}, e.g. {@code "reference/events.md"}. */
    static Path page(String relative) {
        return DOCS.resolve(relative);
    }

    /** The contents of the {@code language} blocks of {@code pages}, in page order. */
    static List<String> blocks(String language, List<Path> pages) {
        Pattern fence = Pattern.compile("```" + Pattern.quote(language) + "\\n(.*?)```", Pattern.DOTALL);
        List<String> blocks = new ArrayList<>();
        for (Path page : pages) {
            try {
                Matcher m = fence.matcher(Files.readString(page, StandardCharsets.UTF_8));
                while (m.find()) {
                    blocks.add(m.group(1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return blocks;
    }

    /** The contents of the {@code language} blocks of {@code page}. */
    static List<String> blocks(String language, Path page) {
        return blocks(language, List.of(page));
    }

    /** The contents of the {@code language} blocks of every page under docs/, the generated reference included. */
    static List<String> blocksOfAllPages(String language) {
        try (Stream<Path> files = Files.walk(DOCS)) {
            return blocks(language, files.filter(f -> f.toString().endsWith(".md")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads every YAML block of the docs/ page at {@code relative} into {@code context}; returns the blocks loaded. */
    static List<String> loadYamlOfPage(CamelContext context, String relative) throws Exception {
        List<String> snippets = blocks("yaml", page(relative));
        for (String snippet : snippets) {
            loadYaml(context, relative.replace(".md", ".yaml"), snippet);
        }
        return snippets;
    }

    /** Loads one YAML snippet into {@code context} and returns the routes it added. */
    static List<Route> loadYaml(CamelContext context, String name, String yaml) throws Exception {
        List<String> before = context.getRoutes().stream().map(Route::getRouteId).toList();
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString(name, yaml));
        return context.getRoutes().stream().filter(r -> !before.contains(r.getRouteId())).toList();
    }
}
