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
package io.camelstora.kamelets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.camelstora.component.catalog.StoraOperation;
import io.camelstora.kamelets.generate.KameletGenerator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed generated Kamelets are what the operation catalog generates now: none stale, none missing; and what the
 * generator says of requests is about operations it generates an action for.
 */
class GeneratedKameletsTest {

    static final Path COMMITTED = Path.of("src", "generated", "resources", "kamelets");

    @Test
    void theCommittedKameletsAreARegeneration() throws Exception {
        Map<String, String> generated = new KameletGenerator(Path.of("src/main/resources/kamelets"),
                System.getProperty("project.version")).generate();
        Set<String> committed;
        try (Stream<Path> files = Files.list(COMMITTED)) {
            committed = files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
        assertEquals(generated.keySet(), committed, "run mvn -pl camel-stora-kamelets process-classes and commit");
        for (Map.Entry<String, String> file : generated.entrySet()) {
            assertEquals(file.getValue(), Files.readString(COMMITTED.resolve(file.getKey()), StandardCharsets.UTF_8),
                    file.getKey() + " is stale: run mvn -pl camel-stora-kamelets process-classes and commit");
        }
    }

    @Test
    void everyRequestNoteIsAboutAGeneratedAction() {
        Set<StoraOperation> notes = new java.util.HashSet<>(KameletGenerator.REQUESTS.keySet());
        notes.removeAll(KameletGenerator.generatedActions());
        assertEquals(Set.of(), notes);
        KameletGenerator.REQUESTS.forEach((operation, request) -> assertTrue(
                !request.bodyRequired() || KameletGenerator.bodyMode(operation) == OperationInput.BodyMode.TEMPLATE
                        && request.example() != null,
                operation + ": a required Body is a template with an example"));
    }
}
