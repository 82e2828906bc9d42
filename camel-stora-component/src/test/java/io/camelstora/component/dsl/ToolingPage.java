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
package io.camelstora.component.dsl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The route class docs/tooling.md shows for the typed endpoint builder, and the source file it must equal. */
final class ToolingPage {

    static final Path PAGE = Path.of("..", "docs", "tooling.md");
    static final String SOURCE = "camel-stora-component/src/test/java/com/example/ContactRoutes.java";

    private ToolingPage() {
    }

    /** The block after the line that links the source file. */
    static String shownClass() throws IOException {
        Matcher m = Pattern.compile("\\]\\(\\.\\./" + Pattern.quote(SOURCE) + "\\):\\n\\n```java\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(PAGE, StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new AssertionError("docs/tooling.md shows no block after a link to " + SOURCE);
        }
        return m.group(1);
    }

    /** The source of {@code type} as a user writes it: without the license header the build adds. */
    static String sourceOf(Class<?> type) throws IOException {
        String source = Files.readString(Path.of("src", "test", "java", type.getName().replace('.', '/') + ".java"),
                StandardCharsets.UTF_8);
        return source.substring(source.indexOf("package "));
    }
}
