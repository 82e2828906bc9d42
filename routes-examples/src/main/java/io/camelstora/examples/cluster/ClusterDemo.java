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
package io.camelstora.examples.cluster;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.camelstora.component.StoraComponent;
import io.camelstora.examples.demo.DemoConsole;
import io.camelstora.it.harness.JvmNode;
import io.camelstora.it.harness.SharedPostgres;
import io.camelstora.simulator.EmittedEvent;
import io.camelstora.simulator.Seed;
import io.camelstora.simulator.StoraSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * {@code ./demo.sh --cluster}: three nodes of one application ({@link ClusterDemoNode}, JVMs of their own) on an
 * embedded PostgreSQL, a Stora simulator and a round-robin load balancer in front of the nodes' webhooks, and a story
 * played on the simulator: customers sign up (the clustered poller reports them, on one node per tick), invoices are
 * paid (the webhook events spread over the nodes, each booked once). Mid-story the node that polled last is killed
 * with kill -9; the others take over and the story completes. It shows which node handled what, then checks that every
 * change was handled and every event booked once.
 */
public final class ClusterDemo {

    static final int PER_SECOND = 50;
    static final int PER_MINUTE = 600;
    static final String POLL_CRON = "0/5 * * * * ?";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final PrintStream out;
    private final DemoConsole.Colors colors;
    private final Path output;
    private final List<JvmNode> nodes = new ArrayList<>();
    /** The contacts the story created, in order. */
    private final List<String> contacts = new ArrayList<>();
    /** The ids of the handled table's rows printed so far (rows of two nodes may commit out of id order). */
    private final Set<String> shown = new HashSet<>();
    private SharedPostgres db;
    private StoraSimulator simulator;
    private ProducerTemplate api;
    private int step;

    public ClusterDemo(PrintStream out, DemoConsole.Colors colors, Path output) {
        this.out = out;
        this.colors = colors;
        this.output = output;
    }

    /** Runs the demo; returns the exit code. */
    public int run() throws Exception {
        long started = System.nanoTime();
        out.println(colors.bold("camel-stora cluster demo") + ": three nodes of one application, one PostgreSQL, one setting");
        try (SharedPostgres postgres = SharedPostgres.start();
                StoraSimulator sim = StoraSimulator.builder().seed(Seed.SMALL).rateLimit(PER_SECOND, PER_MINUTE)
                        .webhookTimeScale(0.001).start();
                CamelContext client = new DefaultCamelContext()) {
            this.db = postgres;
            this.simulator = sim;
            // the story's own calls (Stora's other users: the website, BackOffice), on the simulator's limits
            StoraComponent stora = client.getComponent("stora", StoraComponent.class);
            stora.getConfiguration().setBaseUrl(sim.baseUrl());
            stora.getConfiguration().setAccessToken(sim.accessToken());
            stora.setRateLimitPerSecond(PER_SECOND);
            stora.setRateLimitPerMinute(PER_MINUTE);
            client.start();
            api = client.createProducerTemplate();
            db.execute(ClusterDemoNode.HANDLED_DDL);
            List<Integer> ports = List.of(JvmNode.freePort(), JvmNode.freePort(), JvmNode.freePort());
            try (RoundRobinProxy proxy = RoundRobinProxy.start(ports)) {
                out.println("  PostgreSQL        " + db.jdbcUrl().replaceAll("\\?.*", "") + " (embedded)");
                out.println("  Stora simulator   " + sim.baseUrl() + " (limits raised to " + PER_SECOND + "/s and "
                        + PER_MINUTE + "/min to keep the demo short)");
                out.println("  load balancer     " + proxy.url() + " -> nodes on ports " + ports + ", round-robin");
                out.println("  each node         routes-examples/src/main/resources/cluster/application.properties:"
                        + " camel.component.stora.dataSource=#storaDb");
                out.println("  logs              " + output);
                for (int i = 0; i < ports.size(); i++) {
                    nodes.add(JvmNode.builder("node-" + (char) ('a' + i), ClusterDemoNode.class).heap("256m")
                            .logDirectory(output).startTimeout(Duration.ofMinutes(2))
                            .property("examples.logFile", output.resolve("node-" + (char) ('a' + i) + "-camel.log"))
                            .property("cluster.port", ports.get(i)).property("cluster.jdbcUrl", db.jdbcUrl())
                            .property("cluster.jdbcUser", "postgres").property("cluster.baseUrl", sim.baseUrl())
                            .property("cluster.accessToken", sim.accessToken()).property("cluster.perSecond", PER_SECOND)
                            .property("cluster.perMinute", PER_MINUTE).property("cluster.publicUrl", proxy.url())
                            .property("cluster.pollCron", POLL_CRON).build());
                }
                story(proxy);
            } finally {
                nodes.forEach(JvmNode::close);
            }
            out.println();
            out.println(colors.bold("Done") + " in " + (System.nanoTime() - started) / 1_000_000_000 + " s. The node:"
                    + " io.camelstora.examples.cluster.ClusterDemoNode; docs/several-nodes.md explains the setting.");
            return 0;
        } catch (Exception | AssertionError e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            out.println(colors.bold("The cluster demo failed: ") + cause);
            out.println("  the nodes' logs are in " + output);
            return 1;
        }
    }

    private void story(RoundRobinProxy proxy) throws Exception {
        step("Three nodes start on one PostgreSQL",
                "the first creates the tables and registers the webhook endpoint; the others find both");
        // the first alone: it registers the webhook endpoint, which two nodes starting together could both create
        nodes.get(0).start();
        printStarted(nodes.get(0));
        CompletableFuture.allOf(nodes.subList(1, 3).stream().map(n -> CompletableFuture.runAsync(n::start))
                .toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);
        nodes.subList(1, 3).forEach(this::printStarted);

        step("Three customers sign up, three invoices are paid",
                "the poller runs on one node per 5 s tick (Quartz, clustered); Stora's deliveries go to any node");
        List<String> invoices = openInvoices();
        changes(0, 3, invoices);

        String last = lastPoller();
        JvmNode victim = nodes.stream().filter(n -> n.name().equals(last)).findFirst().orElseThrow();
        step("kill -9 " + victim.name() + " (pid " + victim.pid() + "), the node that polled last",
                "no clean stop: its Quartz check-ins stop, its webhook port refuses connections");
        victim.kill();
        long killedAt = System.currentTimeMillis();

        step("Three more customers and invoices while " + victim.name() + " is down",
                "another node takes the polls over; deliveries reaching the dead node fail and Stora retries them");
        changes(3, 3, invoices);
        List<String> after = rows("SELECT node, at FROM " + ClusterDemoNode.HANDLED_TABLE + " WHERE subject LIKE 'contact %'"
                + " AND at > ? ORDER BY at LIMIT 1", killedAt);
        String[] first = after.get(0).split("\\|");
        out.println(colors.dim(String.format(
                "  %s polled the first change %.1f s after the kill; %d deliveries reached the dead"
                        + " node, failed (502) and were delivered again",
                first[0], (Long.parseLong(first[1]) - killedAt) / 1000.0,
                proxy.unreachable())));

        step(victim.name() + " starts again", "it rejoins the cluster: the polls and deliveries of the rest of the story go"
                + " to any of the three");
        victim.start();
        printStarted(victim);
        changes(6, 2, invoices);

        step("Checked", "every contact polled, every invoice.paid event booked, once");
        check();
    }

    /** Creates {@code count} contacts and pays as many invoices, and waits until the nodes handled them. */
    private void changes(int first, int count, List<String> invoices) throws Exception {
        for (int i = first; i < first + count; i++) {
            Map<?, ?> contact = api.requestBody("stora:contacts/create",
                    Map.of("email", "customer" + (i + 1) + "@cluster.example", "full_name", "Customer " + (i + 1)), Map.class);
            contacts.add((String) contact.get("id"));
            simulator.control().markInvoicePaid(invoices.get(i));
        }
        int expectedEvents = first + count;
        awaitHandled(handled -> contacts.stream().allMatch(id -> handled.stream().anyMatch(h -> h.contains("contact " + id)))
                && handled.stream().filter(h -> h.startsWith("event ")).count() >= expectedEvents);
    }

    private void check() throws Exception {
        List<String> subjects = rows("SELECT subject FROM " + ClusterDemoNode.HANDLED_TABLE);
        Set<String> events = simulator.webhooks().events("invoice.paid").stream().map(EmittedEvent::id)
                .map(id -> "event " + id).collect(Collectors.toSet());
        Map<String, Long> counts = subjects.stream()
                .collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
        List<String> twice = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        List<String> missing = events.stream().filter(e -> !counts.containsKey(e)).sorted().collect(Collectors.toList());
        contacts.stream().filter(id -> subjects.stream().noneMatch(s -> s.startsWith("contact " + id))).forEach(missing::add);
        Map<String, Long> byNode = rows("SELECT node FROM " + ClusterDemoNode.HANDLED_TABLE).stream()
                .collect(Collectors.groupingBy(n -> n, TreeMap::new, Collectors.counting()));
        out.println("  " + contacts.size() + " contacts polled, " + events.size() + " invoice.paid events booked; handled by "
                + byNode);
        if (!missing.isEmpty() || !twice.isEmpty()) {
            throw new AssertionError("not handled: " + missing + "; handled twice: " + twice);
        }
        out.println("  " + colors.bold("nothing lost, nothing twice"));
    }

    private List<String> openInvoices() {
        List<?> all = api.requestBody("stora:invoices/list?fetchAllPages=true", null, List.class);
        List<String> open = all.stream().map(i -> (Map<?, ?>) i).filter(i -> "open".equals(i.get("status")))
                .map(i -> (String) i.get("id")).toList();
        if (open.size() < 8) {
            throw new IllegalStateException("the simulator's seed has " + open.size() + " open invoices, the story pays 8");
        }
        return open;
    }

    private String lastPoller() {
        return rows("SELECT node FROM " + ClusterDemoNode.HANDLED_TABLE + " WHERE subject LIKE 'contact %' ORDER BY at DESC"
                + " LIMIT 1").get(0);
    }

    /** Prints what the nodes handled since the last call, until {@code done} holds of the subjects handled. */
    private void awaitHandled(Predicate<List<String>> done) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            for (String row : rows("SELECT id, node, detail FROM " + ClusterDemoNode.HANDLED_TABLE + " ORDER BY id")) {
                String[] parts = row.split("\\|", 3);
                if (shown.add(parts[0])) {
                    out.println("  " + colors.bold(String.format("%-7s", parts[1])) + " " + parts[2]);
                }
            }
            if (done.test(rows("SELECT subject FROM " + ClusterDemoNode.HANDLED_TABLE))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the nodes did not handle the changes within " + WAIT.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
    }

    private void printStarted(JvmNode node) {
        out.println("  " + colors.bold(String.format("%-7s", node.name())) + " ready, pid " + node.pid());
    }

    private void step(String title, String how) {
        out.println();
        out.println(colors.bold(++step + ". " + title));
        out.println(colors.dim("   " + how));
    }

    /** Each row's columns joined with {@code |}. */
    private List<String> rows(String sql, Object... parameters) {
        return db.query(sql, parameters).stream()
                .map(row -> row.stream().map(String::valueOf).collect(Collectors.joining("|"))).toList();
    }
}
