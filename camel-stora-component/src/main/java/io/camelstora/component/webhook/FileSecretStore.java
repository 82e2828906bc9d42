package io.camelstora.component.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

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

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

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
            Path dir = file.getParent();
            if (!Files.isDirectory(dir)) {
                createOwnerOnly(dir, true);
            }
            Path tmp = dir.resolve(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            createOwnerOnly(tmp, false);
            try (OutputStream out = Files.newOutputStream(tmp)) {
                properties.store(out, "Stora webhook endpoint secrets, written by camel-stora: keep private");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the webhook secret store " + file, e);
        }
    }

    private static void createOwnerOnly(Path path, boolean directory) throws IOException {
        boolean posix = path.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            if (directory) {
                if (posix) {
                    Files.createDirectories(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
                } else {
                    Files.createDirectories(path);
                }
            } else if (posix) {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(path);
                path.toFile().setReadable(false, false);
                path.toFile().setReadable(true, true);
                path.toFile().setWritable(false, false);
                path.toFile().setWritable(true, true);
            }
        } catch (FileAlreadyExistsException e) {
            // created concurrently: its permissions were set by whoever created it
        }
    }

    @Override
    public String toString() {
        return "FileSecretStore[" + file + "]";
    }
}
