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
                                                     + " mvn -pl camel-stora-component test -Dtest=ReferenceDocsTest -Dstora.docs.write=true");
        }
    }
}
