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
package io.camelstora.kamelets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.camelstora.component.StoraComponent;
import io.camelstora.simulator.StoraSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/** Real CamelContexts running YAML routes that bind the Kamelets, as a Camel JBang or camel-main application would. */
final class KameletTestSupport {

    static final Duration WAIT = Duration.ofSeconds(20);

    private KameletTestSupport() {
    }

    /**
     * A context whose stora component keeps polling state under target/ (not in the working directory), and with the
     * component's default throttling (10/s, 60/min: the simulator's limits too).
     */
    static CamelContext newContext() {
        CamelContext context = new DefaultCamelContext();
        StoraComponent stora = context.getComponent("stora", StoraComponent.class);
        stora.getConfiguration().setStateDirectory(Path.of("target", "state", UUID.randomUUID().toString()).toString());
        return context;
    }

    /** A started context running {@code yaml} on the account of {@code stora}'s simulator; the caller closes it. */
    static CamelContext start(StoraSimulatorExtension stora, String yaml) throws Exception {
        CamelContext context = newContext();
        try {
            stora.configure(context);
            loadYaml(context, yaml);
            context.start();
            return context;
        } catch (Exception | Error e) {
            context.close();
            throw e;
        }
    }

    /** Serves platform-http endpoints (the webhook source's) on {@code port}, as camel-main with Vert.x would. */
    static void addHttpServer(CamelContext context, int port) throws Exception {
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads YAML DSL routes, as a routes file next to the application would be. */
    static void loadYaml(CamelContext context, String yaml) throws Exception {
        Resource resource = ResourceHelper.fromString("routes.camel.yaml", yaml);
        PluginHelper.getRoutesLoader(context).loadRoutes(resource);
    }

    /** The mock endpoint {@code uri}, expecting {@code count} messages within {@link #WAIT}. */
    static MockEndpoint expect(CamelContext context, String uri, int count) {
        MockEndpoint mock = context.getEndpoint(uri, MockEndpoint.class);
        mock.expectedMessageCount(count);
        mock.setResultWaitTime(WAIT.toMillis());
        return mock;
    }

    /** The id of the first record the API lists for {@code resource} (the simulator's seed has some of each). */
    static String firstId(ProducerTemplate template, String resource) {
        List<?> records = template.requestBody("stora:" + resource + "/list?limit=1", null, List.class);
        return (String) ((Map<?, ?>) records.get(0)).get("id");
    }
}
