package io.camelstora.examples;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelstora.simulator.StoraSimulator;

/**
 * The properties that point the examples at a Stora simulator: its URL and token, webhooks self-registered over
 * {@code http://localhost}, output files under one directory, and the seed's timeline source and template.
 */
public final class SimulatorAccount {

    /** The operator's own timeline source in the simulator's seed. */
    static final String TIMELINE_SOURCE = "My CRM";
    /**
     * The seed has no template made for collections, and the API cannot create templates (they are set up in
     * BackOffice); with a real account, create one and configure its id.
     */
    static final String TIMELINE_TEMPLATE = "Sent Campaign";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SimulatorAccount() {
    }

    /**
     * @param serverPort  the port of the application's HTTP server (webhooks, booking API)
     * @param crmUrl      the CRM the contacts go to
     * @param outputDir   where the ledger, the reports and the webhook secrets are written
     * @param perSecond   the component's rate limit per second: the same as the simulator's
     * @param perMinute   and per minute
     */
    public static Map<String, String> properties(StoraSimulator simulator, int serverPort, String crmUrl, Path outputDir,
            int perSecond, int perMinute) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("camel.component.stora.baseUrl", simulator.baseUrl());
        p.put("camel.component.stora.accessToken", simulator.accessToken());
        p.put("camel.component.stora.rateLimitPerSecond", String.valueOf(perSecond));
        p.put("camel.component.stora.rateLimitPerMinute", String.valueOf(perMinute));
        // polling consumers keep their state here (none of the examples polls, but the directory must not be the user's)
        p.put("camel.component.stora.stateDirectory", outputDir.resolve("state").toString());
        p.put("camel.server.port", String.valueOf(serverPort));
        p.put("examples.publicUrl", "http://localhost:" + serverPort);
        p.put("examples.allowHttp", "true");
        p.put("examples.webhook.secretStoreFile", outputDir.resolve("webhook-secrets.properties").toString());
        p.put("examples.crm.url", crmUrl);
        p.put("examples.ledger.file", outputDir.resolve("ledger.csv").toString());
        p.put("examples.report.dir", outputDir.toString());
        // looked up with a token of their own: Stora limits per token, and the application's limiter counts only its calls
        String lookupToken = simulator.createAccessToken(Set.of("public.timeline_source:read", "public.timeline_template:read"));
        p.put("examples.collections.timelineSourceId", idByName(simulator, lookupToken, "/2025-09/timeline/sources", "sources",
                TIMELINE_SOURCE));
        p.put("examples.collections.timelineTemplateId", idByName(simulator, lookupToken, "/2025-09/timeline/templates",
                "templates", TIMELINE_TEMPLATE));
        return p;
    }

    private static String idByName(StoraSimulator simulator, String token, String path, String key, String name) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path + "?limit=100"))
                    .header("Authorization", "Bearer " + token).build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            for (JsonNode item : JSON.readTree(response.body()).path(key)) {
                if (name.equals(item.path("name").asText())) {
                    return item.path("id").asText();
                }
            }
            throw new IllegalStateException("The simulator has no " + key + " named '" + name + "'");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + path + " of the simulator", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** A port no one listens on now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }
}
