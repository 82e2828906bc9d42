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
package io.camelstora.it.cluster;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.camelstora.it.harness.JvmNode;
import io.camelstora.it.harness.SharedPostgres;
import io.camelstora.it.webhook.StoraLikeSender;
import io.camelstora.simulator.RecordedRequest;
import io.camelstora.simulator.StoraSimulator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Acceptance of issue 15: three node JVMs of one application ({@link ClusterNode}: producers on every node, a
 * {@code scheduler=quartz} poller, {@code stora:webhook}), each configured with the one setting (the component's
 * {@code dataSource} on one real PostgreSQL), against the simulator enforcing Stora's 10/s and 60/min, for 3 minutes,
 * with webhook events delivered round-robin as Stora delivers them and the node that is polling killed with kill -9
 * twice. Shown: no 429, the minute budget used at 0.95 or more, one poll per tick, each webhook event routed once
 * (twice only where the killed node was routing it), the next poll on another node within 20 s of a kill, no change
 * lost and at most one page repeated per kill. The figures go to {@code target/cluster-nodes-report.txt}.
 */
class ClusterNodesIT {

    static final Path REPORT = Path.of("target", "cluster-nodes-report.txt");
    static final int PER_SECOND = 10;
    static final int PER_MINUTE = 60;
    /** Webhook events delivered per second, round-robin over the nodes. */
    static final int EVENTS_PER_SECOND = 5;

    @Test
    void threeNodesOnOnePostgreSqlKeepTheLimitPollOncePerTickAndLoseNothingAcrossKills() throws Exception {
        long runMillis = TimeUnit.SECONDS.toMillis(Long.getLong("it.clusterSeconds", 180));
        try (SharedPostgres db = SharedPostgres.start();
                StoraSimulator sim = StoraSimulator.builder().rateLimit(PER_SECOND, PER_MINUTE).journalCapacity(100_000)
                        .start()) {
            db.execute(
                    "CREATE TABLE produced (contact_id VARCHAR(64) NOT NULL, version BIGINT NOT NULL, node VARCHAR(50) NOT NULL,"
                            + " pid BIGINT NOT NULL, at BIGINT NOT NULL)");
            db.execute(
                    "CREATE TABLE polled (contact_id VARCHAR(64) NOT NULL, version BIGINT NOT NULL, node VARCHAR(50) NOT NULL,"
                            + " pid BIGINT NOT NULL, at BIGINT NOT NULL)");
            db.execute("CREATE TABLE polls (node VARCHAR(50) NOT NULL, pid BIGINT NOT NULL, begun_at BIGINT NOT NULL)");
            db.execute("CREATE TABLE routed_events (event_id VARCHAR(255) NOT NULL, node VARCHAR(50) NOT NULL,"
                    + " pid BIGINT NOT NULL, routed_at BIGINT NOT NULL)");
            List<JvmNode> nodes = new ArrayList<>();
            List<URI> urls = new ArrayList<>();
            try {
                for (String name : List.of("cluster-a", "cluster-b", "cluster-c")) {
                    int port = JvmNode.freePort();
                    nodes.add(JvmNode.builder(name, ClusterNode.class).heap("256m").properties(db.nodeProperties())
                            .property("log4j2.configurationFile", "log4j2-node.properties")
                            .property("node.port", port).property("node.baseUrl", sim.baseUrl())
                            .property("node.accessToken", sim.accessToken()).build());
                    urls.add(URI.create("http://localhost:" + port + "/stora/webhook"));
                }
                // all three at once, as a platform starts the replicas of a deployment: whichever comes first creates
                // the tables (the component's and Quartz's) and the poll's trigger, the others find them
                CompletableFuture.allOf(nodes.stream().map(n -> CompletableFuture.runAsync(n::start))
                        .toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);
                run(db, sim, nodes, urls, runMillis);
            } finally {
                nodes.forEach(JvmNode::close);
            }
        }
    }

    private void run(SharedPostgres db, StoraSimulator sim, List<JvmNode> nodes, List<URI> urls, long runMillis)
            throws Exception {
        long start = System.currentTimeMillis();
        long end = start + runMillis;
        List<Kill> kills = Collections.synchronizedList(new ArrayList<>());
        // the kills in a thread of their own, so that deliveries go on while a node is down and starting again
        CompletableFuture<Void> killing = CompletableFuture.runAsync(() -> {
            try {
                for (long at : List.of(start + runMillis / 3, start + runMillis * 2 / 3)) {
                    Thread.sleep(Math.max(0, at - System.currentTimeMillis()));
                    kills.add(killTheNodePolling(db, sim, nodes));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        int events = 0;
        try (StoraLikeSender sender = new StoraLikeSender(urls, ClusterNode.SECRET, 0.005, 32)) {
            while (System.currentTimeMillis() < end) {
                long due = start + events * 1000L / EVENTS_PER_SECOND;
                long wait = due - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                String id = "evt_cluster_" + events;
                String body = "{\"event\":{\"id\":\"" + id + "\",\"type\":\"invoice.paid\",\"api_version\":\"2025-09\","
                        + "\"created_at\":\"2025-01-15T10:30:00Z\",\"data\":{\"invoice\":{\"id\":\"inv_" + events + "\"}}}}";
                sender.deliver(id, body, events % urls.size(), "d");
                if (events % 10 == 7) {
                    // Stora delivers some events twice: to the next node
                    sender.deliver(id, body, (events + 1) % urls.size(), "again");
                }
                events++;
            }
            killing.get(2, TimeUnit.MINUTES);
            long producedUntil = System.currentTimeMillis();
            assertTrue(sender.awaitAll(Duration.ofMinutes(2)), sender.pending() + " deliveries still pending");

            // the changes written during the run all reach the poller (a tick every 15 s)
            long deadline = System.currentTimeMillis() + 60_000;
            Set<String> lost = lostChanges(db, producedUntil);
            while (!lost.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(1000);
                lost = lostChanges(db, producedUntil);
            }
            report(db, sim, nodes, sender, kills, start, end, events, lost, producedUntil);
        }
    }

    /** A kill -9 of the node running a poll with records, and what followed. */
    record Kill(String node, long pid, long at, long nextPollAt, String nextPollNode) {
    }

    /**
     * Waits for a poll that has routed a record, kills its node with kill -9 at once (so inside the batch), waits for
     * the next poll, then starts the killed node again.
     */
    private Kill killTheNodePolling(SharedPostgres db, StoraSimulator sim, List<JvmNode> nodes) throws Exception {
        long since = System.currentTimeMillis();
        long deadline = since + 30_000;
        while (System.currentTimeMillis() < deadline) {
            List<List<Object>> polling = db.query("SELECT p.node, p.pid FROM polls p WHERE p.begun_at >= " + since
                    + " AND EXISTS (SELECT 1 FROM polled r WHERE r.pid = p.pid AND r.at >= p.begun_at)"
                    + " ORDER BY p.begun_at DESC LIMIT 1");
            if (!polling.isEmpty()) {
                String name = (String) polling.get(0).get(0);
                long pid = ((Number) polling.get(0).get(1)).longValue();
                JvmNode victim = nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
                if (victim.isAlive() && victim.pid() == pid) {
                    victim.kill();
                    long killedAt = System.currentTimeMillis();
                    long next = killedAt + 60_000;
                    List<List<Object>> after = List.of();
                    while (after.isEmpty() && System.currentTimeMillis() < next) {
                        Thread.sleep(100);
                        after = db.query("SELECT node, begun_at FROM polls WHERE begun_at > " + killedAt
                                + " ORDER BY begun_at LIMIT 1");
                    }
                    assertTrue(!after.isEmpty(), "no poll in the 60 s after " + name + " was killed");
                    victim.start();
                    return new Kill(name, pid, killedAt, ((Number) after.get(0).get(1)).longValue(),
                            (String) after.get(0).get(0));
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no poll routed a record in the 30 s after " + since + " (polls: "
                + db.query("SELECT count(*) FROM polls").get(0).get(0) + ", records polled: "
                + db.query("SELECT count(*) FROM polled").get(0).get(0) + ", changes written: "
                + db.query("SELECT count(*) FROM produced").get(0).get(0) + ", requests by operation "
                + sim.journal().operationCounts() + ", by status " + sim.journal().statusCounts() + ")");
    }

    /** The changes written before {@code until} that no poll routed, in that version or a later one. */
    private static Set<String> lostChanges(SharedPostgres db, long until) {
        Set<String> lost = new HashSet<>();
        for (List<Object> row : db.query("SELECT p.contact_id, p.version FROM produced p WHERE p.at < " + until
                + " AND NOT EXISTS (SELECT 1 FROM polled r WHERE r.contact_id = p.contact_id AND r.version >= p.version)")) {
            lost.add(row.get(0) + " v" + row.get(1));
        }
        return lost;
    }

    private void report(SharedPostgres db, StoraSimulator sim, List<JvmNode> nodes, StoraLikeSender sender, List<Kill> kills,
                        long start, long end, int events, Set<String> lost, long producedUntil)
            throws Exception {
        List<String> report = new ArrayList<>();
        report.add("3 nodes, " + (end - start) / 1000 + " s, simulator at " + PER_SECOND + "/s and " + PER_MINUTE + "/min");

        // the rate limit: no 429, and the minute budget used in steady state (from the second minute on)
        long rejected = sim.journal().count429();
        List<Long> times = sim.journal().requests().stream().filter(r -> r.status() != 0)
                .map(RecordedRequest::time).map(t -> t.toEpochMilli()).sorted().toList();
        long steadyFrom = start + Math.max(0, Math.min(60_000, end - start - 60_000));
        List<Long> perMinute = new ArrayList<>();
        for (long from = steadyFrom; from + 60_000 <= end; from += 1000) {
            long f = from;
            perMinute.add(times.stream().filter(t -> t >= f && t < f + 60_000).count());
        }
        double meanPerMinute = perMinute.stream().mapToLong(Long::longValue).average().orElse(0);
        long minPerMinute = perMinute.stream().mapToLong(Long::longValue).min().orElse(0);
        long maxPerMinute = perMinute.stream().mapToLong(Long::longValue).max().orElse(0);
        report.add("requests: " + times.size() + ", 429 answers: " + rejected + ", by operation "
                + sim.journal().operationCounts());
        // where a 429 came from: the requests Stora saw in the second and the minute up to it
        sim.journal().requests().stream().filter(r -> r.status() == 429).forEach(r -> {
            long at = r.time().toEpochMilli();
            report.add(String.format("  429 at %.1f s: %d requests in the second up to it, %d in the minute",
                    (at - start) / 1000.0,
                    times.stream().filter(t -> t > at - 1000 && t <= at).count(),
                    times.stream().filter(t -> t > at - 60_000 && t <= at).count()));
        });
        report.add(String.format("minute budget used in steady state (60 s windows from the 2nd minute): mean %.1f/min"
                + " (%.3f of %d), min %d, max %d", meanPerMinute, meanPerMinute / PER_MINUTE, PER_MINUTE, minPerMinute,
                maxPerMinute));

        // polls per tick, the windows of the kills left out (the dead node's tick is retried by Quartz late)
        Map<Long, List<String>> pollsByTick = new TreeMap<>();
        for (List<Object> row : db
                .query("SELECT node, pid, begun_at FROM polls WHERE begun_at < " + end + " ORDER BY begun_at")) {
            long at = ((Number) row.get(2)).longValue();
            pollsByTick.computeIfAbsent(at / ClusterNode.TICK_MILLIS, t -> new ArrayList<>())
                    .add(row.get(0) + ":" + row.get(1));
        }
        long firstTick = pollsByTick.isEmpty() ? 0 : pollsByTick.keySet().iterator().next();
        Map<Long, List<String>> irregular = new TreeMap<>();
        int ticks = 0;
        for (long tick = firstTick; tick < end / ClusterNode.TICK_MILLIS; tick++) {
            long tickAt = tick * ClusterNode.TICK_MILLIS;
            boolean nearKill = kills.stream()
                    .anyMatch(k -> tickAt >= k.at() - ClusterNode.TICK_MILLIS && tickAt <= k.nextPollAt());
            List<String> polls = pollsByTick.getOrDefault(tick, List.of());
            ticks++;
            if (polls.size() != 1 && !nearKill) {
                irregular.put(tick, polls);
            }
        }
        Map<String, Long> pollsByNode = pollsByTick.values().stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(p -> p.substring(0, p.indexOf(':')), TreeMap::new, Collectors.counting()));
        report.add(
                "ticks (" + ClusterNode.CRON + "): " + ticks + ", polls " + pollsByTick.values().stream().mapToInt(List::size)
                        .sum() + " by node " + pollsByNode + ", ticks without exactly one poll (kills aside): " + irregular);

        // records routed by more than one poll: only the page a killed node was routing
        Map<String, List<Long>> pollersByChange = new HashMap<>();
        for (List<Object> row : db.query("SELECT contact_id, version, pid FROM polled ORDER BY at")) {
            pollersByChange.computeIfAbsent(row.get(0) + " v" + row.get(1), k -> new ArrayList<>())
                    .add(((Number) row.get(2)).longValue());
        }
        Map<String, List<Long>> repeated = new TreeMap<>();
        pollersByChange.forEach((change, pids) -> {
            if (pids.size() > 1) {
                repeated.put(change, pids);
            }
        });
        long producedCount = db.query("SELECT count(*) FROM produced WHERE at < " + producedUntil).get(0)
                .get(0) instanceof Number n
                        ? n.longValue()
                        : -1;
        report.add("changes written: " + producedCount + ", polled: " + pollersByChange.size() + ", lost: " + lost.size()
                + (lost.isEmpty() ? "" : " " + lost));
        for (Kill kill : kills) {
            long again = repeated.values().stream().filter(pids -> pids.get(0) == kill.pid()).count();
            report.add(String.format("kill -9 of %s (pid %d, polling): next poll %.1f s later on %s; records routed again: %d"
                    + " (pages of %d: %d)", kill.node(), kill.pid(), (kill.nextPollAt() - kill.at()) / 1000.0,
                    kill.nextPollNode(), again, ClusterNode.PAGE_SIZE,
                    (again + ClusterNode.PAGE_SIZE - 1) / ClusterNode.PAGE_SIZE));
        }

        // webhook events
        Map<String, List<String>> routes = new TreeMap<>();
        for (List<Object> row : db.query("SELECT event_id, node, pid FROM routed_events ORDER BY routed_at")) {
            routes.computeIfAbsent((String) row.get(0), e -> new ArrayList<>()).add(row.get(1) + ":" + row.get(2));
        }
        Map<String, List<String>> twice = new TreeMap<>();
        routes.forEach((event, by) -> {
            if (by.size() > 1) {
                twice.put(event, by);
            }
        });
        report.add("webhook events: " + events + " (10 % delivered twice), attempts by status " + sender.statuses()
                + ", routed: " + routes.size() + ", routed twice: " + twice.size() + " " + twice);
        Files.writeString(REPORT, String.join("\n", report) + "\n", StandardCharsets.UTF_8);
        report.forEach(System.out::println);

        assertEquals(0, rejected, "429 answers");
        assertTrue(meanPerMinute >= 0.95 * PER_MINUTE, "minute budget used " + meanPerMinute + " of " + PER_MINUTE);
        assertEquals(2, kills.size(), "kills of a polling node");
        for (Kill kill : kills) {
            assertTrue(kill.nextPollAt() - kill.at() <= 20_000, kill + ": the next poll more than 20 s later");
            assertTrue(!kill.nextPollNode().equals(kill.node()), kill + ": the next poll on the killed node");
        }
        assertEquals(Map.of(), irregular, "ticks without exactly one poll");
        assertEquals(Set.of(), lost, "changes no poll routed");
        Set<Long> killedPids = kills.stream().map(Kill::pid).collect(Collectors.toSet());
        repeated.forEach((change, pids) -> assertTrue(pids.size() == 2 && killedPids.contains(pids.get(0)),
                change + " routed by the polls of " + pids + ": only a killed node's last page may come again"));
        for (Kill kill : kills) {
            assertTrue(repeated.values().stream().filter(pids -> pids.get(0) == kill.pid()).count() <= ClusterNode.PAGE_SIZE,
                    "more than a page repeated after " + kill);
        }
        assertEquals(events, routes.size(), "webhook events routed");
        assertEquals(Map.of(), sender.exhausted(), "deliveries Stora would give up");
        Set<String> killedNodes = kills.stream().map(k -> k.node() + ":" + k.pid()).collect(Collectors.toSet());
        twice.forEach((event, by) -> assertTrue(by.size() == 2 && killedNodes.contains(by.get(0)),
                event + " routed by " + by + ": twice only where a killed node was routing it"));
    }
}
