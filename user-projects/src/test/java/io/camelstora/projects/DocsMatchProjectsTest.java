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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The pages a newcomer reads first show the user projects as they are: a code block after a line that links a project
 * file ({@code [`user-projects/x/pom.xml`](../user-projects/x/pom.xml):}, the name shown being the file linked) is that
 * whole file, a block after {@code From [`...`](...):} a run of its lines (indented as they are, but for an indentation
 * the run shares), and every file of a project is on its page. The projects are what the
 * invoker builds and tests, so a page cannot show a pom, an import or a property that does not build.
 */
class DocsMatchProjectsTest {

    static final Path REPOSITORY = UserProjects.HOME.getParent();
    /** Each page, and the projects whose every file it shows. */
    static final Map<String, List<String>> PAGES = Map.of(
            "README.md", List.of(),
            "docs/getting-started.md", List.of("camel-main-yaml", "camel-main-java"),
            "docs/testing-with-the-simulator.md", List.of("simulator-junit5"),
            "docs/spring-boot.md", List.of("spring-boot"),
            "docs/kamelets.md", List.of("kamelets"));
    /** A project built only to check what the pages leave out: the documented dependencies without our BOM. */
    static final Set<String> CHECKS = Set.of("without-bom");

    static final Pattern LINKED_BLOCK = Pattern.compile(
            "^(From )?\\[`([^`]+)`\\]\\(([^)]*user-projects/[^)]+)\\):\\n\\n```\\w*\\n(.*?)```$",
            Pattern.MULTILINE | Pattern.DOTALL);

    record Shown(Path page, String name, Path file, boolean excerpt, String text) {
    }

    @Test
    void everyLinkedBlockIsTheFileOrARunOfItsLines() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Shown shown : shownOnPages()) {
            assertTrue(Files.isRegularFile(shown.file()), shown.page() + " links a missing file " + shown.file());
            String file = Files.readString(shown.file(), StandardCharsets.UTF_8);
            boolean matches = shown.excerpt() ? isRunOfLines(file, shown.text()) : file.equals(shown.text());
            if (!shown.name().equals(REPOSITORY.relativize(shown.file()).toString())) {
                wrong.add(REPOSITORY.relativize(shown.page()) + " names " + shown.name() + " but shows "
                        + REPOSITORY.relativize(shown.file()));
            } else if (!matches) {
                wrong.add(REPOSITORY.relativize(shown.page()) + " shows " + REPOSITORY.relativize(shown.file())
                        + (shown.excerpt() ? " lines that are not in it" : " other than it is"));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyFileOfAProjectIsOnItsPage() throws IOException {
        List<Shown> shown = shownOnPages();
        Set<String> paged = new TreeSet<>();
        for (Map.Entry<String, List<String>> page : PAGES.entrySet()) {
            Path pagePath = REPOSITORY.resolve(page.getKey()).normalize();
            Set<Path> onPage = new TreeSet<>();
            shown.stream().filter(s -> s.page().equals(pagePath) && !s.excerpt()).forEach(s -> onPage.add(s.file()));
            for (String project : page.getValue()) {
                paged.add(project);
                List<Path> missing = files(UserProjects.HOME.resolve(project)).stream().filter(f -> !onPage.contains(f))
                        .toList();
                assertEquals(List.of(), missing, page.getKey() + " does not show these files of " + project);
            }
        }
        Set<String> all = new TreeSet<>();
        UserProjects.all().forEach(p -> all.add(p.getFileName().toString()));
        all.removeAll(CHECKS);
        assertEquals(all, paged, "every user project belongs to a page");
    }

    @Test
    void theProjectsUseThisBuildsVersions() throws IOException {
        Pattern bom = Pattern.compile("<artifactId>(camel-bom|camel-spring-boot-bom|camel-stora-bom)</artifactId>\\s*"
                + "<version>([^<]+)</version>");
        for (Path project : UserProjects.all()) {
            String pom = Files.readString(project.resolve("pom.xml"), StandardCharsets.UTF_8);
            Matcher m = bom.matcher(pom);
            int found = 0;
            while (m.find()) {
                found++;
                assertEquals(System.getProperty(m.group(1).equals("camel-stora-bom") ? "camel-stora.version" : "camel.version"),
                        m.group(2), project.getFileName() + " imports " + m.group(1));
            }
            Matcher property = Pattern.compile("<camel-stora.version>([^<]+)</camel-stora.version>").matcher(pom);
            while (property.find()) {
                found++;
                assertEquals(System.getProperty("camel-stora.version"), property.group(1), project.getFileName().toString());
            }
            assertTrue(found > 0, project.getFileName() + " names no Camel or camel-stora version");
        }
    }

    @Test
    void theReadmeShowsTheBomImportOfTheProjects() throws IOException {
        List<Shown> readme = shownOnPages().stream().filter(s -> s.page().endsWith("README.md")).toList();
        assertFalse(readme.isEmpty());
        assertTrue(readme.get(0).text().contains("<artifactId>camel-stora-bom</artifactId>"), readme.get(0).text());
    }

    static List<Shown> shownOnPages() throws IOException {
        List<Shown> shown = new ArrayList<>();
        for (String name : PAGES.keySet()) {
            Path page = REPOSITORY.resolve(name).normalize();
            Matcher m = LINKED_BLOCK.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (m.find()) {
                Path file = page.getParent().resolve(m.group(3)).normalize();
                shown.add(new Shown(page, m.group(2), file, m.group(1) != null, m.group(4)));
            }
        }
        return shown;
    }

    /** The files a user copies: everything of the project but what builds leave. */
    static List<Path> files(Path project) {
        try (Stream<Path> files = Files.walk(project)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !project.relativize(f).startsWith("target")
                            && !project.relativize(f).startsWith(".camel-stora"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code excerpt} is a run of whole lines of {@code file}, as they are but for an indentation they share. */
    static boolean isRunOfLines(String file, String excerpt) {
        List<String> lines = file.lines().toList();
        List<String> run = excerpt.lines().toList();
        // without a final line break, which stripIndent would count as a line indented by nothing
        String wanted = String.join("\n", run).stripIndent();
        for (int i = 0; i + run.size() <= lines.size(); i++) {
            if (String.join("\n", lines.subList(i, i + run.size())).stripIndent().equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    static {
        if (!Files.isDirectory(REPOSITORY.resolve("docs"))) {
            fail("run from the user-projects module: " + UserProjects.HOME);
        }
    }
}
