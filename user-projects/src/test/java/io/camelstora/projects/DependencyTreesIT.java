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
package io.camelstora.projects;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every user project, built by the invoker from the installed artifacts, resolved one Jackson: Camel's. Maven picks the
 * nearest version in a tree, and Vert.x (the simulator, camel-platform-http-main) declares an older jackson-core than
 * camel-jackson does; a second version shows up only as a NoSuchMethodError at run time, so the trees themselves
 * (maven-dependency-plugin:tree of each build) are read here. without-bom is the documented setup minus our BOM.
 */
class DependencyTreesIT {

    static final Path BUILT = Path.of(System.getProperty("user-projects.built"));
    static final String JACKSON = System.getProperty("jackson.version");
    static final Pattern JACKSON_ARTIFACT = Pattern
            .compile(
                    "(com\\.fasterxml\\.jackson[\\w.]*:[\\w.-]+):[\\w-]+:(?:[\\w-]+:)?([\\w.-]+):(compile|runtime|test|provided)");

    @Test
    void everyProjectResolvesCamelsJacksonOnly() throws IOException {
        List<Path> projects = UserProjects.all();
        assertFalse(projects.isEmpty());
        for (Path project : projects) {
            Path tree = BUILT.resolve(project.getFileName()).resolve("target/dependency-tree.txt");
            assertTrue(Files.isRegularFile(tree), "no dependency tree for " + project.getFileName());
            Map<String, String> jackson = jacksonVersions(tree);
            assertFalse(jackson.isEmpty(), project.getFileName() + " resolves no Jackson");
            jackson.forEach((artifact, version) -> assertEquals(JACKSON, version,
                    project.getFileName() + " resolves " + artifact + " " + version));
        }
    }

    static Map<String, String> jacksonVersions(Path tree) throws IOException {
        Map<String, String> versions = new TreeMap<>();
        try (Stream<String> lines = Files.lines(tree)) {
            lines.forEach(line -> {
                Matcher m = JACKSON_ARTIFACT.matcher(line);
                if (m.find()) {
                    versions.merge(m.group(1), m.group(2), (a, b) -> a.equals(b) ? a : a + " and " + b);
                }
            });
        }
        return versions;
    }
}
