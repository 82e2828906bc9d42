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
import io.camelstora.component.internal.paging.PagePipeline;
import io.camelstora.component.internal.support.StoraJson;
import io.camelstora.component.polling.PollMode;
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
 * <p>
 * When a keyset request shows more pages (a backlog, an initial sync), the pages of the next keyset query are requested
 * together, {@code pagesInFlight} at a time ({@link PagePipeline}), and taken in order only while every answer counts
 * the same records ({@code meta.pagination.count}): a record that left or joined the query meanwhile would have shifted
 * the pages, so the reader drops the pages from there on and continues by keyset after the last page it took. Updates
 * move a record within a list sorted by {@code created_at}, not out of it, so scans need nothing more; a list sorted by
 * {@code updated_at} is asked for records updated before the server time of the keyset page
 * ({@code updatedBeforeParam}), so that a record updated meanwhile leaves the pages and changes their count.
 */
final class ListReader {

    private static final Logger LOG = LoggerFactory.getLogger(ListReader.class);

    /**
     * The records of a window in the order to send them, whether more were left for the next poll, and the server
     * time (HTTP {@code Date}) of the first response, else the local time of the first request.
     */
    record Window(List<PolledRecord> records, boolean more, int requests, Instant serverTime) {
    }

    /** One answer: its records, the next page it names, how many records its query matches and on how many pages. */
    private record Page(JsonNode items, Integer next, int count, int pages, Instant date) {

        boolean last() {
            return items.isEmpty() || next == null;
        }
    }

    /** How pages requested together ended: the cap was reached, their query ended, or the list changed meanwhile. */
    private enum SegmentEnd {
        FULL,
        QUERY_ENDED,
        CONTINUE
    }

    private final StoraClient client;
    private final ListPollPlan plan;
    /** Cleared when the API answers a windowed request with older records: it ignores that filter name. */
    private boolean windowHonoured = true;
    private boolean createdAfterHonoured = true;
    private boolean updatedBeforeHonoured = true;
    /** Pages requested for the next poll by one that stopped at the cap. */
    private Segment pending;

    ListReader(StoraClient client, ListPollPlan plan) {
        this.client = client;
        this.plan = plan;
    }

    /**
     * @param lower      the oldest cursor-field value to report, {@code null} for all
     * @param scanAfter  for a scan: the {@code created_at} of the last record it sent, {@code null} at its start
     * @param cap        the most records to return
     * @param skipped    records already processed by an earlier poll
     * @param continuing the previous poll stopped at the cap and every record it returned was processed: it continues
     *                   with the pages requested ahead for it, rather than from the cursor
     */
    Window read(Instant lower, Instant scanAfter, int cap, Predicate<PolledRecord> skipped, boolean continuing)
            throws Exception {
        Reading reading = new Reading(lower, scanAfter, cap, skipped);
        Instant from = plan.scan ? reading.resumeAt : lower;
        int page = 1;
        Segment ahead = pending;
        pending = null;
        if (ahead != null && !continuing) {
            ahead.pipeline.clear();
        } else if (ahead != null) {
            SegmentEnd end = ahead.read(reading);
            if (end == SegmentEnd.FULL) {
                pending = ahead.pipeline.isEmpty() ? null : ahead;
                return reading.window(true);
            }
            if (end == SegmentEnd.QUERY_ENDED && ahead.bound == null) {
                return reading.window(false);
            }
            if (reading.last != null) {
                from = after(ahead.from, reading.last); // else from the cursor, as any poll
            }
        }
        while (true) {
            if (reading.requests > 0 && reading.pagesWanted() == 0) {
                return reading.window(true); // no whole page more fits under the cap
            }
            Instant sentAt = Instant.now();
            StoraResponse response = fetch(request(lower, from, null, page));
            Page read = reading.received(response, sentAt);
            if (reading.accept(read, from, null)) {
                return reading.window(true);
            }
            if (read.last()) {
                break;
            }
            if (reading.pagesWanted() == 0) {
                return reading.window(true);
            }
            Instant keyset = keysetPosition(reading.last);
            boolean newQuery = keyset != null && (from == null || keyset.isAfter(from));
            if (newQuery) {
                from = keyset;
                page = 1;
            } else {
                page++;
            }
            // the next pages together: those of the new keyset query, checked by their count (bounded by the server
            // time for a list sorted by updated_at); or, for a list without keyset, its next page numbers, which one at
            // a time would not be checked either. A keyset that does not move on (a page of one second) goes one page
            // at a time until it does.
            boolean together = plan.pagesInFlight > 1 && (newQuery ? read.count() >= 0 : keyset == null);
            Instant bound = null;
            if (together && newQuery && needsBound()) {
                bound = plan.updatedBeforeParam != null && updatedBeforeHonoured ? read.date() : null;
                together = bound != null;
            }
            if (!together) {
                continue;
            }
            int lastPage = newQuery
                    ? Math.max(1, (read.count() - read.items().size() + plan.pageSize - 1) / plan.pageSize)
                    : Math.max(read.pages(), page);
            Segment segment = new Segment(lower, from, bound, page, newQuery, lastPage);
            SegmentEnd end = segment.read(reading);
            if (end == SegmentEnd.FULL) {
                // the pages requested ahead wait for the next poll, which continues a backlog at once
                pending = segment.pipeline.isEmpty() ? null : segment;
                return reading.window(true);
            }
            if (!newQuery || end == SegmentEnd.QUERY_ENDED && bound == null) {
                break; // read to the end of the list
            }
            // on by keyset after the last page taken: the records the bound left out, or the list changed meanwhile
            from = after(from, reading.last);
            page = 1;
        }
        return reading.window(reading.collector.overflowed());
    }

    /** Where a keyset query continues after {@code last}: its second, unless that is not after {@code from}. */
    private Instant after(Instant from, PolledRecord last) {
        Instant keyset = last == null ? null : keysetPosition(last);
        return keyset != null && (from == null || keyset.isAfter(from)) ? keyset : from;
    }

    /** Whether pages of this list requested together need an upper bound on updated_at to be checked. */
    private boolean needsBound() {
        return plan.ordered && plan.mode == PollMode.CHANGES;
    }

    /**
     * The pages {@code firstPage..lastPage} of one query, requested {@code pagesInFlight} at a time and taken in order.
     * When {@code checked}, a page whose count differs from the first's, or that holds a record at or after
     * {@code bound}, ends it: the pages from there on are dropped. Pages the cap leaves over stay requested for the next
     * poll ({@link #pending}).
     */
    private final class Segment {
        final Instant lower;
        final Instant from;
        final Instant bound;
        final int firstPage;
        final boolean checked;
        final PagePipeline pipeline = new PagePipeline(client, plan.pagesInFlight);
        int lastPage;
        int next;
        int taken;
        Integer count;

        Segment(Instant lower, Instant from, Instant bound, int firstPage, boolean checked, int lastPage) {
            this.lower = lower;
            this.from = from;
            this.bound = bound;
            this.firstPage = firstPage;
            this.checked = checked;
            this.lastPage = lastPage;
            this.next = firstPage;
            this.taken = firstPage - 1;
        }

        SegmentEnd read(Reading reading) throws Exception {
            while (true) {
                int wanted = reading.pagesWanted();
                if (wanted == 0 && reading.collector.inReadOrder) {
                    // no whole page more fits under the cap: keep up to pagesInFlight requested for the next poll
                    fill(Integer.MAX_VALUE);
                    return SegmentEnd.FULL;
                }
                // no more pages than the list has, nor than the cap can take (records sent before are skipped, so more
                // may be needed: they are requested as the answers show it)
                fill(taken + wanted);
                if (pipeline.isEmpty()) {
                    return next > lastPage ? SegmentEnd.QUERY_ENDED : SegmentEnd.CONTINUE;
                }
                Instant sentAt = Instant.now();
                Page page = reading.received(pipeline.next(), sentAt);
                if (checked && (count != null && page.count() != count || !withinBound(page, bound))) {
                    pipeline.clear();
                    LOG.debug("{}: the list changed while its pages were read together (count {} then {}); continuing"
                            + " after page {}", plan.operation.uri(), count, page.count(), taken);
                    return SegmentEnd.CONTINUE;
                }
                if (count == null) {
                    count = page.count();
                }
                // the latest answer says how many pages there are (the list may have grown); without
                // meta.pagination.pages, the page it names next
                lastPage = page.pages() > 0 ? Math.max(page.pages(), firstPage)
                        : page.next() != null ? Math.max(lastPage, page.next()) : taken + 1;
                taken++;
                if (reading.accept(page, from, bound)) {
                    pipeline.clear(); // the cap fell within the page: the next poll reads again from the cursor
                    return SegmentEnd.FULL;
                }
                if (page.last()) {
                    pipeline.clear();
                    return SegmentEnd.QUERY_ENDED;
                }
            }
        }

        /** Requests the next pages, up to {@code upTo}, the last page and pagesInFlight. */
        private void fill(int upTo) {
            while (pipeline.hasRoom() && next <= lastPage && next <= upTo) {
                pipeline.add(request(lower, from, bound, next++));
            }
        }
    }

    /**
     * Whether every record of a bounded page is before the bound; one at or after it means the API ignores
     * {@code updatedBeforeParam}, and pages are read one at a time from then on.
     */
    private boolean withinBound(Page page, Instant bound) {
        if (bound == null) {
            return true;
        }
        for (JsonNode item : page.items()) {
            Instant position = PolledRecord.of(item, plan.mode.cursorField(), 0).position();
            if (position != null && !position.isBefore(bound)) {
                updatedBeforeHonoured = false;
                warnIgnored(plan.updatedBeforeParam, bound, "updatedBeforeParam");
                return false;
            }
        }
        return true;
    }

    /** What one poll has read so far. */
    private final class Reading {
        final Instant lower;
        /** For a scan: where it continues, to the second. */
        final Instant resumeAt;
        final Predicate<PolledRecord> skipped;
        final Collector collector;
        final Set<String> readThisPoll = new HashSet<>();
        /** The last record of the last page taken. */
        PolledRecord last;
        long seq;
        int requests;
        Instant serverTime;

        Reading(Instant lower, Instant scanAfter, int cap, Predicate<PolledRecord> skipped) {
            this.lower = lower;
            this.resumeAt = scanAfter == null ? null : scanAfter.truncatedTo(ChronoUnit.SECONDS);
            this.skipped = skipped;
            this.collector = new Collector(cap, plan.ordered || plan.scan);
        }

        Page received(StoraResponse response, Instant sentAt) {
            requests++;
            if (serverTime == null) {
                serverTime = serverTime(response, sentAt);
            }
            JsonNode document = StoraJson.parseOrNull(response.body());
            JsonNode items = StoraDocuments.content(plan.operation, document);
            if (items == null || !items.isArray()) {
                items = StoraJson.MAPPER.createArrayNode();
            }
            JsonNode pagination = document == null ? null : document.at("/meta/pagination");
            int count = pagination == null ? -1 : pagination.path("count").asInt(-1);
            int pages = pagination == null ? 0 : pagination.path("pages").asInt(0);
            return new Page(items, StoraDocuments.nextPage(document), count, pages, date(response));
        }

        /** Takes the records of a page; returns whether the cap is reached in read order, so reading can stop. */
        boolean accept(Page page, Instant from, Instant bound) {
            String cursorField = plan.mode.cursorField();
            for (JsonNode item : page.items()) {
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
                    return true;
                }
            }
            return false;
        }

        /**
         * How many more whole pages the cap can take (every page of a list read whole): a poll ends at the end of a
         * page, so the next one starts with a fresh page instead of reading again the rest of one.
         */
        int pagesWanted() {
            if (!collector.inReadOrder) {
                return Integer.MAX_VALUE;
            }
            long left = (long) collector.cap - collector.inOrder.size();
            return (int) Math.min(Integer.MAX_VALUE, left / plan.pageSize);
        }

        Window window(boolean more) {
            return new Window(collector.records(), more, requests, serverTime);
        }
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

    private StoraRequest request(Instant lower, Instant from, Instant updatedBefore, int page) {
        StoraRequest r = plan.request.withPage(page);
        if (plan.scan) {
            r = lower == null ? r : r.withQuery(plan.filterParam, lower.toString());
            return from == null ? r : r.withQuery(plan.createdAfterParam, from.toString());
        }
        r = plan.filterParam != null && from != null ? r.withQuery(plan.filterParam, from.toString()) : r;
        return updatedBefore == null ? r : r.withQuery(plan.updatedBeforeParam, updatedBefore.toString());
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
        Instant date = date(response);
        return date != null ? date : fallback.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The {@code Date} of the response, {@code null} when it has none or it is unreadable. */
    private static Instant date(StoraResponse response) {
        String date = response.header("Date");
        if (date != null) {
            try {
                return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                LOG.debug("Unreadable Date header '{}': using the local clock", date);
            }
        }
        return null;
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
        final int cap;
        final boolean inReadOrder;
        final List<PolledRecord> inOrder = new ArrayList<>();
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
