package io.camelstora.component.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelstora.component.StoraComponent;
import io.camelstora.component.StoraTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The YAML of docs/health.md and docs/metrics.md, beans included, loaded as a user would load it, does what the pages
 * say: the registry bean of metrics.md receives the stora meters, and health.md's routes show up in the health checks.
 */
class ObservabilityDocsTest extends StoraTestSupport {

    private static final Pattern YAML = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    private void start() {
        StoraComponent stora = context.getComponent("stora", StoraComponent.class);
        stora.getConfiguration().setStateDirectory("target/docs-observability-state");
        wm.resetAll();
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"records\":[{\"id\":\"x_1\"}],\"meta\":{\"request_id\":\"r\"}}")));
        context.start();
    }

    @Test
    void theRegistryOfTheMetricsPageReceivesTheStoraMeters() throws Exception {
        start();
        load("metrics.md");
        template.requestBody("direct:sites-report", (Object) null);

        MeterRegistry registry = context.getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        assertEquals(1, registry.get("stora.calls").tags("operation", "sites/list", "outcome", "success").timer().count());
    }

    @Test
    void theRoutesOfTheHealthPageShowInTheHealthChecks() throws Exception {
        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        health.register((HealthCheckRepository) health.resolveById("consumers"));
        health.setExposureLevel("full");
        start();
        load("health.md");
        template.requestBody("direct:site", (Object) null);

        List<String> ids = HealthCheckHelper.invokeReadiness(context).stream().map(r -> r.getCheck().getId()).toList();
        assertTrue(ids.contains("consumer:units-sync"), ids::toString);
        HealthCheck.Result account = HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().startsWith("stora-account:")).findFirst().orElseThrow();
        assertEquals(HealthCheck.State.UP, account.getState());
    }

    private void load(String page) throws Exception {
        List<String> snippets = yaml(page);
        assertTrue(!snippets.isEmpty(), "no YAML in " + page);
        for (String snippet : snippets) {
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString(page.replace(".md", ".yaml"), snippet));
        }
    }

    private static List<String> yaml(String page) throws IOException {
        Matcher m = YAML.matcher(Files.readString(Path.of("..", "docs", page), StandardCharsets.UTF_8));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}
