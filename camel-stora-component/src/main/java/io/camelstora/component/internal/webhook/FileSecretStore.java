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
package io.camelstora.component.internal.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;

import io.camelstora.component.internal.support.OwnerOnlyFiles;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The default store of webhook secrets: a properties file readable and writable by its owner only, rewritten whole
 * through a temporary file and an atomic rename, so a crash leaves the old or the new content and never half of it.
 * <p>
 * Written for secrets rather than reusing Camel's {@code FileStateRepository}, which logs values at debug level and
 * creates files with the default permissions. Values never appear in logs, exceptions or {@link #toString()}. An empty
 * value removes a key. Every call reads the file (secrets are read once per start), so edits made while the
 * application runs are not overwritten by a stale cache.
 */
public final class FileSecretStore extends ServiceSupport implements StateRepository<String, String> {

    private final Path file;
    private final ReentrantLock lock = new ReentrantLock();

    public FileSecretStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** {@code .camel-stora/webhook-secrets.properties} in the user's home directory. */
    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".camel-stora", "webhook-secrets.properties");
    }

    @Override
    public String getState(String key) {
        lock.lock();
        try {
            String value = load().getProperty(key);
            return value == null || value.isEmpty() ? null : value;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void setState(String key, String value) {
        lock.lock();
        try {
            Properties properties = load();
            if (value == null || value.isEmpty()) {
                properties.remove(key);
            } else {
                properties.setProperty(key, value);
            }
            save(properties);
        } finally {
            lock.unlock();
        }
    }

    public Path getFile() {
        return file;
    }

    private Properties load() {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the webhook secret store " + file, e);
            }
        }
        return properties;
    }

    private void save(Properties properties) {
        try {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            properties.store(content, "Stora webhook endpoint secrets, written by camel-stora: keep private");
            OwnerOnlyFiles.write(file, content.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the webhook secret store " + file, e);
        }
    }

    @Override
    public String toString() {
        return "FileSecretStore[" + file + "]";
    }
}
