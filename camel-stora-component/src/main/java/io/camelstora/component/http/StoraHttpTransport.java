package io.camelstora.component.http;

import java.io.Closeable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests with Apache HttpClient 5's non-blocking client (the client camel-http is built on), so waiting for
 * Stora holds no thread. Results are handed to {@code callbackExecutor}, never run on the I/O reactor, because routes
 * continue on the thread that completes the future and may call Stora again synchronously (paging iterators).
 * <p>
 * The client does not retry, follow redirects or keep cookies: retries belong to {@link StoraClient}, which knows what
 * is safe to repeat, and a redirect must not carry the bearer token to another host.
 * <p>
 * Credentials never reach HttpClient's logs, whatever their level. HttpClient 5.5 logs raw request bytes (bearer
 * token, client secrets in token request bodies) to {@code org.apache.hc.client5.http.wire} through the I/O session
 * decorator it installs by default: ours is the identity. It logs each request header's {@code toString()} to
 * {@code org.apache.hc.client5.http.headers} from a stream listener it installs whenever that logger (or
 * {@code InternalHttpAsyncClient}'s) is at DEBUG: the Authorization header is a {@link SecretHeader} whose
 * {@code toString()} hides the value while the wire still gets {@code getValue()}. HTTP/2 would copy headers into new
 * objects and log frame payloads to {@code org.apache.hc.client5.http2.frame.payload}, so connections stay on
 * HTTP/1.1, which Stora's rate limits (10 requests per second) never make a bottleneck. What remains in HttpClient's
 * DEBUG logs is request lines (method and path, no secret) and connection events.
 */
public final class StoraHttpTransport implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(StoraHttpTransport.class);
    private static final String USER_AGENT = "camel-stora/" + versionOrDev();

    private final CloseableHttpAsyncClient client;
    private final Executor callbackExecutor;

    public StoraHttpTransport(int maxConnections, long connectTimeoutMillis, long responseTimeoutMillis,
                              Executor callbackExecutor) {
        this.callbackExecutor = callbackExecutor;
        this.client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofMilliseconds(connectTimeoutMillis))
                                .setSocketTimeout(Timeout.ofMilliseconds(responseTimeoutMillis))
                                .build())
                        .setDefaultTlsConfig(TlsConfig.custom()
                                .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                                .build())
                        .build())
                // the default decorator logs every byte sent, credentials included, at DEBUG
                .setIoSessionDecorator(ioSession -> ioSession)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMilliseconds(responseTimeoutMillis))
                        .build())
                .setUserAgent(USER_AGENT)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
        this.client.start();
    }

    /**
     * Sends one attempt of {@code request}. The future completes with whatever status came back, and exceptionally
     * only when no response was received.
     */
    public CompletableFuture<StoraResponse> send(String baseUrl, StoraRequest request, String bearerToken) {
        SimpleRequestBuilder builder = SimpleRequestBuilder.create(request.operation().method().name())
                .setUri(url(baseUrl, request.path(), request.query()))
                .setHeader("Accept", request.format().mediaType());
        if (bearerToken != null) {
            builder.setHeader(new SecretHeader("Authorization", "Bearer " + bearerToken));
        }
        if (request.idempotencyKey() != null) {
            builder.setHeader("Idempotency-Key", request.idempotencyKey());
        }
        if (request.body() != null) {
            builder.setBody(request.body(), ContentType.parse(request.bodyMediaType()));
        }
        return execute(builder.build(), request.describe());
    }

    /** A plain GET of an absolute URL without credentials: the storage URL an image redirects to. */
    public CompletableFuture<StoraResponse> getUnauthenticated(String absoluteUrl) {
        return execute(SimpleRequestBuilder.get(absoluteUrl).build(), "GET (redirect target)");
    }

    private CompletableFuture<StoraResponse> execute(SimpleHttpRequest httpRequest, String description) {
        CompletableFuture<StoraResponse> result = new CompletableFuture<>();
        long start = System.nanoTime();
        client.execute(SimpleRequestProducer.create(httpRequest), SimpleResponseConsumer.create(),
                new FutureCallback<SimpleHttpResponse>() {
                    @Override
                    public void completed(SimpleHttpResponse response) {
                        StoraResponse r = new StoraResponse(response.getCode(), headers(response.getHeaders()),
                                response.getBodyBytes());
                        if (LOG.isDebugEnabled()) {
                            LOG.debug("{} -> {} in {} ms", description, r.status(), (System.nanoTime() - start) / 1_000_000);
                        }
                        callbackExecutor.execute(() -> result.complete(r));
                    }

                    @Override
                    public void failed(Exception ex) {
                        LOG.debug("{} -> no response: {}", description, ex.toString());
                        callbackExecutor.execute(() -> result.completeExceptionally(ex));
                    }

                    @Override
                    public void cancelled() {
                        callbackExecutor.execute(() -> result.cancel(false));
                    }
                });
        return result;
    }

    /**
     * A header whose value is a credential: sent as is, shown as {@code Authorization: Bearer ***} by
     * {@code toString()}, which is what HttpClient's header log prints. Marked sensitive so HPACK would never index it.
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
