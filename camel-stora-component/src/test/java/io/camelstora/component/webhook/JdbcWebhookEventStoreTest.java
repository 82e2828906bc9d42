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
package io.camelstora.component.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.camelstora.component.webhook.StoraWebhookEventStore.Claim;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link JdbcWebhookEventStore} on a real PostgreSQL (the reference) and on H2: each instance stands for a node (its
 * own owner and leases) on the shared table. Leases are measured on a clock the test moves.
 */
class JdbcWebhookEventStoreTest {

    static final String SCOPE = "/stora/webhook";
    final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    final List<JdbcWebhookEventStore> stores = new ArrayList<>();

    static Stream<TestDatabase> databases() {
        return TestDatabase.postgresAndH2();
    }

    @AfterEach
    void stopStores() {
        stores.forEach(JdbcWebhookEventStore::stop);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anEventIsClaimedByOneNodeInProgressForTheOthersAndDoneOnceMarked(TestDatabase db) {
        String table = table();
        JdbcWebhookEventStore a = node(db, table);
        JdbcWebhookEventStore b = node(db, table);

        assertEquals(Claim.CLAIMED, a.claim(SCOPE, "evt_1"));
        assertEquals(Claim.IN_PROGRESS, b.claim(SCOPE, "evt_1"));
        assertEquals(Claim.IN_PROGRESS, a.claim(SCOPE, "evt_1"), "a second delivery on the same node too");
        assertEquals(Claim.CLAIMED, b.claim("/other/path", "evt_1"), "another consumer's scope is separate");

        assertTrue(a.markDone(SCOPE, "evt_1"));
        assertEquals(Claim.DONE, b.claim(SCOPE, "evt_1"));
        assertEquals(Claim.DONE, a.claim(SCOPE, "evt_1"));
        assertEquals(List.of("DONE " + a.getOwner()), rows(db, table, "evt_1"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aReleasedEventIsClaimedAgain(TestDatabase db) {
        String table = table();
        JdbcWebhookEventStore a = node(db, table);
        JdbcWebhookEventStore b = node(db, table);

        assertEquals(Claim.CLAIMED, a.claim(SCOPE, "evt_2"));
        a.release(SCOPE, "evt_2"); // the route failed
        assertEquals(List.of(), rows(db, table, "evt_2"));
        assertEquals(Claim.CLAIMED, b.claim(SCOPE, "evt_2"));
        b.release(SCOPE, "evt_2");
        a.release(SCOPE, "evt_2"); // a's lease is gone: releasing again changes nothing
        assertEquals(Claim.CLAIMED, a.claim(SCOPE, "evt_2"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theLeaseOfANodeThatStoppedRenewingIsTakenOverOnceExpired(TestDatabase db) {
        String table = table();
        JdbcWebhookEventStore dead = node(db, table);
        JdbcWebhookEventStore b = node(db, table);

        assertEquals(Claim.CLAIMED, dead.claim(SCOPE, "evt_3"));
        now.addAndGet(29_000);
        assertEquals(Claim.IN_PROGRESS, b.claim(SCOPE, "evt_3"), "the 30 s lease still holds");
        now.addAndGet(2_000);
        assertEquals(Claim.CLAIMED, b.claim(SCOPE, "evt_3"));
        assertEquals(List.of("IN_PROGRESS " + b.getOwner()), rows(db, table, "evt_3"));

        // the node that lost it cannot mark it nor release it any more
        assertFalse(dead.markDone(SCOPE, "evt_3"));
        dead.release(SCOPE, "evt_3");
        assertEquals(List.of("IN_PROGRESS " + b.getOwner()), rows(db, table, "evt_3"));
        assertTrue(b.markDone(SCOPE, "evt_3"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRenewedLeaseOutlivesItsDurationAndARenewalFindsALostOne(TestDatabase db) {
        String table = table();
        JdbcWebhookEventStore a = node(db, table);
        JdbcWebhookEventStore b = node(db, table);

        assertEquals(Claim.CLAIMED, a.claim(SCOPE, "evt_4"));
        for (int i = 0; i < 5; i++) {
            now.addAndGet(20_000);
            a.renewLeases();
            assertEquals(Claim.IN_PROGRESS, b.claim(SCOPE, "evt_4"), "renewed at " + i);
        }
        now.addAndGet(31_000); // a paused longer than its lease (a GC, the database unreachable)
        assertEquals(Claim.CLAIMED, b.claim(SCOPE, "evt_4"));
        a.renewLeases(); // finds the lease gone and stops renewing it
        assertEquals(List.of("IN_PROGRESS " + b.getOwner()), rows(db, table, "evt_4"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRetryClaimingTheEventRightAfterItsReleaseKeepsItsLeaseRenewed(TestDatabase db) {
        String table = table();
        ControlledDataSource database = new ControlledDataSource(db.dataSource());
        JdbcWebhookEventStore a = node(database.dataSource(), table);
        JdbcWebhookEventStore b = node(db, table);

        assertEquals(Claim.CLAIMED, a.claim(SCOPE, "evt_5"));
        // the route failed; Stora's retry reaches this node in the moment the failed attempt's row is deleted
        List<Claim> retry = new ArrayList<>();
        database.afterStatement("DELETE FROM " + table + " WHERE scope", () -> retry.add(a.claim(SCOPE, "evt_5")));
        a.release(SCOPE, "evt_5");
        assertEquals(List.of(Claim.CLAIMED), retry);

        for (int i = 1; i <= 3; i++) { // the retry's route runs longer than one lease
            now.addAndGet(20_000);
            a.renewLeases();
            assertEquals(Claim.IN_PROGRESS, b.claim(SCOPE, "evt_5"), "the retry's lease is renewed, " + 20 * i + " s on");
        }
        assertTrue(a.markDone(SCOPE, "evt_5"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void eventsDoneAndLeasesExpiredLongerAgoThanRetentionAreDeleted(TestDatabase db) {
        String table = table();
        JdbcWebhookEventStore a = node(db, table);
        JdbcWebhookEventStore dead = node(db, table);

        assertEquals(Claim.CLAIMED, a.claim(SCOPE, "evt_old"));
        assertTrue(a.markDone(SCOPE, "evt_old"));
        // its node died while routing it, and no delivery of it came again
        assertEquals(Claim.CLAIMED, dead.claim(SCOPE, "evt_abandoned"));
        now.addAndGet(Duration.ofDays(29).toMillis());
        assertEquals(Claim.CLAIMED, a.claim(SCOPE, "evt_recent"));
        assertTrue(a.markDone(SCOPE, "evt_recent"));
        now.addAndGet(Duration.ofDays(2).toMillis());
        assertEquals(Claim.CLAIMED, a.claim(SCOPE, "evt_running"));

        a.purgeOldEvents(); // 31 days on; retention is 30 days
        assertEquals(List.of(), rows(db, table, "evt_old"));
        assertEquals(List.of(), rows(db, table, "evt_abandoned"));
        assertEquals(List.of("DONE " + a.getOwner()), rows(db, table, "evt_recent"));
        assertEquals(List.of("IN_PROGRESS " + a.getOwner()), rows(db, table, "evt_running"));
        assertEquals(Claim.CLAIMED, node(db, table).claim(SCOPE, "evt_old"), "older than retention: routed again");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void ofNodesClaimingOneEventAtOnceExactlyOneGetsIt(TestDatabase db) throws Exception {
        String table = table();
        List<JdbcWebhookEventStore> nodes = nodes(db, table, 8);
        for (int round = 0; round < 20; round++) {
            String id = "evt_race_" + round;
            List<Claim> claims = race(nodes, store -> store.claim(SCOPE, id));
            assertEquals(1, claims.stream().filter(c -> c == Claim.CLAIMED).count(), claims.toString());
            assertEquals(7, claims.stream().filter(c -> c == Claim.IN_PROGRESS).count(), claims.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void ofNodesTakingOverOneExpiredLeaseAtOnceExactlyOneGetsIt(TestDatabase db) throws Exception {
        String table = table();
        JdbcWebhookEventStore dead = node(db, table);
        List<JdbcWebhookEventStore> nodes = nodes(db, table, 8);
        for (int round = 0; round < 20; round++) {
            String id = "evt_takeover_" + round;
            assertEquals(Claim.CLAIMED, dead.claim(SCOPE, id));
            now.addAndGet(31_000);
            List<Claim> claims = race(nodes, store -> store.claim(SCOPE, id));
            assertEquals(1, claims.stream().filter(c -> c == Claim.CLAIMED).count(), claims.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void doneIsWrittenBeforeTheLeaseEndsSoARacingDeliverySeesIt(TestDatabase db) throws Exception {
        String table = table();
        JdbcWebhookEventStore a = node(db, table);
        List<JdbcWebhookEventStore> others = nodes(db, table, 3);
        for (int round = 0; round < 30; round++) {
            String id = "evt_order_" + round;
            assertEquals(Claim.CLAIMED, a.claim(SCOPE, id));
            List<Callable<Claim>> calls = new ArrayList<>();
            calls.add(() -> a.markDone(SCOPE, id) ? null : Claim.IN_PROGRESS);
            for (JdbcWebhookEventStore other : others) {
                calls.add(() -> other.claim(SCOPE, id));
            }
            for (Claim claim : runAtOnce(calls)) {
                // before the mark: in progress; after it: done. Never claimed again.
                assertTrue(claim == null || claim == Claim.IN_PROGRESS || claim == Claim.DONE, claim + " in round " + round);
            }
            assertEquals(Claim.DONE, others.get(0).claim(SCOPE, id));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theTableIsCreatedOnceByNodesStartingTogether(TestDatabase db) throws Exception {
        String table = table();
        List<Callable<Claim>> starts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            starts.add(() -> node(db, table).claim(SCOPE, "evt_start_" + UUID.randomUUID()));
        }
        assertEquals(List.of(Claim.CLAIMED, Claim.CLAIMED, Claim.CLAIMED, Claim.CLAIMED), runAtOnce(starts));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void badSettingsAreRefusedNamingTheOption(TestDatabase db) {
        JdbcWebhookEventStore store = new JdbcWebhookEventStore(db.dataSource());
        assertThrows(IllegalArgumentException.class, () -> store.setTableName("events; DROP TABLE x"));
        store.setLeaseDuration(Duration.ofSeconds(10));
        store.setHeartbeatInterval(Duration.ofSeconds(6));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, store::start);
        assertTrue(e.getMessage().contains("leaseDuration") && e.getMessage().contains("heartbeatInterval"), e.getMessage());
        IllegalStateException notStarted = assertThrows(IllegalStateException.class, () -> store.claim(SCOPE, "evt_x"));
        assertTrue(notStarted.getMessage().contains("not started"), notStarted.getMessage());
    }

    private JdbcWebhookEventStore node(TestDatabase db, String table) {
        return node(db.dataSource(), table);
    }

    private JdbcWebhookEventStore node(DataSource dataSource, String table) {
        JdbcWebhookEventStore store = new JdbcWebhookEventStore(dataSource);
        store.setTableName(table);
        store.setClock(now::get);
        synchronized (stores) {
            stores.add(store);
        }
        store.start();
        return store;
    }

    private List<JdbcWebhookEventStore> nodes(TestDatabase db, String table, int count) {
        List<JdbcWebhookEventStore> nodes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            nodes.add(node(db, table));
        }
        return nodes;
    }

    private static String table() {
        return "events_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    interface StoreCall {
        Claim call(JdbcWebhookEventStore store);
    }

    private static List<Claim> race(List<JdbcWebhookEventStore> nodes, StoreCall call) throws Exception {
        List<Callable<Claim>> calls = new ArrayList<>();
        for (JdbcWebhookEventStore node : nodes) {
            calls.add(() -> call.call(node));
        }
        return runAtOnce(calls);
    }

    /** Runs the calls on threads of their own, released together. */
    private static List<Claim> runAtOnce(List<Callable<Claim>> calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Claim>> results = new ArrayList<>();
            for (Callable<Claim> call : calls) {
                results.add(threads.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<Claim> claims = new ArrayList<>();
            for (Future<Claim> result : results) {
                claims.add(result.get());
            }
            return claims;
        } finally {
            threads.shutdownNow();
        }
    }

    /** The rows of an event in {@link #SCOPE}: state and owner. */
    private static List<String> rows(TestDatabase db, String table, String eventId) {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s = c
                        .prepareStatement("SELECT state, lease_owner FROM " + table + " WHERE scope = ? AND event_id = ?")) {
            s.setString(1, SCOPE);
            s.setString(2, eventId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
