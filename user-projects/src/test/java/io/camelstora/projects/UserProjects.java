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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The user projects: the folders of this module with a pom.xml of their own. */
final class UserProjects {

    /** This module's folder: surefire and failsafe run in it. */
    static final Path HOME = Path.of("").toAbsolutePath();

    private UserProjects() {
    }

    static List<Path> all() {
        try (Stream<Path> dirs = Files.list(HOME)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
