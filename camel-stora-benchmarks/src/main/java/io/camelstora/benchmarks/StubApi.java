package io.camelstora.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A fixed-answer HTTP server on loopback: every GET gets the same Stora-shaped document. Deliberately minimal, so the
 * measured difference between two clients is the clients'.
 */
final class StubApi implements AutoCloseable {

    static final String CONTACT = "{\"contact\":{\"id\":\"con_0ac0514ed0711462\",\"full_name\":\"Ada Lovelace\","
                                  + "\"email\":\"ada@example.com\",\"status\":\"customer\",\"created_at\":\"2025-02-22T14:41:00Z\","
                                  + "\"updated_at\":\"2025-02-22T14:41:00Z\",\"metadata\":{\"source\":\"bench\"}},"
                                  + "\"meta\":{\"request_id\":\"01563646-58c1-4607-8fe0-cae3e92c4477\"}}";

    private final HttpServer server;

    StubApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        server.setExecutor(Executors.newFixedThreadPool(4));
        byte[] body = CONTACT.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                in.readAllBytes();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                out.write(body);
            }
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
