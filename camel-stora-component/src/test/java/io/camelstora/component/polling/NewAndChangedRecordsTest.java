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

import java.io.File;
import java.util.List;
import java.util.Map;

import io.camelstora.component.StoraConstants;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Records created and updated between polls arrive once each, oldest first, whatever order the list is read in. */
class NewAndChangedRecordsTest extends PollingTestSupport {

    @Test
    void recordsCreatedAndUpdatedBetweenPollsArriveOnceInUpdateOrder() throws Exception {
        // contacts sort by updated_at: keyset paging; three records share second 2, more than a page of 2
        FakeLists.FakeList contacts = LISTS.list("contacts", "contacts", CREATED_AND_UPDATED, true);
        contacts.create("c1", 1).create("c2", 2).create("c3", 2).create("c4", 2).create("c5", 5);
        MockEndpoint mock = route(poll("contacts/list?pageSize=2&overlap=2s"));

        expect(mock, 5);
        assertEquals(List.of("c1@1", "c2@2", "c3@2", "c4@2", "c5@5"), received(mock));
        polls.awaitMore(2);
        assertEquals(5, mock.getReceivedCounter(), "nothing repeated: " + received(mock));

        // reset before changing the list: the next poll, 10 ms away, may send the changes before the test looks
        mock.reset();
        LISTS.atomically(() -> contacts
                .create("c6", 10)
                .update("c2", 11)
                .create("c8", 11)
                .create("c7", 4, 4)); // committed late: older than the cursor (5) but inside the 2 s overlap
        expect(mock, 4);
        assertEquals(List.of("c7@4", "c6@10", "c2@11", "c8@11"), received(mock));

        int before = LISTS.requestCount();
        polls.awaitMore(2);
        assertEquals(4, mock.getReceivedCounter(), "nothing repeated: " + received(mock));

        // every request ordered by updated_at ascending, 2 a page; idle polls read only the overlap window
        List<Map<String, String>> requests = LISTS.requests();
        for (Map<String, String> q : requests) {
            assertEquals("updated_at", q.get("sort_by"), q.toString());
            assertEquals("ASC", q.get("sort_direction"), q.toString());
            assertEquals("2", q.get("limit"), q.toString());
        }
        assertFalse(requests.get(0).containsKey("updated_after"), "the initial sync reads from the beginning");
        for (Map<String, String> q : requests.subList(before + 1, requests.size())) {
            assertTrue(q.get("updated_after").compareTo(FakeLists.at(9)) >= 0, "idle polls start at cursor - overlap: " + q);
        }

        assertEquals("{\"cursor\":\"" + FakeLists.at(11) + "\"}", storedState("stora.contacts"));
    }

    @Test
    void listsSortedByCreationAreScannedInThatOrderAcrossPollsOfMaxMessagesPerPoll() throws Exception {
        // units sort by created_at only: the window is read once, in creation order, 2 records a poll
        FakeLists.FakeList units = LISTS.list("units", "units", CREATED_ONLY, true);
        units.create("u1", 1, 9).create("u2", 2).create("u3", 3, 7).create("u4", 4).create("u5", 5);
        MockEndpoint mock = route(poll("units/list?pageSize=2&maxMessagesPerPoll=2&overlap=0"));

        expect(mock, 5);
        assertEquals(List.of("u1@9", "u2@2", "u3@7", "u4@4", "u5@5"), received(mock));
        mock.getReceivedExchanges().forEach(e -> assertTrue(e.getProperty(Exchange.BATCH_SIZE, Integer.class) <= 2,
                "batches of at most maxMessagesPerPoll"));
        // each poll continued from the creation second of the last record the previous one sent
        List<Map<String, String>> scan = LISTS.requests().subList(0, 4);
        assertEquals(List.of("-", FakeLists.at(2), FakeLists.at(3), FakeLists.at(4)),
                scan.stream().map(q -> q.getOrDefault("created_after", "-")).toList(), scan.toString());
        polls.awaitMore(2);
        assertEquals(5, mock.getReceivedCounter());

        // the scan closed at the server time of its first page (a second after the latest write: 10): the next
        // window starts there, and a later update is reported once
        mock.reset();
        units.update("u2", 20);
        expect(mock, 1);
        assertEquals(List.of("u2@20"), received(mock));
        assertEquals("customer", mock.getReceivedExchanges().get(0).getMessage().getBody(Map.class).get("status"));
        polls.awaitMore(2);
        assertEquals(1, mock.getReceivedCounter());

        for (Map<String, String> q : LISTS.requests()) {
            assertEquals("created_at", q.get("sort_by"), "units cannot sort by updated_at: " + q);
            assertEquals("ASC", q.get("sort_direction"));
        }
        List<Map<String, String>> later = LISTS.requests().subList(5, LISTS.requestCount());
        assertTrue(
                later.stream().allMatch(
                        q -> q.get("updated_after") != null && q.get("updated_after").compareTo(FakeLists.at(10)) >= 0),
                "windows after the first scan start at its server time: " + later);
    }

    @Test
    void listsWithoutTimeRangesAreReadWholeAndFilteredHere() throws Exception {
        // the tenancies page shows every parameter and no time range: none is sent, the window is kept client-side
        FakeLists.FakeList tenancies = LISTS.list("tenancies", "tenancies", CREATED_ONLY, false);
        tenancies.create("t1", 1).create("t2", 2).create("t3", 3);
        MockEndpoint mock = route(poll("tenancies/list?overlap=0"));

        expect(mock, 3);
        polls.awaitMore(2);
        mock.reset();
        tenancies.update("t1", 8).create("t4", 6);
        expect(mock, 2);
        assertEquals(List.of("t4@6", "t1@8"), received(mock));
        polls.awaitMore(2);
        assertEquals(2, mock.getReceivedCounter());
        assertTrue(LISTS.requests().stream().noneMatch(q -> q.containsKey("updated_after")), LISTS.requests().toString());
    }

    @Test
    void exchangePerPageSendsListsOfRecordsAndMovesThePageCursor() throws Exception {
        FakeLists.FakeList contacts = LISTS.list("contacts", "contacts", CREATED_AND_UPDATED, true);
        contacts.create("c1", 1).create("c2", 2).create("c3", 3).create("c4", 4).create("c5", 5);
        MockEndpoint mock = route(poll("contacts/list?pageSize=2&exchangePerPage=true&overlap=0"));

        expect(mock, 3);
        List<List<String>> pages = mock.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getBody(List.class).stream().map(r -> ((Map<?, ?>) r).get("id").toString()).toList())
                .map(l -> (List<String>) l).toList();
        assertEquals(List.of(List.of("c1", "c2"), List.of("c3", "c4"), List.of("c5")), pages);
        assertEquals(List.of(FakeLists.at(2), FakeLists.at(4), FakeLists.at(5)), mock.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader(StoraConstants.POLL_CURSOR, String.class)).toList());
        assertNull(mock.getReceivedExchanges().get(0).getMessage().getHeader(StoraConstants.POLL_RECORD_ID));

        mock.reset();
        contacts.update("c1", 9);
        expect(mock, 1);
        assertEquals(1, mock.getReceivedExchanges().get(0).getMessage().getBody(List.class).size());
    }

    @Test
    void createdModeReportsNewRecordsOnlyInCreationOrder() throws Exception {
        FakeLists.FakeList units = LISTS.list("units", "units", CREATED_ONLY, true);
        units.create("u1", 1).create("u2", 2);
        MockEndpoint mock = route(poll("units/list?pollMode=CREATED&overlap=0&outputType=JSON_NODE"));

        expect(mock, 2);
        mock.reset();
        LISTS.atomically(() -> units.update("u1", 10).create("u3", 3, 3).create("u4", 11));
        expect(mock, 2);
        assertEquals(List.of("u3", "u4"), mock.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader(StoraConstants.POLL_RECORD_ID, String.class)).toList());
        assertInstanceOf(com.fasterxml.jackson.databind.JsonNode.class,
                mock.getReceivedExchanges().get(0).getMessage().getBody());
        polls.awaitMore(2);
        assertEquals(2, mock.getReceivedCounter(), "the update of u1 is not a new record");
        assertTrue(LISTS.requests().stream().skip(1).allMatch(q -> q.containsKey("created_after")
                && "created_at".equals(q.get("sort_by"))));
        assertEquals("stora.units.created", mock.getReceivedExchanges().get(0).getMessage()
                .getHeader(StoraConstants.POLL_STATE_KEY));
    }

    @Test
    void recordsWithoutTimestampsAreReportedWhenTheirContentChanges() throws Exception {
        // product categories carry only id and name (https://docs.stora.co/2025-09/api-reference/products): identified by content, read whole every poll
        FakeLists.FakeList categories = LISTS.list("product_categories", "product_categories", CREATED_ONLY, false);
        LISTS.atomically(() -> categories.create("pcat_1", 1).create("pcat_2", 2).stripTimestamps());
        MockEndpoint mock = route(poll("product_categories/list"));

        expect(mock, 2);
        polls.awaitMore(2);
        assertEquals(2, mock.getReceivedCounter());
        mock.reset();
        LISTS.atomically(() -> categories.update("pcat_2", 3, "name", "Boxes").stripTimestamps());
        expect(mock, 1);
        assertEquals("Boxes", mock.getReceivedExchanges().get(0).getMessage().getBody(Map.class).get("name"));
        assertNull(mock.getReceivedExchanges().get(0).getMessage().getHeader(StoraConstants.POLL_CURSOR));
        assertTrue(LISTS.requests().stream().noneMatch(q -> q.containsKey("sort_by")), "the list takes no sort_by");
    }

    private String storedState(String key) throws Exception {
        FileStateRepository file = FileStateRepository.fileStateRepository(new File(stateDirectory, key + ".state"));
        file.start();
        try {
            return file.getState(key);
        } finally {
            file.stop();
        }
    }
}
