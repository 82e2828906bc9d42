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
package io.camelstora.component;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Every logger at TRACE (ours, Camel's, HttpClient's), every event kept in memory with its stack trace, for tests that
 * look for secrets in logs. Events of the fake servers (WireMock, Jetty) are not the client's logs and are left out.
 */
final class TraceLogCapture extends AbstractAppender {

    private static final List<String> SERVER_LOGGERS = List.of("org.eclipse.jetty", "com.github.tomakehurst", "wiremock",
            "org.wiremock", "net.javacrumbs.jsonunit");

    /**
     * Camel core loggers that print endpoint URIs unsanitized at TRACE while resolving them, or routes as written while
     * checking their preconditions (Camel 4.18), before any component code runs.
     */
    static final List<String> CAMEL_CORE_URI_TRACE = List.of("org.apache.camel.impl.engine.AbstractCamelContext",
            "org.apache.camel.support.EndpointHelper", "org.apache.camel.support.DefaultComponent",
            "org.apache.camel.impl.PreconditionHelper");

    private final List<String> lines = new CopyOnWriteArrayList<>();

    private TraceLogCapture() {
        super("trace-capture", null, null, true, Property.EMPTY_ARRAY);
    }

    /**
     * Turns every logger to TRACE and captures their events until {@link #restore()}. Call it before anything connects:
     * HttpClient decides per connection whether to attach its header and wire loggers.
     */
    static TraceLogCapture everything() {
        TraceLogCapture capture = new TraceLogCapture();
        LoggerContext logs = (LoggerContext) LogManager.getContext(false);
        Configuration config = logs.getConfiguration();
        capture.start();
        config.addAppender(capture);
        config.getRootLogger().addAppender(capture, Level.ALL, null);
        config.getRootLogger().setLevel(Level.ALL);
        for (LoggerConfig logger : config.getLoggers().values()) {
            if (SERVER_LOGGERS.stream().noneMatch(logger.getName()::startsWith)) {
                logger.setLevel(Level.ALL);
            }
        }
        logs.updateLoggers();
        return capture;
    }

    /** Puts the logging configuration back as log4j2-test.properties has it (which also stops this appender). */
    void restore() {
        ((LoggerContext) LogManager.getContext(false)).reconfigure();
    }

    @Override
    public void append(LogEvent event) {
        if (SERVER_LOGGERS.stream().anyMatch(event.getLoggerName()::startsWith)) {
            return;
        }
        StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getLevel()).append(' ')
                .append(event.getMessage().getFormattedMessage());
        if (event.getThrown() != null) {
            line.append('\n').append(trace(event.getThrown()));
        }
        lines.add(line.toString());
    }

    /** The captured lines, "logger LEVEL message" followed by the stack trace of the event's exception. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    /** The captured lines but those of Camel core's endpoint resolution, which print URIs as written. */
    List<String> linesBeyondCamelCoreUriTrace() {
        return lines.stream().filter(l -> CAMEL_CORE_URI_TRACE.stream().noneMatch(l::startsWith)).toList();
    }

    /** Each text holding one of {@code secrets}, as such or URI-encoded. */
    static List<String> leaks(List<String> texts, List<String> secrets) {
        List<String> leaks = new ArrayList<>();
        for (String text : texts) {
            for (String secret : secrets) {
                for (String form : List.of(secret, secret.replace("&", "%26").replace("+", "%2B"))) {
                    if (text.contains(form)) {
                        leaks.add(secret + " in: " + text.substring(0, Math.min(400, text.length())));
                    }
                }
            }
        }
        return leaks;
    }

    static String trace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
