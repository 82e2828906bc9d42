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
package io.camelstora.component.shared;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelstora.component.EmbeddedPostgreSql;
import io.camelstora.component.StoraComponent;
import io.camelstora.component.StoraConstants;
import io.camelstora.component.StoraEndpoint;
import io.camelstora.component.internal.shared.QuartzCluster;
import io.camelstora.component.state.JdbcStateRepository;
import io.camelstora.component.webhook.JdbcWebhookEventStore;
import io.camelstora.simulator.ResourceKind;
import io.camelstora.simulator.Seed;
import io.camelstora.simulator.StoraSimulator;
import io.camelstora.simulator.WebhookDelivery;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.test.AvailablePortFinder;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quartz.Scheduler;
import org.quartz.impl.SchedulerRepository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dataSource option, in one JVM (camel-stora-it runs nodes as processes and kills them with kill -9), on H2 and on
 * a database of its own on the embedded PostgreSQL: the tables are created on the first start, each shared thing lands
 * in its table (cursor and seen keys after a poll, the secret
 * and the event after a webhook, the rotated refresh token after a refresh, the bucket after rate-limited calls on
 * PostgreSQL), explicit options win, and the quartz component becomes a clustered JDBC scheduler on the same database
 * that fires each tick on one node.
 */
class OneDataSourceTest {

    private static final String EVERY_SECOND = "0/1+*+*+*+*+?";
    private static final List<String> TABLES = List.of(JdbcStateRepository.DEFAULT_TABLE, "stora_poll_seen",
            JdbcWebhookEventStore.DEFAULT_TABLE_NAME, "stora_webhook_secrets", "stora_token_store", "QRTZ_LOCKS",
            "QRTZ_TRIGGERS");

    private final List<CamelContext> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(CamelContext::stop);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void theTablesAreCreatedOnFirstStartAndAQuartzScheduledPollKeepsItsStateThere(String database) throws Exception {
        DataSource db = database(database);
        try (StoraSimulator sim = StoraSimulator.builder().seed(Seed.SMALL).rateLimitDisabled().start()) {
            int contacts = sim.control().count(ResourceKind.CONTACT);
            List<Object> received = new CopyOnWriteArrayList<>();
            CamelContext node = node("app", sim, db,
                    poller("stora:contacts/list?scheduler=quartz&scheduler.cron=" + EVERY_SECOND,
                            received));
            for (String table : TABLES) {
                assertTrue(exists(db, table), table + " created");
            }
            await(() -> received.size() >= contacts, () -> received.size() + " of " + contacts);
            QuartzComponent quartz = node.getComponent("quartz", QuartzComponent.class);
            assertTrue(quartz.getScheduler().getMetaData().isJobStoreClustered(), "Quartz runs clustered");
            assertEquals(1, count(db, "SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'stora.contacts'"),
                    "one trigger per list, named after its state key, whatever node scheduled it");
            assertTrue(new JdbcStateRepository(db).getState("stora.contacts").contains("cursor"));
            assertTrue(count(db, "SELECT COUNT(*) FROM stora_poll_seen WHERE seen_key LIKE 'stora.contacts|%'") > 0,
                    "the seen keys within the overlap");
            node.stop();
            assertEquals(0, count(db, "SELECT COUNT(*) FROM QRTZ_FIRED_TRIGGERS"),
                    "the node that stopped handed back the trigger of the tick it had taken");

            // a restarted node continues from the database: nothing comes twice
            List<Object> again = new CopyOnWriteArrayList<>();
            CamelContext restarted = node("app", sim, db,
                    poller("stora:contacts/list?scheduler=quartz&scheduler.cron=" + EVERY_SECOND, again));
            ScheduledPollConsumer consumer = (ScheduledPollConsumer) restarted.getRoute("contacts").getConsumer();
            await(() -> consumer.getCounter() >= 2, () -> "2 polls, " + consumer.getCounter() + " so far");
            assertEquals(List.of(), again);
        }
    }

    /**
     * Two nodes (CamelContexts named alike, as camel-main names them camel-1 on every node) on one database: each tick
     * of a quartz: route fires on one node, the pollers of one list poll once per tick between them, and when a node
     * leaves the other keeps firing.
     */
    @Test
    void aTickFiresOnOneNodeOfTheCluster() throws Exception {
        DataSource db = h2();
        try (StoraSimulator sim = StoraSimulator.builder().seed(Seed.SMALL).rateLimitDisabled().start()) {
            List<String> firedOnA = new CopyOnWriteArrayList<>();
            List<String> firedOnB = new CopyOnWriteArrayList<>();
            CamelContext a = node("app", sim, db, clusteredRoutes(firedOnA));
            // Quartz keeps one scheduler per name in a JVM; two JVMs would each have their own: so does node B
            SchedulerRepository.getInstance().remove(QuartzCluster.SCHEDULER_NAME + "-app");
            CamelContext b = node("app", sim, db, clusteredRoutes(firedOnB));
            assertTrue(b.getComponent("quartz", QuartzComponent.class).getScheduler() != a
                    .getComponent("quartz", QuartzComponent.class).getScheduler(), "two schedulers, as in two JVMs");

            ScheduledPollConsumer pollerA = (ScheduledPollConsumer) a.getRoute("contacts").getConsumer();
            ScheduledPollConsumer pollerB = (ScheduledPollConsumer) b.getRoute("contacts").getConsumer();
            long pollsBefore = pollerA.getCounter() + pollerB.getCounter();
            int firedBefore = firedOnA.size() + firedOnB.size();
            long start = System.nanoTime();
            Thread.sleep(6000);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            long polls = pollerA.getCounter() + pollerB.getCounter() - pollsBefore;
            int fired = firedOnA.size() + firedOnB.size() - firedBefore;
            // a tick on each node would double these
            assertTrue(polls >= seconds - 1 && polls <= seconds + 1, polls + " polls in " + seconds + " s");
            assertTrue(fired >= seconds - 1 && fired <= seconds + 1, fired + " fires in " + seconds + " s");
            List<String> all = new ArrayList<>(firedOnA);
            all.addAll(firedOnB);
            assertEquals(all.size(), new HashSet<>(all).size(), "each scheduled fire time once: " + all);

            // node A leaves (a clean stop; camel-stora-it kills nodes with kill -9): B fires the ticks that follow, a
            // trigger A had acquired for its next tick once B's check-in declares A gone (Quartz releases none on
            // shutdown), as after a crash
            a.stop();
            int onB = firedOnB.size();
            await(() -> firedOnB.size() >= onB + 3, () -> "B fired " + (firedOnB.size() - onB) + " times");
        }
    }

    /**
     * Nodes started together (the replicas of a deployment) each look for the poll's trigger, and the ones that found
     * none store it: all but the first fail to. Node B here looks before node A's trigger is visible to it (a Quartz
     * scheduler answering its first look with nothing) and still starts, on A's trigger.
     */
    @Test
    void aNodeThatLookedForThePollsTriggerBeforeAnotherStoredItStarts() throws Exception {
        DataSource db = h2();
        try (StoraSimulator sim = StoraSimulator.builder().seed(Seed.SMALL).rateLimitDisabled().start()) {
            String uri = "stora:contacts/list?scheduler=quartz&scheduler.cron=" + EVERY_SECOND;
            CamelContext a = node("app", sim, db, poller(uri, new CopyOnWriteArrayList<>()));
            CamelContext b = new DefaultCamelContext();
            configure(b, "app", sim, db);
            AtomicBoolean looked = new AtomicBoolean();
            // else the quartz component would take the Scheduler bean below for its own (its scheduler is autowired)
            b.getComponent("quartz", QuartzComponent.class).setAutowiredEnabled(false);
            b.getRegistry().bind("lookingTooEarly", Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{Scheduler.class}, (proxy, method, args) -> {
                        if (method.getDeclaringClass() == Object.class) {
                            return switch (method.getName()) {
                                case "equals" -> proxy == args[0];
                                case "hashCode" -> System.identityHashCode(proxy);
                                default -> "lookingTooEarly";
                            };
                        }
                        if (method.getName().equals("getTrigger") && !looked.getAndSet(true)) {
                            return null;
                        }
                        try {
                            return method.invoke(b.getComponent("quartz", QuartzComponent.class).getScheduler(), args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }));
            b.addRoutes(poller(uri + "&scheduler.quartzScheduler=#lookingTooEarly", new CopyOnWriteArrayList<>()));
            start(b);
            assertTrue(looked.get(), "B looked for the trigger");
            assertTrue(b.getRouteController().getRouteStatus("contacts").isStarted());
            assertEquals(1, count(db, "SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'stora.contacts'"));
            assertTrue(a.getRouteController().getRouteStatus("contacts").isStarted());
        }
    }

    @Test
    void aQuartzComponentConfiguredByTheApplicationIsLeftAsItIs() throws Exception {
        DataSource db = h2();
        try (StoraSimulator sim = StoraSimulator.builder().seed(Seed.SMALL).rateLimitDisabled().start()) {
            CamelContext node = new DefaultCamelContext();
            Properties ramJobStore = new Properties();
            ramJobStore.setProperty("org.quartz.scheduler.instanceName", "own-" + UUID.randomUUID());
            ramJobStore.setProperty("org.quartz.threadPool.threadCount", "1");
            node.getComponent("quartz", QuartzComponent.class).setProperties(ramJobStore);
            configure(node, "own", sim, db);
            node.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("quartz:stora/report?cron=" + EVERY_SECOND).log("report");
                }
            });
            start(node);
            assertFalse(node.getComponent("quartz", QuartzComponent.class).getScheduler().getMetaData().isJobStoreClustered());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aWebhookKeepsItsSecretAndItsEventsInTheDatabase(String database) throws Exception {
        DataSource db = database(database);
        try (StoraSimulator sim = StoraSimulator.builder().seed(Seed.SMALL).rateLimitDisabled().webhookTimeScale(0.001)
                .webhookTimeout(Duration.ofSeconds(5)).start()) {
            int port = AvailablePortFinder.getNextAvailable();
            List<String> routed = new CopyOnWriteArrayList<>();
            CamelContext node = new DefaultCamelContext();
            VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
            server.setBindPort(port);
            node.addService(new VertxPlatformHttpServer(server));
            configure(node, "app", sim, db);
            node.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("stora:webhook?autoRegister=true&allowHttp=true&publicUrl=http://localhost:" + port
                            + "/stora/webhook&eventTypes=unit.*")
                            .process(e -> routed.add(e.getIn().getHeader(StoraConstants.WEBHOOK_EVENT_ID, String.class)));
                }
            });
            start(node);
            assertEquals(1, count(db, "SELECT COUNT(*) FROM stora_webhook_secrets"), "the secret Stora returned");

            String unit = (String) ((Map<?, ?>) node.createProducerTemplate()
                    .requestBody("stora:units/list?limit=1", null, List.class).get(0)).get("id");
            sim.control().emit("unit.updated", unit);
            WebhookDelivery delivery = sim.webhooks().awaitCompleted(1, Duration.ofSeconds(20)).get(0);
            assertEquals(WebhookDelivery.Status.SUCCEEDED, delivery.status(), delivery.toString());
            String eventId = sim.webhooks().events("unit.updated").get(0).id();
            assertEquals(List.of(eventId), routed);
            assertEquals(1, count(db, "SELECT COUNT(*) FROM STORA_WEBHOOK_EVENTS WHERE event_id = '" + eventId
                    + "' AND state = 'DONE'"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void theRotatedRefreshTokenIsKeptInTheDatabaseAndANodeStartedWithoutOneUsesIt(String database) throws Exception {
        DataSource db = database(database);
        try (StoraSimulator sim = StoraSimulator.builder().seed(Seed.SMALL).rateLimitDisabled().start()) {
            sim.registerOAuthClient("partner-app", "partner-secret", Set.of("public.site:read"));
            String first = firstRefreshToken(sim, "partner-app", "partner-secret");

            CamelContext a = new DefaultCamelContext();
            configureOAuth(a, sim, db, first);
            start(a);
            assertNull(a.createProducerTemplate().request("stora:sites/list", e -> {
            }).getException());
            String key = "stora|" + sim.baseUrl() + "|partner-app";
            String rotated = refreshTokenIn(db, key);
            assertNotEquals(first, rotated, "the token Stora returned on refresh replaced the first one");

            // node B has the client but no refresh token: it refreshes with the one node A saved
            CamelContext b = new DefaultCamelContext();
            configureOAuth(b, sim, db, null);
            start(b);
            assertNull(b.createProducerTemplate().request("stora:sites/list", e -> {
            }).getException());
            assertNotEquals(rotated, refreshTokenIn(db, key));
            assertEquals(1, count(db, "SELECT COUNT(*) FROM stora_token_store"));
        }
    }

    @Test
    void explicitOptionsWinOverTheDataSource() throws Exception {
        DataSource db = h2();
        try (StoraSimulator sim = StoraSimulator.builder().seed(Seed.SMALL).rateLimitDisabled().start()) {
            int contacts = sim.control().count(ResourceKind.CONTACT);
            MemoryStateRepository cursors = new MemoryStateRepository();
            List<Object> received = new CopyOnWriteArrayList<>();
            CamelContext node = new DefaultCamelContext();
            configure(node, "app", sim, db);
            node.getComponent("stora", StoraComponent.class).getConfiguration().setStateRepository(cursors);
            node.addRoutes(poller("stora:contacts/list?delay=500", received));
            start(node);
            await(() -> received.size() >= contacts, () -> received.size() + " of " + contacts);
            await(() -> cursors.getState("stora.contacts") != null, () -> "a cursor in the explicit repository");
            assertNull(new JdbcStateRepository(db).getState("stora.contacts"), "no cursor in the table");
            assertTrue(count(db, "SELECT COUNT(*) FROM stora_poll_seen") > 0, "the seen keys, not set, in the table");

            // webhook endpoints keep their events in the table, unless the application gave the component its own
            // idempotentRepository, which keeps their done marks as it does without a dataSource
            assertTrue(node.getEndpoint("stora:webhook?secret=s1", StoraEndpoint.class).getWebhookOptions()
                    .getEventStore() instanceof JdbcWebhookEventStore);
            CamelContext own = new DefaultCamelContext();
            configure(own, "own", sim, db);
            own.getComponent("stora", StoraComponent.class).getConfiguration()
                    .setIdempotentRepository(MemoryIdempotentRepository.memoryIdempotentRepository(100));
            start(own);
            assertNull(own.getEndpoint("stora:webhook?secret=s1", StoraEndpoint.class).getWebhookOptions().getEventStore());

            // a CamelContext stopped and started again polls on the same stores: nothing comes twice
            node.stop();
            node.start();
            ScheduledPollConsumer consumer = (ScheduledPollConsumer) node.getRoute("contacts").getConsumer();
            long polls = consumer.getCounter();
            await(() -> consumer.getCounter() >= polls + 2, () -> "2 polls after the restart");
            assertEquals(contacts, received.size());
        }
    }

    @Test
    void onPostgreSqlNodesShareTheAccountsRateLimitBudget() throws Exception {
        EmbeddedPostgreSql.execute("DROP TABLE IF EXISTS stora_rate_limit");
        try (StoraSimulator sim = StoraSimulator.builder().seed(Seed.SMALL).rateLimit(10, 60).start()) {
            CamelContext a = node("app", sim, EmbeddedPostgreSql.newDataSource(), null);
            CamelContext b = node("app", sim, EmbeddedPostgreSql.newDataSource(), null);
            List<CompletableFuture<Exchange>> calls = new ArrayList<>();
            try (ProducerTemplate onA = a.createProducerTemplate(); ProducerTemplate onB = b.createProducerTemplate()) {
                // the shared bucket hands out its minute's budget evenly (Bucket4jRequestLimiter): about a second each
                for (int i = 0; i < 5; i++) {
                    calls.add(onA.asyncSend("stora:sites/list", e -> e.getIn().setBody(null)));
                    calls.add(onB.asyncSend("stora:sites/list", e -> e.getIn().setBody(null)));
                }
                CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            }
            for (CompletableFuture<Exchange> call : calls) {
                assertNull(call.get().getException());
            }
            assertEquals(0, sim.journal().count429(), "two nodes at the full budget, one bucket: no 429");
            assertEquals(1, count(EmbeddedPostgreSql.newDataSource(), "SELECT COUNT(*) FROM stora_rate_limit"),
                    "one bucket for the account");
        }
    }

    /** An empty database: H2 in memory, or one of its own on the embedded PostgreSQL. */
    private static DataSource database(String product) {
        return product.equals("H2") ? h2() : EmbeddedPostgreSql.newDatabase();
    }

    private static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:one-datasource-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    /** A node of the application {@code name}: its routes, the stora component on the simulator and {@code db}. */
    private CamelContext node(String name, StoraSimulator sim, DataSource db, RouteBuilder routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        configure(context, name, sim, db);
        if (routes != null) {
            context.addRoutes(routes);
        }
        return start(context);
    }

    private static void configure(CamelContext context, String name, StoraSimulator sim, DataSource db) {
        context.getCamelContextExtension().setName(name);
        StoraComponent stora = context.getComponent("stora", StoraComponent.class);
        stora.getConfiguration().setBaseUrl(sim.baseUrl());
        stora.getConfiguration().setAccessToken(sim.accessToken());
        stora.setDataSource(db);
    }

    private void configureOAuth(CamelContext context, StoraSimulator sim, DataSource db, String refreshToken) {
        StoraComponent stora = context.getComponent("stora", StoraComponent.class);
        stora.getConfiguration().setBaseUrl(sim.baseUrl());
        stora.getConfiguration().setClientId("partner-app");
        stora.getConfiguration().setClientSecret("partner-secret");
        stora.getConfiguration().setRefreshToken(refreshToken);
        stora.setDataSource(db);
    }

    private CamelContext start(CamelContext context) {
        nodes.add(context);
        context.start();
        return context;
    }

    private static RouteBuilder poller(String uri, List<Object> received) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("contacts").process(e -> received.add(e.getMessage().getBody(Map.class).get("id")));
            }
        };
    }

    /** The nightly report of the examples, every second, and a poller on the quartz scheduler. */
    private static RouteBuilder clusteredRoutes(List<String> fired) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("quartz:stora/report?cron=" + EVERY_SECOND).routeId("report")
                        .process(e -> fired.add(e.getIn().getHeader("scheduledFireTime").toString()));
                from("stora:contacts/list?scheduler=quartz&scheduler.cron=" + EVERY_SECOND).routeId("contacts")
                        .log("${body[id]}");
            }
        };
    }

    /** The first refresh token of an operator's authorization, as the authorize redirect and code exchange give it. */
    private static String firstRefreshToken(StoraSimulator sim, String clientId, String secret) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String redirect = "http://localhost/callback";
        HttpResponse<Void> authorized = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl()
                + "/oauth2/authorize?response_type=code&client_id=" + clientId + "&redirect_uri=" + encode(redirect)))
                .build(), HttpResponse.BodyHandlers.discarding());
        String location = authorized.headers().firstValue("Location").orElseThrow();
        String code = location.substring(location.indexOf("code=") + 5).split("&")[0];
        String form = "grant_type=authorization_code&code=" + code + "&redirect_uri=" + encode(redirect) + "&client_id="
                + clientId + "&client_secret=" + secret;
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, token.statusCode(), token.body());
        return new ObjectMapper().readTree(token.body()).path("refresh_token").asText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String refreshTokenIn(DataSource db, String key) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT refresh_token FROM stora_token_store WHERE token_key = '" + key + "'")) {
            assertTrue(rs.next(), "a row for " + key);
            return rs.getString(1);
        }
    }

    private static boolean exists(DataSource db, String table) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static long count(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what);
            Thread.sleep(20);
        }
    }
}
