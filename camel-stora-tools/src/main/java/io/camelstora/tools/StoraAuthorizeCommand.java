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
package io.camelstora.tools;

import java.io.Closeable;
import java.io.Console;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.camelstora.component.StoraConfiguration;
import io.camelstora.component.auth.FileTokenStore;
import io.camelstora.component.auth.OAuthTokens;
import io.camelstora.component.auth.StoraAuthorization;
import io.camelstora.component.internal.auth.StoraTokenEndpoint;
import io.camelstora.component.internal.http.StoraErrors;
import io.camelstora.component.internal.http.StoraHttpTransport;

/**
 * Authorises a Stora application once from a shell and stores the refresh token where the routes will read it:
 * prints the authorize URL (PKCE, S256), receives the redirect on {@code http://localhost:<port>/callback}, exchanges
 * the code and writes the refresh token to a {@link FileTokenStore}. Nothing secret is printed.
 *
 * <pre>
 * STORA_CLIENT_SECRET=... java -jar camel-stora-tools-&lt;version&gt;-standalone.jar \
 *     --client-id YOUR_CLIENT_ID --scopes "public.contact:read public.order:read" \
 *     --token-store-file /var/lib/myapp/stora/operator-42.json [--port 8765]
 * </pre>
 *
 * The client secret is read from the environment variable {@code STORA_CLIENT_SECRET}, else asked for on the
 * console; a public client (PKCE only) answers with an empty line. The redirect URI
 * {@code http://localhost:<port>/callback} must be registered with the application.
 * <p>
 * Released with the component, it sends the token request through the component's own token endpoint client and
 * transport (internal packages), so the exchange is the one the routes' refresh tokens rely on.
 */
public final class StoraAuthorizeCommand implements Closeable {

    public static final int DEFAULT_PORT = 8765;
    public static final String CALLBACK_PATH = "/callback";

    /** What the command needs; {@code port} 0 picks a free port. */
    public record Options(String clientId, String clientSecret, List<String> scopes, Path tokenStoreFile, int port,
            String baseUrl, String authorizeUrl) {
        @Override
        public String toString() {
            return "Options[scopes=" + scopes + ", tokenStoreFile=" + tokenStoreFile + ", port=" + port + "]";
        }
    }

    private final Options options;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "stora-authorize");
        t.setDaemon(true);
        return t;
    });
    private final StoraHttpTransport transport;
    private final StoraAuthorization authorization;
    private final FileTokenStore store;
    private final CompletableFuture<OAuthTokens> result = new CompletableFuture<>();
    private HttpServer server;
    private StoraAuthorization.AuthorizationRequest pending;

    public StoraAuthorizeCommand(Options options) {
        this.options = options;
        this.transport = new StoraHttpTransport(2, 10_000, 30_000);
        String baseUrl = options.baseUrl() == null ? StoraConfiguration.DEFAULT_BASE_URL : options.baseUrl();
        this.authorization = new StoraAuthorization(
                new StoraTokenEndpoint(transport, baseUrl.replaceAll("/+$", ""))::authorizationCode,
                options.authorizeUrl(), options.clientId(), options.clientSecret());
        this.store = new FileTokenStore(options.tokenStoreFile());
    }

    /** Starts listening on localhost and returns the authorize URL to open in a browser. */
    public String start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 0);
        server.setExecutor(executor);
        server.createContext(CALLBACK_PATH, this::callback);
        server.start();
        String redirectUri = "http://localhost:" + server.getAddress().getPort() + CALLBACK_PATH;
        pending = authorization.authorizationRequest(redirectUri, options.scopes());
        return pending.url();
    }

    /** Waits for the redirect and the code exchange; the refresh token is then in the token store file. */
    public OAuthTokens await(Duration timeout) throws InterruptedException, TimeoutException, ExecutionException {
        return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public FileTokenStore getStore() {
        return store;
    }

    private void callback(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        if (!query.containsKey("code") && !query.containsKey("error")) {
            respond(exchange, 404, "Not the Stora authorization redirect.");
            return;
        }
        try {
            OAuthTokens tokens = authorization.exchangeCode(pending, query, store).get(60, TimeUnit.SECONDS);
            respond(exchange, 200, "Stora authorised the application; the refresh token is stored. You can close this window.");
            result.complete(tokens);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = StoraErrors.unwrap(e);
            respond(exchange, 400, "Authorization failed: " + cause.getMessage());
            result.completeExceptionally(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> map = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                map.putIfAbsent(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return map;
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
        transport.close();
        executor.shutdownNow();
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        Options options;
        try {
            options = parse(args, System.getenv(), System.console());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("Usage: StoraAuthorizeCommand --client-id ID --scopes \"scope1 scope2\" --token-store-file PATH"
                    + " [--port " + DEFAULT_PORT + "] [--base-url URL] [--authorize-url URL]"
                    + " (client secret from STORA_CLIENT_SECRET or the console)");
            System.exit(2);
            return;
        }
        try (StoraAuthorizeCommand command = new StoraAuthorizeCommand(options)) {
            String url = command.start();
            out.println("Open this URL in a browser, sign in to Stora and approve the scopes:");
            out.println();
            out.println("  " + url);
            out.println();
            out.println("Waiting for the redirect to http://localhost:" + command.server.getAddress().getPort() + CALLBACK_PATH
                    + " ...");
            OAuthTokens tokens = command.await(Duration.ofMinutes(10));
            out.println("Authorised with scopes " + String.join(" ", tokens.scopes()) + ". The refresh token is stored in "
                    + command.getStore().getFile());
            out.println("Configure the stora component with clientId, clientSecret and tokenStoreFile="
                    + command.getStore().getFile());
        } catch (Exception e) {
            Throwable cause = StoraErrors.unwrap(e);
            System.err.println("Authorization failed: " + (e instanceof TimeoutException
                    ? "no redirect within 10 minutes"
                    : cause.getMessage()));
            System.exit(1);
        }
    }

    /**
     * Reads {@code --name value} arguments; the secret comes from {@code STORA_CLIENT_SECRET} in {@code env}, else from
     * {@code console} when there is one.
     */
    public static Options parse(String[] args, Map<String, String> env, Console console) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Unexpected argument " + args[i]);
            }
            values.put(args[i].substring(2), args[++i]);
        }
        String clientId = values.getOrDefault("client-id", env.get("STORA_CLIENT_ID"));
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("--client-id (or STORA_CLIENT_ID) is required");
        }
        List<String> scopes = StoraTokenEndpoint.parseScopes(values.get("scopes"));
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("--scopes is required, e.g. --scopes \"public.contact:read public.order:read\"");
        }
        String file = values.get("token-store-file");
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("--token-store-file is required: where the routes will read the refresh token");
        }
        String secret = env.get("STORA_CLIENT_SECRET");
        if (secret == null && console != null) {
            char[] typed = console.readPassword("Client secret (empty for a public client): ");
            secret = typed == null ? null : new String(typed);
        }
        int port = Integer.parseInt(values.getOrDefault("port", Integer.toString(DEFAULT_PORT)));
        return new Options(clientId, secret, scopes, Path.of(file), port, values.get("base-url"), values.get("authorize-url"));
    }
}
