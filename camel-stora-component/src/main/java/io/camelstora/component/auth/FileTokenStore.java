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
package io.camelstora.component.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.component.internal.support.OwnerOnlyFiles;
import io.camelstora.component.internal.support.StoraJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the refresh token in a small JSON file ({@code {"refresh_token": ..., "updated_at": ...}}), for one node.
 * <p>
 * Writes are atomic: the new content goes to a temporary file in the same directory, created readable and writable by
 * the owner only (0600, no window with wider permissions), flushed to disk, then renamed over the old file, so a crash
 * leaves either the old or the new token, never half a file. A directory that has to be created gets 0700. On file
 * systems without POSIX permissions the file inherits the directory's access rules.
 */
public final class FileTokenStore implements TokenStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileTokenStore.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path file;

    public FileTokenStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    public Path getFile() {
        return file;
    }

    @Override
    public String load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Stora token store " + file + ": " + e.getMessage(), e);
        }
        warnIfReadableByOthers();
        JsonNode doc = StoraJson.parseOrNull(bytes);
        JsonNode token = doc == null ? null : doc.get("refresh_token");
        if (token == null || !token.isTextual() || token.asText().isBlank()) {
            throw new IllegalStateException("The Stora token store " + file + " holds no refresh_token; delete it and"
                    + " authorise again (docs/authentication.md)");
        }
        return token.asText();
    }

    @Override
    public synchronized void save(String refreshToken) {
        ObjectNode doc = StoraJson.MAPPER.createObjectNode()
                .put("refresh_token", refreshToken)
                .put("updated_at", Instant.now().toString());
        try {
            OwnerOnlyFiles.write(file, StoraJson.MAPPER.writeValueAsBytes(doc));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Stora token store " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String id() {
        return "file:" + file;
    }

    @Override
    public String toString() {
        return "FileTokenStore[" + file + "]";
    }

    private void warnIfReadableByOthers() {
        if (!POSIX) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            permissions.retainAll(Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ));
            if (!permissions.isEmpty()) {
                LOG.warn("The Stora token store {} can be read by other users ({}); it holds a refresh token: chmod 600 it",
                        file, PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            }
        } catch (IOException e) {
            LOG.debug("Cannot read the permissions of {}: {}", file, e.toString());
        }
    }
}
