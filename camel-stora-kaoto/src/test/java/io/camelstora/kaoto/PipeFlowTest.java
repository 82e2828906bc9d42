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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The designer's flow as a Pipe, as docs/kamelets.md shows it, runs on camel-main: the Pipe file is the routes file,
 * the source's secret comes from {@code camel.kamelet.stora-invoice-events-source.secret}, and a signed invoice.paid
 * creates the task for the invoice's contact.
 */
class PipeFlowTest {

    static final Pattern YAML = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theDesignersFlowAsAPipeRunsOnCamelMain() throws Exception {
        String page = Files.readString(Path.of("..", "docs", "kamelets.md"), StandardCharsets.UTF_8);
        String pipe = null;
        Matcher m = YAML.matcher(page);
        while (m.find()) {
            if (m.group(1).contains("kind: Pipe") && m.group(1).contains("name: stora-invoice-paid-task")) {
                pipe = m.group(1);
            }
        }
        assertTrue(pipe != null, "docs/kamelets.md shows the Pipe stora-invoice-paid-task");
        Path file = Files.createTempDirectory("pipe").resolve("invoice-paid-task.pipe.yaml");
        Files.writeString(file, pipe);

        JsonNode task = DesignerFlow.run(file);

        assertEquals("open", task.path("status").asText());
        assertTrue(task.path("title").asText().startsWith("Thank the customer for paying invoice SIM-"), task.toString());
    }
}
