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

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.tooling.model.ComponentModel;
import org.apache.camel.tooling.model.JsonMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed src/generated is what {@link StarterSources} makes of the stora.json on the classpath (the
 * component's). With {@code -Dstora.starter.write=true} it writes them instead, as ReferenceDocsTest does for docs/.
 */
class StarterSourcesTest {

    static ComponentModel storaModel() throws IOException {
        try (InputStream json = StarterSourcesTest.class.getClassLoader()
                .getResourceAsStream("META-INF/io/camelstora/component/stora.json")) {
            return JsonMapper.generateComponentModel(new String(json.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void generatedSourcesAreCurrent() throws IOException {
        Path root = Path.of(System.getProperty("stora.starter.generated", "src/generated"));
        boolean write = Boolean.getBoolean("stora.starter.write");
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> file : StarterSources.render(storaModel()).entrySet()) {
            Path path = root.resolve(file.getKey());
            String committed = Files.exists(path) ? Files.readString(path) : null;
            if (!file.getValue().equals(committed)) {
                if (write) {
                    Files.createDirectories(path.getParent());
                    Files.writeString(path, file.getValue());
                } else {
                    stale.add(file.getKey());
                }
            }
        }
        assertTrue(stale.isEmpty(), "Stale generated sources " + stale + ": " + StarterSources.GENERATED);
    }
}
