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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The flow Kaoto exported in the designer test (committed as the designer test wrote it, and shown in docs/kamelets.md)
 * runs on camel-main against the simulator: a signed invoice.paid delivery creates the task for the invoice's contact.
 * The designer test itself checks that a fresh export is still this file, and runs {@link DesignerFlow} on it.
 */
class DesignerFlowTest {

    static final Path EXPORTED = Path.of("src", "test", "resources", "designer", "invoice-paid-task.camel.yaml");

    /** docs/kamelets.md shows the export as Kaoto wrote it: the committed file, under a comment naming it. */
    @Test
    void thePageShowsTheExport() throws Exception {
        String page = Files.readString(Path.of("..", "docs", "kamelets.md"), StandardCharsets.UTF_8);
        String heading = "```yaml\n# routes/invoice-paid-task.camel.yaml, as Kaoto wrote it\n";
        int start = page.indexOf(heading);
        assertTrue(start >= 0, "docs/kamelets.md shows no block starting with " + heading);
        String shown = page.substring(start + heading.length(), page.indexOf("```", start + heading.length()));
        assertEquals(Files.readString(EXPORTED, StandardCharsets.UTF_8), shown);
    }

    @Test
    void theFlowExportedFromKaotoCreatesTheTaskForTheContact() throws Exception {
        JsonNode task = DesignerFlow.run(EXPORTED);

        assertTrue(task.path("id").asText().startsWith("task_"), task.toString());
        assertEquals("open", task.path("status").asText());
        assertTrue(task.path("title").asText().startsWith("Thank the customer for paying invoice "), task.toString());
    }
}
