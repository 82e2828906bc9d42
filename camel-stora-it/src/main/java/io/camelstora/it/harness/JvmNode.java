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
package io.camelstora.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One application node in a JVM of its own, started from the test class path: a {@code main} class with its own system
 * properties and heap, whose standard output and error go to a log file. It can be killed the way a crash or the OOM
 * killer ends a JVM ({@code kill -9}: no shutdown hook, no clean stop) and started again with the same settings.
 *
 * <pre>
 * try (JvmNode node = JvmNode.builder("node-a", MyNode.class).heap("256m").property("port", port).build()) {
 *     node.start(); // returns once the node printed NodeSupport.READY
 *     ...
 *     node.kill(); // kill -9
 *     node.start(); // the same node again, its log appended to
 * }
 * </pre>
 *
 * The main class tells it is ready by calling {@link NodeSupport#ready()} (a line on standard output); {@link #start()}
 * fails with the end of the log when the JVM exits or stays silent for the start timeout instead.
 */
public final class JvmNode implements AutoCloseable {

    private final String name;
    private final String mainClass;
    private final List<String> jvmArgs;
    private final Map<String, String> properties;
    private final Duration startTimeout;
    private final Path logFile;
    private Process process;
    private long logOffset;
    private int starts;

    private JvmNode(Builder builder) {
        this.name = builder.name;
        this.mainClass = builder.mainClass;
        this.jvmArgs = List.copyOf(builder.jvmArgs);
        this.properties = Map.copyOf(builder.properties);
        this.startTimeout = builder.startTimeout;
        this.logFile = builder.logDirectory.resolve(name + ".log");
    }

    /** A node named {@code name} (its log file is {@code <name>.log}) running {@code mainClass}. */
    public static Builder builder(String name, Class<?> mainClass) {
        return new Builder(name, mainClass.getName());
    }

    /**
     * Starts the JVM and waits until it printed {@link NodeSupport#READY}. A node started before (and killed or
     * stopped since) starts again with the same settings.
     *
     * @throws IllegalStateException when it is running already, or exits or stays unready for the start timeout (the
     *                               message holds the end of its log)
     */
    public synchronized JvmNode start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is running already (pid " + process.pid() + ")");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-D" + NodeSupport.NODE_NAME + "=" + name);
        command.add("-cp");
        command.add(testClassPath());
        command.add(mainClass);
        try {
            Files.createDirectories(logFile.getParent());
            starts++;
            // the first start of this node begins a new file (a former test run's is replaced), later ones append
            Files.writeString(logFile, "=== " + name + " start " + starts + " at " + Instant.now() + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    starts == 1 ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND);
            logOffset = Files.size(logFile);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
        awaitReady();
        return this;
    }

    /** {@code kill -9}: ends the JVM at once, without shutdown hooks; returns when it is gone. */
    public synchronized void kill() {
        end(true);
    }

    /** A clean stop (SIGTERM: Camel's shutdown hook runs); returns when the JVM is gone. */
    public synchronized void stop() {
        end(false);
    }

    /** Whether the JVM is running. */
    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The running JVM's process id. */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return process.pid();
    }

    /**
     * The running JVM's peak resident set size in KiB ({@code VmHWM} of {@code /proc/<pid>/status}, Linux): the most
     * memory it held at any time, heap, metaspace, threads and direct buffers included.
     */
    public synchronized long peakRssKib() {
        Path status = Path.of("/proc", Long.toString(pid()), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + status + " (is " + name + " running, on Linux?)", e);
        }
        throw new IllegalStateException(status + " has no VmHWM line");
    }

    /**
     * Every line the node printed since this {@code JvmNode} first started it, all starts included ({@code === <name>
     * start <n>} lines separate them).
     */
    public List<String> log() {
        try {
            return Files.readAllLines(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + logFile, e);
        }
    }

    /** The lines the node printed since its latest start. */
    public List<String> logSinceStart() {
        try {
            byte[] all = Files.readAllBytes(logFile);
            String since = new String(all, (int) Math.min(logOffset, all.length),
                    (int) Math.max(0, all.length - logOffset), StandardCharsets.UTF_8);
            return since.isEmpty() ? List.of() : List.of(since.split("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + logFile, e);
        }
    }

    public Path logFile() {
        return logFile;
    }

    public String name() {
        return name;
    }

    /** Kills the node if it is running. */
    @Override
    public void close() {
        kill();
    }

    @Override
    public String toString() {
        return name + (isAlive() ? " (pid " + process.pid() + ")" : " (not running)");
    }

    /** A free TCP port on loopback, for a node's server. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    private void end(boolean forcibly) {
        if (process == null || !process.isAlive()) {
            return;
        }
        if (forcibly) {
            process.destroyForcibly(); // SIGKILL on Linux
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while ending " + name, e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (logSinceStart().stream().anyMatch(line -> line.contains(NodeSupport.READY))) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready:\n"
                        + tail());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while starting " + name, e);
            }
        }
        kill();
        throw new IllegalStateException(name + " was not ready within " + startTimeout + ":\n" + tail());
    }

    private String tail() {
        List<String> lines = logSinceStart();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /**
     * The class path of the running tests: Surefire and Failsafe put it in {@code surefire.test.class.path} (their own
     * {@code java.class.path} may be a single manifest jar); elsewhere (an IDE) it is {@code java.class.path}.
     */
    static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        if (surefire != null && !surefire.isBlank()) {
            return surefire;
        }
        return System.getProperty("java.class.path");
    }

    public static final class Builder {
        private final String name;
        private final String mainClass;
        private final List<String> jvmArgs = new ArrayList<>();
        private final Map<String, String> properties = new LinkedHashMap<>();
        private Duration startTimeout = Duration.ofSeconds(60);
        private Path logDirectory = Path.of("target", "it-nodes");

        private Builder(String name, String mainClass) {
            if (!name.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("A node name is used as a file name: letters, digits, . _ - only: " + name);
            }
            this.name = name;
            this.mainClass = mainClass;
        }

        /** {@code -Xmx} (and {@code -Xms}, so the heap is fixed): e.g. {@code 384m}. */
        public Builder heap(String size) {
            jvmArgs.add("-Xms" + size);
            jvmArgs.add("-Xmx" + size);
            return this;
        }

        /** A system property of the node JVM. */
        public Builder property(String key, Object value) {
            properties.put(key, String.valueOf(value));
            return this;
        }

        /** System properties of the node JVM, e.g. {@link SharedPostgres#nodeProperties()}. */
        public Builder properties(Map<String, String> values) {
            properties.putAll(values);
            return this;
        }

        /** Any other JVM option, e.g. {@code -XX:+ExitOnOutOfMemoryError}. */
        public Builder jvmArg(String arg) {
            jvmArgs.add(arg);
            return this;
        }

        /** How long {@link JvmNode#start()} waits for the ready line (default 60 s). */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** Where the log file goes (default {@code target/it-nodes}). */
        public Builder logDirectory(Path directory) {
            this.logDirectory = directory;
            return this;
        }

        /** The node, not started yet. */
        public JvmNode build() {
            // a node whose heap runs out should die as the test expects it to, not linger half-working
            if (jvmArgs.stream().noneMatch(a -> a.startsWith("-XX:+ExitOnOutOfMemoryError"))) {
                jvmArgs.add("-XX:+ExitOnOutOfMemoryError");
            }
            return new JvmNode(this);
        }
    }
}
