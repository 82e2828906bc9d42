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

import io.camelstora.component.StoraEndpoint;
import io.camelstora.component.webhook.StoraWebhookOptions;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumerAware;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.spi.RouteIdAware;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code from("stora:webhook")}: serves the webhook path on the application's HTTP server through the platform-http
 * component (Vert.x on camel-main, the servlet container on Spring Boot, Vert.x on Quarkus), so the component itself
 * brings no server. The platform-http consumer is created on a {@code platform-http:} endpoint this consumer owns and
 * is started and stopped with it.
 * <p>
 * On start: accept the configured secrets, register with Stora when autoRegister is set (which may add the secret of
 * the endpoint it creates), and only then open the path. On stop: close the path, then apply unregisterOnStop.
 */
public class StoraWebhookConsumer extends DefaultConsumer implements Suspendable {

    private static final Logger LOG = LoggerFactory.getLogger(StoraWebhookConsumer.class);

    private final StoraEndpoint endpoint;
    private final StoraWebhookReceiver receiver;
    private Consumer http;
    /** Whether the platform-http consumer hands the request over unread (Vert.x), so the component reads the body. */
    private boolean readsBody;
    /** The port of the platform-http server, which names its router. */
    private int serverPort;
    /** Removes the body pre-reader from the webhook's path, while started. */
    private Runnable removePreReader;

    public StoraWebhookConsumer(StoraEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.receiver = endpoint.getWebhookReceiver();
    }

    @Override
    public StoraEndpoint getEndpoint() {
        return endpoint;
    }

    @Override
    public boolean isHostedService() {
        return true;
    }

    @Override
    protected void doBuild() throws Exception {
        if (getHealthCheck() == null) {
            StoraWebhookHealthCheck check = new StoraWebhookHealthCheck(receiver, getRouteId());
            check.setCamelContext(endpoint.getCamelContext());
            check.setEnabled(endpoint.getComponent().isHealthCheckConsumerEnabled());
            setHealthCheck(check);
        }
        super.doBuild();
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        // muteException: should anything ever escape the handler, the server answers 500 without a stack trace;
        // useBodyHandler=false: Vert.x hands the request over unread, so the handler reads no more than maxBodySize
        // (other engines ignore it)
        Endpoint httpEndpoint = getEndpoint().getCamelContext().getEndpoint("platform-http:"
                + receiver.options().normalizedPath()
                + "?muteException=true&useBodyHandler=false");
        Processor handler = receiver.createHandler(getRouteId(), getProcessor(), ignored -> createExchange(false),
                exchange -> releaseExchange(exchange, false));
        http = httpEndpoint.createConsumer(handler);
        if (http instanceof RouteIdAware aware) {
            aware.setRouteId(getRouteId());
        }
        ServiceHelper.initService(http);
        // the engine's own consumer, behind platform-http's DefaultPlatformHttpConsumer
        Object engineConsumer = http instanceof PlatformHttpConsumerAware aware ? aware.getPlatformHttpConsumer() : http;
        readsBody = RequestBody.boundedByTheComponent(engineConsumer.getClass().getName());
        if (httpEndpoint instanceof PlatformHttpEndpoint platform) {
            PlatformHttpEngine engine = platform.getPlatformHttpEngine() != null ? platform.getPlatformHttpEngine()
                    : platform.getComponent().getEngine();
            serverPort = engine == null ? 0 : engine.getServerPort();
        }
        if (!readsBody) {
            receiver.warnUnboundedBodies("the platform-http consumer " + engineConsumer.getClass().getSimpleName());
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        receiver.start();
        StoraWebhookOptions options = receiver.options();
        if (options.isAutoRegister()) {
            receiver.register(options.getPublicUrl().trim());
        }
        if (!receiver.hasSecret()) {
            throw new IllegalArgumentException("stora:webhook has no signing secret to verify deliveries: set secret (shown by"
                    + " Stora when the webhook endpoint was created) or autoRegister=true with"
                    + " publicUrl");
        }
        if (readsBody) {
            // the body is read on the event loop, so a slow or silent client never holds one of the shared worker threads
            removePreReader = VertxBodyPreReader.install(getEndpoint().getCamelContext(), serverPort, options.normalizedPath(),
                    options.getMaxBodySize(), options.getBodyTimeout());
            if (removePreReader == null) {
                LOG.warn("No platform-http router found for port {}: the bodies of webhook deliveries at {} are read on the"
                        + " server's worker threads, which a client sending slowly holds for up to bodyTimeout ({} ms)",
                        serverPort, options.normalizedPath(), options.getBodyTimeout());
            }
        }
        ServiceHelper.startService(http);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(http);
        if (removePreReader != null) {
            removePreReader.run();
            removePreReader = null;
        }
        if (receiver.options().isAutoRegister()) {
            receiver.unregister();
        }
        super.doStop();
    }

    @Override
    protected void doShutdown() throws Exception {
        ServiceHelper.stopAndShutdownService(http);
        super.doShutdown();
    }

    @Override
    protected void doSuspend() throws Exception {
        // the platform-http consumer answers 503 while suspended, and Stora retries later
        ServiceHelper.suspendService(http);
    }

    @Override
    protected void doResume() throws Exception {
        ServiceHelper.resumeService(http);
    }

    @Override
    public String toString() {
        return "StoraWebhookConsumer[" + URISupport.sanitizeUri(endpoint.getEndpointUri()) + " at "
                + receiver.options().normalizedPath() + "]";
    }
}
