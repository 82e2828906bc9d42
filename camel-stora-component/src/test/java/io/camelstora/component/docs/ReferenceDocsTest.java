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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * docs/reference is what the catalog and stora.json say. Run with {@code -Dstora.docs.write=true} to rewrite it after
 * changing an operation, option or header; without it the test fails when the committed pages are stale.
 */
class ReferenceDocsTest {

    static final Path REFERENCE = Path.of("..", "docs", "reference");

    @Test
    void referencePagesAreUpToDate() throws Exception {
        boolean write = Boolean.getBoolean("stora.docs.write");
        for (Map.Entry<String, String> page : ReferenceDocs.pages().entrySet()) {
            Path file = REFERENCE.resolve(page.getKey());
            if (write) {
                Files.createDirectories(REFERENCE);
                Files.writeString(file, page.getValue(), StandardCharsets.UTF_8);
            }
            String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            assertEquals(page.getValue(), committed, "docs/reference/" + page.getKey() + " is stale: regenerate it with"
                    + " mvn -pl camel-stora-component -am test -Dtest=ReferenceDocsTest -Dsurefire.failIfNoSpecifiedTests=false -Dstora.docs.write=true");
        }
    }
}
