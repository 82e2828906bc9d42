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
package io.camelstora.component.internal.polling;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelstora.component.http.StoraResponse;
import io.camelstora.component.internal.client.StoraClient;
import io.camelstora.component.internal.http.StoraDocuments;
import io.camelstora.component.internal.http.StoraErrors;
import io.camelstora.component.internal.http.StoraRequest;
import io.camelstora.component.internal.support.StoraJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the records of one poll's window through the account's shared client (so polls queue behind the same rate
 * limiter as producers), requesting only the pages the window needs.
 * <p>
 * A list sorted by the cursor field is paged by <em>keyset</em>: the next request asks for records at or after the
 * last timestamp read rather than for the next page number, and reading stops once the poll has its records. A record
 * updated while the poll pages moves to the end of the list instead of shifting unread ones onto a page already
 * read, so none is skipped; the records of the last second come again and are dropped as already read. Only when a
 * whole page shares one second does it step by page number.
 * <p>
 * A scan (a list sorted by {@code created_at} only) is keyset-paged the same way on {@code created_at}, which updates
 * do not change, starting after the last record an earlier poll of the same scan sent. Any other list is read whole,
 * by page number, keeping the oldest records of the window.
 */
final class ListReader {

    private static final Logger LOG = LoggerFactory.getLogger(ListReader.class);

    /**
     * The records of a window in the order to send them, whether more were left for the next poll, and the server
     * time (HTTP {@code Date}) of the first response, else the local time of the first request.
     */
    record Window(List<PolledRecord> records, boolean more, int requests, Instant serverTime) {
    }

    private final StoraClient client;
    private final ListPollPlan plan;
    /** Cleared when the API answers a windowed request with older records: it ignores that filter name. */
    private boolean windowHonoured = true;
    private boolean createdAfterHonoured = true;

    ListReader(StoraClient client, ListPollPlan plan) {
        this.client = client;
        this.plan = plan;
    }

    /**
     * @param lower     the oldest cursor-field value to report, {@code null} for all
     * @param scanAfter for a scan: the {@code created_at} of the last record it sent, {@code null} at its start
     * @param cap       the most records to return
     * @param skipped   records already processed by an earlier poll
     */
    Window read(Instant lower, Instant scanAfter, int cap, Predicate<PolledRecord> skipped) throws Exception {
        Collector collector = new Collector(cap, plan.ordered || plan.scan);
        Set<String> readThisPoll = new HashSet<>();
        String cursorField = plan.mode.cursorField();
        Instant resumeAt = scanAfter == null ? null : scanAfter.truncatedTo(ChronoUnit.SECONDS);
        Instant from = plan.scan ? resumeAt : lower;
        Instant serverTime = null;
        int page = 1;
        int requests = 0;
        long seq = 0;
        while (true) {
            Instant sentAt = Instant.now();
            StoraResponse response = fetch(request(lower, from, page));
            requests++;
            if (serverTime == null) {
                serverTime = serverTime(response, sentAt);
            }
            JsonNode document = StoraJson.parseOrNull(response.body());
            JsonNode items = StoraDocuments.content(plan.operation, document);
            if (items == null || !items.isArray() || items.isEmpty()) {
                break;
            }
            PolledRecord last = null;
            for (JsonNode item : items) {
                PolledRecord r = PolledRecord.of(item, cursorField, seq++);
                last = r;
                checkFiltersHonoured(r, lower, from);
                if (!readThisPoll.add(r.key())) {
                    continue; // read before in this poll: keyset paging asks for the last second again
                }
                if (lower != null && r.position() != null && r.position().isBefore(lower)) {
                    continue;
                }
                Instant created = r.createdAt();
                if (resumeAt != null && created != null && created.isBefore(resumeAt)) {
                    continue; // sent by an earlier poll of this scan
                }
                if (skipped.test(r)) {
                    continue;
                }
                if (collector.add(r)) {
                    return new Window(collector.records(), true, requests, serverTime);
                }
            }
            if (StoraDocuments.nextPage(document) == null) {
                break;
            }
            Instant keyset = keysetPosition(last);
            if (keyset != null && (from == null || keyset.isAfter(from))) {
                from = keyset;
                page = 1;
            } else {
                page++;
            }
        }
        return new Window(collector.records(), collector.overflowed(), requests, serverTime);
    }

    /**
     * The API's current time, from the {@code Date} of a one-record request (the local time if it has none): where
     * {@code initialSync=none} starts, so a record changed just after the consumer started is not lost to a server
     * clock that runs behind ours.
     */
    Instant serverTime() throws Exception {
        Instant sentAt = Instant.now();
        return serverTime(fetch(plan.request.withPage(1).withQuery("limit", "1")), sentAt);
    }

    /** The second the next keyset request starts at, or {@code null} to step by page number. */
    private Instant keysetPosition(PolledRecord last) {
        Instant position = null;
        if (plan.ordered && plan.filterParam != null && windowHonoured) {
            position = last.position();
        } else if (plan.scan && createdAfterHonoured) {
            position = last.createdAt();
        }
        return position == null ? null : position.truncatedTo(ChronoUnit.SECONDS);
    }

    private StoraRequest request(Instant lower, Instant from, int page) {
        StoraRequest r = plan.request.withPage(page);
        if (plan.scan) {
            r = lower == null ? r : r.withQuery(plan.filterParam, lower.toString());
            return from == null ? r : r.withQuery(plan.createdAfterParam, from.toString());
        }
        return plan.filterParam != null && from != null ? r.withQuery(plan.filterParam, from.toString()) : r;
    }

    private StoraResponse fetch(StoraRequest request) throws Exception {
        try {
            return client.call(request).get();
        } catch (ExecutionException e) {
            Throwable cause = StoraErrors.unwrap(e);
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    /** The {@code Date} of the response: the API's clock, which also writes updated_at. */
    private static Instant serverTime(StoraResponse response, Instant fallback) {
        String date = response.header("Date");
        if (date != null) {
            try {
                return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                LOG.debug("Unreadable Date header '{}': using the local clock", date);
            }
        }
        return fallback.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Records older than the window came back although it was asked for: the API ignores the filter (a presumed name
     * that is wrong). Reading stays correct, the window is kept client-side, but every poll reads more of the list,
     * and keyset paging on that filter would read its first page over and over, so it stops.
     */
    private void checkFiltersHonoured(PolledRecord r, Instant lower, Instant from) {
        Instant windowStart = plan.scan ? lower : from;
        if (windowHonoured && plan.filterParam != null && windowStart != null && r.position() != null
                && r.position().isBefore(windowStart)) {
            windowHonoured = false;
            warnIgnored(plan.filterParam, windowStart, "updatedAfterParam/createdAfterParam");
        }
        if (plan.scan && createdAfterHonoured && from != null && r.createdAt() != null && r.createdAt().isBefore(from)) {
            createdAfterHonoured = false;
            warnIgnored(plan.createdAfterParam, from, "createdAfterParam");
        }
    }

    private void warnIgnored(String param, Instant value, String option) {
        LOG.warn("{} returned records older than {}={}: the API seems to ignore that parameter, so polls read more of the"
                + " list than they need. Set {} to the right name, or timeFilter=NEVER",
                plan.operation.uri(), param, value, option);
    }

    /**
     * Keeps the records to send. In read order (a list sorted by the cursor field, or a scan) reading stops at
     * {@code cap}; otherwise every page is read and the oldest {@code cap} records are kept as they turn up.
     */
    private static final class Collector {
        private final int cap;
        private final boolean inReadOrder;
        private final List<PolledRecord> inOrder = new ArrayList<>();
        private final PriorityQueue<PolledRecord> oldest;
        private boolean overflowed;

        Collector(int cap, boolean inReadOrder) {
            this.cap = cap;
            this.inReadOrder = inReadOrder;
            this.oldest = inReadOrder ? null : new PriorityQueue<>(PolledRecord.ORDER.reversed());
        }

        /** Adds a record; returns whether reading can stop because the cap is reached in read order. */
        boolean add(PolledRecord r) {
            if (inReadOrder) {
                inOrder.add(r);
                return inOrder.size() >= cap;
            }
            oldest.add(r);
            if (oldest.size() > cap) {
                oldest.poll();
                overflowed = true;
            }
            return false;
        }

        boolean overflowed() {
            return overflowed;
        }

        List<PolledRecord> records() {
            if (inReadOrder) {
                return new ArrayList<>(inOrder);
            }
            List<PolledRecord> list = new ArrayList<>(oldest);
            list.sort(PolledRecord.ORDER);
            return list;
        }
    }
}
