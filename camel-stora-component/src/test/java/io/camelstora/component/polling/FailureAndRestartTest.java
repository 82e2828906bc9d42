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

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.camelstora.component.StoraConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cursor moves only past records whose exchanges completed, and survives a restart with the files it keeps. */
class FailureAndRestartTest extends PollingTestSupport {

    @Test
    void aFailingRouteDoesNotAdvanceTheCursorAndTheRecordComesAgain() throws Exception {
        FakeLists.FakeList contacts = LISTS.list("contacts", "contacts", CREATED_AND_UPDATED, true);
        contacts.create("c1", 1).create("c2", 2).create("c3", 3).create("c4", 4).create("c5", 5);
        MemoryStateRepository state = new MemoryStateRepository();
        context.getRegistry().bind("cursors", state);
        Attempts attempts = routeFailingOn(poll("contacts/list?stateRepository=#cursors&overlap=0"), "c3");
        MockEndpoint mock = getMockEndpoint("mock:records");

        expect(mock, 2);
        polls.awaitMore(3);
        assertEquals(List.of("c1@1", "c2@2"), received(mock), "nothing after the failed c3 is sent");
        assertEquals("{\"cursor\":\"" + FakeLists.at(2) + "\"}", state.getState("stora.contacts"), "cursor stays at c2");
        assertTrue(attempts.of("c3") >= 2, "c3 is polled again after its failure: " + attempts);
        assertEquals(0, attempts.of("c4") + attempts.of("c5"), attempts.toString());

        mock.reset(); // first: the next poll may send the records as soon as the route stops failing
        attempts.failing.set(false);
        expect(mock, 3);
        assertEquals(List.of("c3@3", "c4@4", "c5@5"), received(mock));
        polls.awaitMore(2);
        assertEquals(3, mock.getReceivedCounter());
        assertEquals("{\"cursor\":\"" + FakeLists.at(5) + "\"}", state.getState("stora.contacts"));
        assertEquals(1, attempts.of("c1"), "records before the failure are not sent again");
    }

    @Test
    void aFailureInTheMiddleOfAScanResumesAtTheFailedRecord() throws Exception {
        // units sort by created_at only: the scan position, not the cursor, holds the progress
        FakeLists.FakeList units = LISTS.list("units", "units", CREATED_ONLY, true);
        units.create("u1", 1, 8).create("u2", 2).create("u3", 3).create("u4", 4).create("u5", 5);
        MemoryStateRepository state = new MemoryStateRepository();
        context.getRegistry().bind("cursors", state);
        Attempts attempts = routeFailingOn(poll("units/list?stateRepository=#cursors&pageSize=2"), "u3");
        MockEndpoint mock = getMockEndpoint("mock:records");

        expect(mock, 2);
        polls.awaitMore(3);
        assertEquals(List.of("u1@8", "u2@2"), received(mock));
        assertEquals("{\"newest\":\"" + FakeLists.at(8) + "\",\"scanStart\":\"" + FakeLists.at(9) + "\",\"scanAfter\":\""
                + FakeLists.at(2) + "\"}", state.getState("stora.units"), "the scan stays after u2, its start kept");
        assertTrue(attempts.of("u3") >= 2, attempts.toString());

        mock.reset(); // first: the next poll may send the records as soon as the route stops failing
        attempts.failing.set(false);
        expect(mock, 3);
        assertEquals(List.of("u3@3", "u4@4", "u5@5"), received(mock));
        polls.awaitMore(2);
        assertEquals(3, mock.getReceivedCounter());
        assertEquals(1, attempts.of("u1"), "records before the failure are not sent again");
        assertEquals("{\"cursor\":\"" + FakeLists.at(9) + "\",\"newest\":\"" + FakeLists.at(8) + "\"}",
                state.getState("stora.units"), "the finished scan moves the cursor to the server time it began");
    }

    @Test
    void aRestartBetweenPollsLosesAndRepeatsNothing() throws Exception {
        FakeLists.FakeList contacts = LISTS.list("contacts", "contacts", CREATED_AND_UPDATED, true);
        contacts.create("c1", 1).create("c2", 2).create("c3", 2);
        // overlap covers every record: only the .seen file tells the second context what the first one sent
        String uri = poll("contacts/list?overlap=1h");

        List<String> first = runUntil(uri, 3);
        assertEquals(List.of("c1@1", "c2@2", "c3@2"), first);

        // while nothing runs: a new record, an update, and a record of an already read second arriving late
        LISTS.atomically(() -> contacts.create("c4", 6).update("c1", 7).create("c5", 2, 2));

        List<String> second = runUntil(uri, 3);
        assertEquals(List.of("c5@2", "c4@6", "c1@7"), second);
        assertTrue(new java.io.File(stateDirectory, "stora.contacts.state").isFile());
        assertTrue(new java.io.File(stateDirectory, "stora.contacts.seen").isFile());
    }

    /**
     * Starts a CamelContext of its own polling {@code uri}, waits for {@code expected} records and two more polls
     * (which must send nothing), stops it and returns what it received.
     */
    private List<String> runUntil(String uri, int expected) throws Exception {
        PollWatcher watcher = new PollWatcher();
        CamelContext camel = new DefaultCamelContext();
        configure(camel);
        camel.getRegistry().bind("polls", watcher);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).to("mock:records");
            }
        });
        camel.start();
        try {
            MockEndpoint mock = camel.getEndpoint("mock:records", MockEndpoint.class);
            expect(mock, expected);
            watcher.awaitMore(2);
            assertEquals(expected, mock.getReceivedCounter(), "nothing repeated: " + received(mock));
            return received(mock);
        } finally {
            camel.stop();
        }
    }

    /** Adds route "poll" from {@code uri}: it notes every record it is given and fails on {@code failingId} while failing. */
    private Attempts routeFailingOn(String uri, String failingId) throws Exception {
        Attempts attempts = new Attempts();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("poll")
                        .process(e -> {
                            String id = e.getMessage().getHeader(StoraConstants.POLL_RECORD_ID, String.class);
                            attempts.ids.add(id);
                            if (attempts.failing.get() && id.equals(failingId)) {
                                throw new IllegalStateException("downstream system unavailable");
                            }
                        })
                        .to("mock:records");
            }
        });
        return attempts;
    }

    /** The records a route was given, in order, and whether it fails (read by the polling thread). */
    private static final class Attempts {
        final List<String> ids = Collections.synchronizedList(new ArrayList<>());
        final AtomicBoolean failing = new AtomicBoolean(true);

        long of(String id) {
            return ids.stream().filter(id::equals).count();
        }

        @Override
        public String toString() {
            return ids.toString();
        }
    }
}
