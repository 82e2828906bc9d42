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
package io.camelstora.examples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/examples.md quotes the route files as they are, and has a section for every flow. */
class ExamplesPageTest {

    static final Path PAGE = Path.of("..", "docs", "examples.md");
    static final Path ROUTES = Path.of("src", "main", "resources", "routes");
    static final Pattern EXCERPT = Pattern.compile("```yaml\\n# routes/(\\S+) \\(excerpt\\)\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyExcerptIsPartOfTheFileItNames() throws Exception {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        Matcher m = EXCERPT.matcher(page);
        List<String> quoted = new ArrayList<>();
        while (m.find()) {
            String file = Files.readString(ROUTES.resolve(m.group(1)), StandardCharsets.UTF_8);
            assertTrue(file.contains(m.group(2)),
                    () -> "docs/examples.md quotes routes/" + m.group(1) + " as it no longer is:\n"
                            + m.group(2));
            quoted.add(m.group(1));
        }
        for (Flow flow : Flow.values()) {
            assertTrue(quoted.contains(flow.id() + ".camel.yaml"), flow + " is not quoted");
            assertTrue(page.contains("\n## " + flow.id() + "\n"), flow + " has no section");
        }
        try (Stream<Path> files = Files.list(ROUTES)) {
            assertEquals(Flow.values().length, files.count(), "a route file without a Flow");
        }
    }
}
