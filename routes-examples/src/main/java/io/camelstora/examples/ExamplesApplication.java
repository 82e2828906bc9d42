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
package io.camelstora.examples;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.camelstora.examples.cluster.ClusterDemo;
import io.camelstora.examples.crm.CrmStandIn;
import io.camelstora.examples.demo.DemoConsole;
import io.camelstora.examples.demo.DemoScenario;
import io.camelstora.simulator.Seed;
import io.camelstora.simulator.StoraSimulator;
import org.apache.camel.main.Main;

/**
 * Runs the example flows.
 * <ul>
 * <li>Without Stora credentials in the environment: <b>the demo</b>. An embedded Stora simulator, a CRM stand-in, every
 * flow, and a scripted story played on the simulator while the console shows the events and calls as they flow. It
 * writes its files under {@code .demo/} and stops by itself.</li>
 * <li>With {@code STORA_ACCESS_TOKEN}, or {@code STORA_CLIENT_ID}, {@code STORA_CLIENT_SECRET} and
 * {@code STORA_SCOPES}: the same routes against that account ({@code STORA_BASE_URL}, default the real API), with
 * webhooks registered at {@code STORA_PUBLIC_URL}, until Ctrl-C.</li>
 * </ul>
 * Options: {@code --java} runs the Java DSL routes instead of the YAML ones; {@code --no-color}; {@code --cluster} runs
 * the cluster demo instead ({@link ClusterDemo}: three node JVMs on an embedded PostgreSQL, always against the
 * simulator).
 */
public final class ExamplesApplication {

    /** Stora's real limits are 10/s and 60/min; the demo raises both the simulator's and the component's to these. */
    static final int DEMO_PER_SECOND = 50;
    static final int DEMO_PER_MINUTE = 600;
    /** Where the demo writes (wiped at start) and where the application writes against a real account. */
    static final Path DEMO_OUTPUT = Path.of(".demo");
    static final Path APP_OUTPUT = Path.of(".camel-stora", "examples");

    private ExamplesApplication() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        if (options.contains("--help") || options.contains("-h")) {
            System.out.println("Usage: ./demo.sh [--java] [--no-color]  (see README.md: without STORA_* variables it runs the"
                    + " demo against an embedded simulator)");
            System.out
                    .println("       ./demo.sh --cluster [--no-color]  three nodes, one embedded PostgreSQL, the simulator; one"
                            + " node killed mid-story (docs/several-nodes.md)");
            return;
        }
        Dsl dsl = options.contains("--java") ? Dsl.JAVA : Dsl.YAML;
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Map<String, String> env = System.getenv();
        boolean cluster = options.contains("--cluster");
        boolean realApi = !cluster && (env.get("STORA_ACCESS_TOKEN") != null || env.get("STORA_CLIENT_ID") != null);
        Path output = realApi ? APP_OUTPUT : cluster ? DEMO_OUTPUT.resolve("cluster") : DEMO_OUTPUT;
        if (!realApi) {
            deleteRecursively(output);
        }
        Files.createDirectories(output);
        // before anything logs: log4j2.properties writes the Camel log there
        System.setProperty("examples.logFile", output.resolve("camel.log").toString());
        boolean color = !options.contains("--no-color") && env.get("NO_COLOR") == null
                && (System.console() != null || options.contains("--color"));
        DemoConsole.Colors colors = new DemoConsole.Colors(color);
        if (cluster) {
            System.exit(new ClusterDemo(out, colors, output).run());
        } else if (realApi) {
            runAgainstAccount(env, dsl, output, out, colors);
        } else {
            System.exit(runDemo(dsl, output, out, colors));
        }
    }

    /** The demo: returns the exit code. */
    static int runDemo(Dsl dsl, Path output, PrintStream out, DemoConsole.Colors colors) throws Exception {
        long started = System.nanoTime();
        List<Flow> flows = List.of(Flow.values());
        try (StoraSimulator simulator = StoraSimulator.builder().seed(Seed.SMALL).rateLimit(DEMO_PER_SECOND, DEMO_PER_MINUTE)
                .webhookTimeScale(0.001).start();
                CrmStandIn crm = CrmStandIn.start(0)) {
            int port = SimulatorAccount.freePort();
            Map<String, String> properties = new LinkedHashMap<>(SimulatorAccount.properties(simulator, port, crm.url(), output,
                    DEMO_PER_SECOND, DEMO_PER_MINUTE));
            // the nightly report, every 5 seconds here
            String cron = "0/5 * * * * ?";
            properties.put("examples.report.cron", cron);

            out.println(colors.bold("camel-stora demo") + ": the example routes against an embedded Stora simulator");
            out.println("  Stora simulator   " + simulator.baseUrl()
                    + " (seed: 2 sites, 200 units, 500 contacts, deals, invoices)");
            out.println("  rate limits       raised to " + DEMO_PER_SECOND + "/s and " + DEMO_PER_MINUTE
                    + "/min on both the simulator"
                    + " and the component, to keep the demo short (the real API: 10/s and 60/min)");
            out.println(
                    "  webhooks          served at http://localhost:" + port + "/stora/<flow>, registered with Stora by each"
                            + " route (autoRegister)");
            out.println("  CRM stand-in      " + crm.url());
            out.println("  occupancy report  Quartz cron '" + cron + "': every 5 seconds here, nightly at 02:00 by default");
            out.println("  flows (" + dsl + ")       " + flows.stream().map(Flow::id).collect(Collectors.joining(", ")));

            Main main = ExamplesMain.create(dsl, flows, properties);
            // camel-main adds the EventNotifier beans of its registry to the CamelContext
            main.bind("demoConsole", new DemoConsole(out, colors));
            CountDownLatch stopped = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                out.println(colors.dim("Stopping (Ctrl-C)"));
                stopQuietly(main);
                stopped.countDown();
            }, "demo-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                main.start();
                new DemoScenario(simulator, main.getCamelContext(), crm, port, output, out, colors).run();
            } finally {
                stopQuietly(main);
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    stopped.await();
                }
            }
            out.println();
            out.println(colors.bold("Done") + " in " + (System.nanoTime() - started) / 1_000_000_000 + " s. The routes are in"
                    + " routes-examples/src/main/resources/routes (YAML) and io.camelstora.examples (Java); docs/examples.md"
                    + " explains them.");
            return 0;
        } catch (Exception e) {
            out.println(colors.bold("The demo failed: ") + e);
            out.println("  see " + output.resolve("camel.log"));
            return 1;
        }
    }

    /** The routes against a Stora account, until Ctrl-C. */
    static void runAgainstAccount(Map<String, String> env, Dsl dsl, Path output, PrintStream out, DemoConsole.Colors colors)
            throws Exception {
        Map<String, String> properties = accountProperties(env, output);
        List<Flow> flows = flows(env.get("EXAMPLES_FLOWS"));
        checkPublicUrl(env, properties, flows);
        CrmStandIn crm = null;
        if (env.get("EXAMPLES_CRM_URL") == null && flows.contains(Flow.CONTACTS_TO_CRM)) {
            crm = CrmStandIn.start(0);
            properties.put("examples.crm.url", crm.url());
        }
        out.println(colors.bold("camel-stora examples") + " against " + properties.getOrDefault("camel.component.stora.baseUrl",
                "https://public-api.stora.co"));
        out.println("  flows (" + dsl + "): " + flows.stream().map(Flow::id).collect(Collectors.joining(", ")));
        out.println("  webhooks: " + properties.get("examples.publicUrl") + "/stora/<flow>; files under " + output
                + "; log " + output.resolve("camel.log"));
        if (crm != null) {
            out.println("  CRM stand-in: " + crm.url() + " (set EXAMPLES_CRM_URL for a real one)");
        }
        out.println("  Ctrl-C to stop.");
        Main main = ExamplesMain.create(dsl, flows, properties);
        main.bind("demoConsole", new DemoConsole(out, colors));
        try {
            main.run();
        } finally {
            if (crm != null) {
                crm.close();
            }
        }
    }

    /** The account and URLs from the environment (README.md, "Point the routes at the real API"). */
    static Map<String, String> accountProperties(Map<String, String> env, Path output) {
        Map<String, String> p = new LinkedHashMap<>();
        String baseUrl = env.get("STORA_BASE_URL");
        if (baseUrl != null) {
            p.put("camel.component.stora.baseUrl", baseUrl);
        }
        if (env.get("STORA_ACCESS_TOKEN") != null) {
            p.put("camel.component.stora.accessToken", env.get("STORA_ACCESS_TOKEN"));
        } else {
            p.put("camel.component.stora.clientId", require(env, "STORA_CLIENT_ID"));
            p.put("camel.component.stora.clientSecret", require(env, "STORA_CLIENT_SECRET"));
            p.put("camel.component.stora.scopes", require(env, "STORA_SCOPES"));
        }
        String port = env.getOrDefault("EXAMPLES_PORT", "8080");
        p.put("camel.server.port", port);
        String publicUrl = env.getOrDefault("STORA_PUBLIC_URL", "http://localhost:" + port);
        p.put("examples.publicUrl", publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl);
        // Stora delivers to https:// only; a simulator on this machine (STORA_BASE_URL=http://localhost:...) takes http://
        boolean localApi = baseUrl != null
                && (baseUrl.startsWith("http://localhost") || baseUrl.startsWith("http://127.0.0.1"));
        p.put("examples.allowHttp", String.valueOf(localApi));
        p.put("camel.component.stora.stateDirectory", output.resolve("state").toString());
        p.put("examples.webhook.secretStoreFile", output.resolve("webhook-secrets.properties").toString());
        p.put("examples.ledger.file", output.resolve("ledger.csv").toString());
        p.put("examples.report.dir", output.resolve("reports").toString());
        putIfSet(p, "examples.crm.url", env.get("EXAMPLES_CRM_URL"));
        putIfSet(p, "examples.collections.timelineSourceId", env.get("EXAMPLES_TIMELINE_SOURCE_ID"));
        putIfSet(p, "examples.collections.timelineTemplateId", env.get("EXAMPLES_TIMELINE_TEMPLATE_ID"));
        return p;
    }

    /** Stora delivers webhooks to a public https URL: without one the webhook flows could only fail at start. */
    static void checkPublicUrl(Map<String, String> env, Map<String, String> properties, List<Flow> flows) {
        List<String> webhookFlows = flows.stream().filter(Flow::receivesWebhooks).map(Flow::id).toList();
        if (env.get("STORA_PUBLIC_URL") == null && !Boolean.parseBoolean(properties.get("examples.allowHttp"))
                && !webhookFlows.isEmpty()) {
            throw new IllegalArgumentException("STORA_PUBLIC_URL is not set: " + webhookFlows + " register webhook endpoints,"
                    + " and Stora delivers only to a public https:// URL (a tunnel or an ingress"
                    + " forwarding to port " + properties.get("camel.server.port") + "). Or run"
                    + " only the flow without webhooks: EXAMPLES_FLOWS=occupancy-report");
        }
    }

    /**
     * The flows named in {@code EXAMPLES_FLOWS}, or those that change nothing in the account by themselves: booking
     * (allocates units to new tenancies), collections (overlocks units) and deals-to-orders (creates orders) start
     * against a real account only when named.
     */
    static List<Flow> flows(String names) {
        if (names == null || names.isBlank()) {
            return Arrays.stream(Flow.values()).filter(flow -> !flow.writesOnEvents()).toList();
        }
        return Arrays.stream(names.split(",")).filter(n -> !n.isBlank()).map(Flow::of).distinct().toList();
    }

    private static String require(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    name + " is not set: with STORA_CLIENT_ID, set STORA_CLIENT_SECRET and STORA_SCOPES too"
                            + " (or STORA_ACCESS_TOKEN instead of all three)");
        }
        return value;
    }

    private static void putIfSet(Map<String, String> p, String key, String value) {
        if (value != null && !value.isBlank()) {
            p.put(key, value);
        }
    }

    private static void stopQuietly(Main main) {
        try {
            main.stop();
        } catch (RuntimeException e) {
            // stopping is best effort: the JVM ends next
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
