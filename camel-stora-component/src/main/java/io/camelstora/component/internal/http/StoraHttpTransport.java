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
package io.camelstora.component.internal.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import io.camelstora.component.http.StoraResponse;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultProxyRoutePlanner;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests with Apache HttpClient 5's classic client, the client camel-http is built on, on the thread that calls
 * {@link #send}: when the account's limiter has a slot free, that is the routing thread and the call costs what a
 * camel-http call costs; when a call must wait (rate limit, retry backoff), the limiter or the retry policy resumes it
 * on the component's bounded worker pool, so waiting never parks a routing thread. (The non-blocking client was tried
 * first: its reactor hand-offs added about half again to every call's latency on loopback.)
 * <p>
 * The client does not retry, follow redirects or keep cookies: retries belong to {@code StoraClient}, which knows what
 * is safe to repeat, and a redirect must not carry the bearer token to another host.
 * <p>
 * Credentials never reach HttpClient's logs, whatever their level. HttpClient 5.5 logs the raw bytes of a connection
 * (bearer token, client secrets in token request bodies) to {@code org.apache.hc.client5.http.wire} when that logger is
 * at DEBUG, and every header to {@code org.apache.hc.client5.http.headers}, from its pooled connection class: our pool
 * uses a {@link QuietConnection}, which does neither. The Authorization header is also a {@link SecretHeader} whose
 * {@code toString()} hides the value, for any other log that prints headers. What remains in HttpClient's DEBUG logs
 * is request lines (method and path, no secret) and connection events.
 */
public final class StoraHttpTransport implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(StoraHttpTransport.class);
    private static final String USER_AGENT = "camel-stora/" + versionOrDev();
    /** The context attribute holding the callback of {@link #send(String, StoraRequest, String, Runnable)}. */
    private static final String ON_SENT = "io.camelstora.onSent";

    private final CloseableHttpClient client;

    public StoraHttpTransport(int maxConnections, long connectTimeoutMillis, long responseTimeoutMillis) {
        this(HttpSettings.direct(maxConnections, connectTimeoutMillis, responseTimeoutMillis));
    }

    public StoraHttpTransport(HttpSettings settings) {
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeoutMillis()))
                        .setSocketTimeout(Timeout.ofMilliseconds(settings.responseTimeoutMillis()))
                        .build())
                .setConnectionFactory(socket -> {
                    QuietConnection connection = new QuietConnection();
                    if (socket != null) {
                        connection.bind(socket);
                    }
                    return connection;
                });
        if (settings.sslContext() != null) {
            pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(settings.sslContext()));
        }
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(pool.build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMilliseconds(settings.responseTimeoutMillis()))
                        .build())
                // runs once the connection is ready, just before the request is written: see send(..., onSent)
                .addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(), "stora-sent", (request, scope, chain) -> {
                    if (scope.clientContext.getAttribute(ON_SENT) instanceof Runnable onSent) {
                        onSent.run();
                    }
                    return chain.proceed(request, scope);
                })
                .setUserAgent(USER_AGENT)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching();
        HttpSettings.Proxy proxy = settings.proxy();
        if (proxy != null) {
            HttpHost proxyHost = new HttpHost(proxy.host(), proxy.port());
            builder.setRoutePlanner(new DefaultProxyRoutePlanner(proxyHost) {
                @Override
                protected HttpHost determineProxy(HttpHost target, HttpContext context) throws HttpException {
                    return proxy.bypasses(target.getHostName()) ? null : proxyHost;
                }
            });
            if (proxy.username() != null) {
                // scoped to the proxy: the API never receives these credentials
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(new AuthScope(proxyHost),
                        new UsernamePasswordCredentials(proxy.username(), proxy.password().toCharArray()));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
        this.client = builder.build();
        LOG.debug("Stora HTTP transport: {}", settings);
    }

    /**
     * Sends one attempt of {@code request} on the calling thread. The returned future is already complete: with
     * whatever status came back, or exceptionally when no response was received.
     */
    public CompletableFuture<StoraResponse> send(String baseUrl, StoraRequest request, String bearerToken) {
        return send(baseUrl, request, bearerToken, null);
    }

    /**
     * As {@link #send(String, StoraRequest, String)}, telling {@code onSent} when the request is about to be written:
     * after its connection was leased from the pool and, if new, connected (TLS included). The rate limiter measures
     * from there ({@code RequestLimiter.Permit.sent()}). Not called when the request never left.
     */
    public CompletableFuture<StoraResponse> send(String baseUrl, StoraRequest request, String bearerToken, Runnable onSent) {
        ClassicRequestBuilder builder = ClassicRequestBuilder.create(request.operation().method().name())
                .setUri(url(baseUrl, request.path(), request.query()))
                .setHeader("Accept", request.format().mediaType());
        if (bearerToken != null) {
            builder.setHeader(new SecretHeader("Authorization", "Bearer " + bearerToken));
        }
        if (request.idempotencyKey() != null) {
            builder.setHeader("Idempotency-Key", request.idempotencyKey());
        }
        if (request.body() != null) {
            builder.setEntity(new ByteArrayEntity(request.body(), ContentType.parse(request.bodyMediaType())));
        }
        HttpClientContext context = HttpClientContext.create();
        if (onSent != null) {
            context.setAttribute(ON_SENT, onSent);
        }
        return execute(builder.build(), context, request::describe);
    }

    /** A plain GET of an absolute URL without credentials: the storage URL an image redirects to. */
    public CompletableFuture<StoraResponse> getUnauthenticated(String absoluteUrl) {
        return execute(ClassicRequestBuilder.get(absoluteUrl).build(), HttpClientContext.create(),
                () -> "GET (redirect target)");
    }

    /** @param description for the debug log only: built when that is on, not on every attempt */
    private CompletableFuture<StoraResponse> execute(ClassicHttpRequest httpRequest, HttpClientContext context,
                                                     Supplier<String> description) {
        long start = System.nanoTime();
        try {
            StoraResponse response = client.execute(httpRequest, context,
                    r -> new StoraResponse(r.getCode(), headers(r.getHeaders()),
                            r.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(r.getEntity())));
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} -> {} in {} ms", description.get(), response.status(), (System.nanoTime() - start) / 1_000_000);
            }
            return CompletableFuture.completedFuture(response);
        } catch (IOException | RuntimeException e) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} -> no response: {}", description.get(), e.toString());
            }
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * An HTTP/1.1 connection of the pool that binds its socket as is. HttpClient's own pooled connections wrap the
     * socket in a byte logger whenever {@code org.apache.hc.client5.http.wire} is at DEBUG, and log every header to
     * {@code org.apache.hc.client5.http.headers}: those bytes and headers hold credentials. Otherwise it behaves as
     * HttpClient's {@code DefaultManagedHttpClientConnection} (not public API): refuses to bind once shut down,
     * remembers the socket timeout across passivate/activate.
     */
    static final class QuietConnection extends DefaultBHttpClientConnection implements ManagedHttpClientConnection {

        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile Timeout socketTimeout;

        QuietConnection() {
            super(Http1Config.DEFAULT);
        }

        @Override
        public void bind(Socket socket) throws IOException {
            bindHolder(new SocketHolder(socket));
        }

        @Override
        public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
            bindHolder(new SocketHolder(sslSocket, socket));
        }

        private void bindHolder(SocketHolder holder) throws IOException {
            if (closed.get()) {
                holder.getSocket().close();
                throw new InterruptedIOException("Connection already shutdown");
            }
            super.bind(holder);
            socketTimeout = Timeout.ofMilliseconds(holder.getSocket().getSoTimeout());
        }

        @Override
        public Socket getSocket() {
            SocketHolder holder = getSocketHolder();
            return holder == null ? null : holder.getSocket();
        }

        @Override
        public SSLSession getSSLSession() {
            return getSocket() instanceof SSLSocket ssl ? ssl.getSession() : null;
        }

        @Override
        public void setSocketTimeout(Timeout timeout) {
            super.setSocketTimeout(timeout);
            socketTimeout = timeout;
        }

        @Override
        public void passivate() {
            super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
        }

        @Override
        public void activate() {
            super.setSocketTimeout(socketTimeout);
        }

        @Override
        public void close() throws IOException {
            if (closed.compareAndSet(false, true)) {
                super.close();
            }
        }

        @Override
        public void close(CloseMode mode) {
            if (closed.compareAndSet(false, true)) {
                super.close(mode);
            }
        }
    }

    /**
     * A header whose value is a credential: sent as is, shown as {@code Authorization: Bearer ***} by
     * {@code toString()}, which is what HttpClient's header log prints. Marked sensitive, as HttpClient's API asks for credentials.
     */
    static final class SecretHeader extends BasicHeader {
        private static final long serialVersionUID = 1L;

        SecretHeader(String name, String value) {
            super(name, value, true);
        }

        @Override
        public String toString() {
            String value = getValue();
            int space = value.indexOf(' ');
            return getName() + ": " + (space > 0 ? value.substring(0, space + 1) : "") + "***";
        }
    }

    static String url(String baseUrl, String path, Map<String, String> query) {
        StringBuilder sb = new StringBuilder(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        sb.append(path);
        char sep = '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            sb.append(sep).append(encodeQuery(e.getKey())).append('=').append(encodeQuery(e.getValue()));
            sep = '&';
        }
        return sb.toString();
    }

    /** Percent-encodes one path segment (an id must never change the path). */
    public static String encodePathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodeQuery(String value) {
        // commas separate multiple filter values: keep them readable
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%2C", ",");
    }

    private static Map<String, List<String>> headers(Header[] headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Header h : headers) {
            map.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
        }
        return map;
    }

    private static String versionOrDev() {
        String v = StoraHttpTransport.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
