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
package io.camelstora.component.polling;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.camelstora.component.StoraComponent;
import io.camelstora.component.StoraConfiguration;
import io.camelstora.component.StoraConstants;
import io.camelstora.simulator.RecordedRequest;
import io.camelstora.simulator.Seed;
import io.camelstora.simulator.StoraSimulator;
import io.camelstora.simulator.StoraSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * docs/several-nodes.md, "Polling: one node at a time": two nodes (two CamelContexts) poll the same list of one
 * simulator, one at a time, elected over camel-file's {@link FileLockClusterService}, in both ways the page shows (a
 * {@link ClusteredRoutePolicy} on the route, or the consumer's URI inside {@code master:}), and share the component's
 * {@code stateRepository} and {@code idempotentRepository} (or, in one case, the default files in one state directory, as
 * on a disk both nodes mount). When the leader stops, the other node takes over from the saved cursor: every change
 * arrives once across both nodes.
 */
class SeveralNodesPollingTest {

    static final String NAMESPACE = "stora-contacts";

    @RegisterExtension
    static StoraSimulatorExtension stora = StoraSimulatorExtension.builder()
            .simulator(b -> b.seed(Seed.EMPTY).rateLimitDisabled())
            .build();

    @TempDir
    Path clusterRoot;

    final List<CamelContext> contexts = new ArrayList<>();

    // In production these are stores every node reaches (a database table, Redis...). The two nodes of this test live in
    // one JVM, so the cursors are one MemoryStateRepository instance; the seen keys are a JdbcMessageIdRepository per node
    // over one database, as two JVMs would have them.
    final StateRepository<String, String> sharedCursors = new MemoryStateRepository();
    final DataSource sharedDatabase = h2("polling-" + UUID.randomUUID());

    @AfterEach
    void stopContexts() {
        contexts.forEach(CamelContext::stop);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({
            "ClusteredRoutePolicy, shared repositories",
            "master,               shared repositories",
            // the default files hand over as well when the disk is shared: a consumer reads them when it starts, which
            // is when its node becomes the leader (the page prefers a database, and says why)
            "ClusteredRoutePolicy, files on a shared disk"
    })
    void theFollowerTakesOverFromTheLeadersCursorAndEveryChangeArrivesOnce(String election, String state, StoraSimulator sim)
            throws Exception {
        boolean files = state.startsWith("files");
        CamelContext apiClient = context();
        apiClient.start();
        ProducerTemplate api = apiClient.createProducerTemplate();
        String c1 = create(api, "one@example.com");
        sim.clock().advance(Duration.ofSeconds(1));
        String c2 = create(api, "two@example.com");
        String c3 = create(api, "three@example.com");

        // node A starts alone and becomes the leader: it reads every existing contact (initialSync=all)
        Node a = startNode("node-a", election, files, 3);
        a.awaitExpected();
        assertEquals(List.of(c1, c2, c3), ids(a.records));
        a.polls.awaitMore(2);

        // node B joins: it is not the leader, so its consumer does not run; a change polled meanwhile goes to A only
        Node b = startNode("node-b", election, files, 2);
        sim.clock().advance(Duration.ofSeconds(2));
        String c4 = create(api, "four@example.com");
        // the second of two polls finishing from now began after the change: A has sent it before the test looks
        a.polls.awaitMore(2);
        assertEquals(List.of(c1, c2, c3, c4), ids(a.records));
        assertEquals(0, b.polls.completed(), "the follower does not poll");
        List<String> sentByA = received(a.records);
        String updatedAtOfC4 = a.records.getReceivedExchanges().get(3).getMessage()
                .getHeader(StoraConstants.POLL_RECORD_UPDATED_AT, String.class);
        if (!files) {
            assertEquals("{\"cursor\":\"" + Instant.parse(updatedAtOfC4) + "\"}", sharedCursors.getState("stora.contacts"),
                    "A's cursor, at its newest record, is in the shared repository");
        }

        // node A shuts down (its lock is released); changes made meanwhile are for the next leader
        a.context.stop();
        sim.clock().advance(Duration.ofSeconds(3));
        api.requestBodyAndHeader("stora:contacts/update", Map.of("full_name", "Jane One"), StoraConstants.CONTACT_ID, c1);
        String c5 = create(api, "five@example.com");

        // node B becomes the leader and sends only what changed after A's cursor: A's records are within the overlap
        // (60 s) of B's first window, and the shared seen keys keep them from being sent again
        b.awaitExpected();
        b.polls.awaitMore(2);
        List<String> sentByB = received(b.records);
        assertEquals(List.of(c1 + "@Jane One", c5 + "@"), sentByB);
        assertEquals(2, b.records.getReceivedCounter(), "nothing more after two further polls");

        // every created or updated version arrived exactly once across both nodes
        List<String> all = new ArrayList<>(sentByA);
        all.addAll(sentByB);
        assertEquals(List.of(c1 + "@", c2 + "@", c3 + "@", c4 + "@", c1 + "@Jane One", c5 + "@"), all);
        assertEquals(all.size(), new HashSet<>(all).size());

        // B continued from A's cursor: only A's very first poll read the list from the beginning; every later request,
        // B's first included, asked for the records updated after the saved cursor (less the overlap)
        List<RecordedRequest> lists = sim.journal().requests("contacts/list");
        List<RecordedRequest> fullReads = lists.stream().filter(r -> !r.query().contains("updated_after=")).toList();
        assertEquals(1, fullReads.size(), "one full read, by A at its start: " + fullReads);
        assertEquals(lists.get(0), fullReads.get(0));
    }

    /** A node: its CamelContext, what its polling route received and its finished polls. */
    private record Node(CamelContext context, MockEndpoint records, PollWatcher polls) {

        /** Waits, for up to a minute (the build machine is shared), until the records expected at the start arrived. */
        void awaitExpected() throws InterruptedException {
            records.setResultWaitTime(60_000);
            records.assertIsSatisfied();
        }
    }

    /** Starts a node whose route is to receive {@code expectedRecords} in all, expected before anything can arrive. */
    private Node startNode(String name, String election, boolean files, int expectedRecords) throws Exception {
        CamelContext context = context();
        StoraConfiguration shared = context.getComponent("stora", StoraComponent.class).getConfiguration();
        if (files) {
            shared.setStateDirectory(clusterRoot.resolve("stora-state").toString());
        } else {
            shared.setStateRepository(sharedCursors);
            shared.setIdempotentRepository(new JdbcMessageIdRepository(sharedDatabase, "stora-polling"));
        }

        // leader election over a lock file in a directory both nodes see; checked every 50 ms instead of 10 s
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(name);
        cluster.setRoot(clusterRoot.toString());
        cluster.setAcquireLockDelay(10, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(50, TimeUnit.MILLISECONDS);
        context.addService(cluster);

        PollWatcher polls = new PollWatcher();
        context.getRegistry().bind("polls", polls);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                // as in the docs, with a poll every 10 ms instead of 5 minutes
                String uri = "stora:contacts/list?initialSync=all&initialDelay=0&delay=10&pollStrategy=#polls";
                if (election.equals("master")) {
                    from("master:" + NAMESPACE + ":" + uri).routeId("contacts").to("mock:records");
                } else {
                    from(uri).routeId("contacts")
                            .routePolicy(ClusteredRoutePolicy.forNamespace(getContext(), NAMESPACE))
                            .to("mock:records");
                }
            }
        });
        MockEndpoint records = context.getEndpoint("mock:records", MockEndpoint.class);
        records.expectedMessageCount(expectedRecords);
        context.start();
        return new Node(context, records, polls);
    }

    /** A CamelContext whose stora component talks to the simulator without the client-side rate limiter. */
    private CamelContext context() {
        CamelContext context = new DefaultCamelContext();
        contexts.add(context);
        stora.configure(context);
        // polls every 10 ms would spend the account's 60 requests a minute in seconds and then wait for the window
        context.getComponent("stora", StoraComponent.class).setThrottle(false);
        return context;
    }

    private static DataSource h2(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    private static String create(ProducerTemplate api, String email) {
        return api.requestBody("stora:contacts/create", Map.of("email", email), Map.class).get("id").toString();
    }

    private static List<String> ids(MockEndpoint mock) {
        return mock.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader(StoraConstants.POLL_RECORD_ID, String.class)).toList();
    }

    /** Each record received as {@code id@full_name}, the name empty when not set. */
    private static List<String> received(MockEndpoint mock) {
        return mock.getReceivedExchanges().stream().map(e -> {
            Object name = e.getMessage().getBody(Map.class).get("full_name");
            return e.getMessage().getHeader(StoraConstants.POLL_RECORD_ID, String.class) + "@" + (name == null ? "" : name);
        }).toList();
    }
}
