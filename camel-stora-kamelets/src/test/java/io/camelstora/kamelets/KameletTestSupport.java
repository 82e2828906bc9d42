package io.camelstora.kamelets;

import java.nio.file.Path;
import java.util.UUID;

import io.camelstora.component.StoraComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/** Real CamelContexts running YAML routes that bind the Kamelets, as a Camel JBang or camel-main application would. */
final class KameletTestSupport {

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

    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Loads YAML DSL routes, as a routes file next to the application would be. */
    static void loadYaml(CamelContext context, String yaml) throws Exception {
        Resource resource = ResourceHelper.fromString("routes.camel.yaml", yaml);
        PluginHelper.getRoutesLoader(context).loadRoutes(resource);
    }
}
