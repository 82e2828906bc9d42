package io.camelstora.component.polling;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelstora.component.http.StoraClient;
import io.camelstora.component.http.StoraDocuments;
import io.camelstora.component.http.StoraJson;
import io.camelstora.component.http.StoraRequest;
import io.camelstora.component.http.StoraResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the records of one poll's window through the account's shared client (so polls queue behind the same rate
 * limiter as producers), requesting only the pages the window needs.
 * <p>
 * Sorted by the cursor field with a server-side window, it pages by <em>keyset</em>: the next request asks for records
 * at or after the last timestamp read rather than for the next page number. A record updated while the poll pages
 * moves to the end of the list instead of shifting the unread ones onto a page already read, so none is skipped; the
 * records of the last timestamp come again and are dropped as already read. Only when a whole page shares one second
 * does it step by page number. Other lists are read by page number in {@code created_at ASC} order, which updates do
 * not change and creations only extend at the end.
 */
final class ListReader {

    private static final Logger LOG = LoggerFactory.getLogger(ListReader.class);

    /** The records of a window, oldest first, and whether more were left for the next poll. */
    record Window(List<PolledRecord> records, boolean more, int requests) {
    }

    private final StoraClient client;
    private final ListPollPlan plan;
    /** Cleared when the API answers a windowed request with older records: it ignores the filter's name. */
    private boolean filterHonoured = true;

    ListReader(StoraClient client, ListPollPlan plan) {
        this.client = client;
        this.plan = plan;
    }

    /**
     * @param lower   the oldest cursor-field value to report, {@code null} for all
     * @param cap     the most records to return
     * @param skipped records already processed by an earlier poll
     */
    Window read(Instant lower, int cap, Predicate<PolledRecord> skipped) throws Exception {
        Collector collector = new Collector(cap, plan.ordered);
        Set<String> readThisPoll = new HashSet<>();
        String cursorField = plan.mode.cursorField();
        Instant from = lower;
        int page = 1;
        int requests = 0;
        long seq = 0;
        while (true) {
            JsonNode document = fetch(request(from, page));
            requests++;
            JsonNode items = StoraDocuments.content(plan.operation, document);
            if (items == null || !items.isArray() || items.isEmpty()) {
                break;
            }
            PolledRecord last = null;
            for (JsonNode item : items) {
                PolledRecord r = PolledRecord.of(item, cursorField, seq++);
                last = r;
                if (from != null && r.position() != null && r.position().isBefore(from)) {
                    filterIgnored(from);
                }
                if (!readThisPoll.add(r.key())) {
                    continue; // read before in this poll: keyset paging asks for the last timestamp again
                }
                if (lower != null && r.position() != null && r.position().isBefore(lower)) {
                    continue;
                }
                if (skipped.test(r)) {
                    continue;
                }
                if (collector.add(r)) {
                    return new Window(collector.records(), true, requests);
                }
            }
            if (StoraDocuments.nextPage(document) == null) {
                break;
            }
            Instant reached = last.position() == null ? null : last.position().truncatedTo(ChronoUnit.SECONDS);
            boolean keyset = plan.ordered && plan.filterParam != null && filterHonoured;
            if (keyset && reached != null && (from == null || reached.isAfter(from))) {
                from = reached;
                page = 1;
            } else {
                page++;
            }
        }
        return new Window(collector.records(), collector.overflowed(), requests);
    }

    private StoraRequest request(Instant from, int page) {
        StoraRequest r = plan.request.withPage(page);
        return plan.filterParam != null && from != null ? r.withQuery(plan.filterParam, from.toString()) : r;
    }

    private JsonNode fetch(StoraRequest request) throws Exception {
        StoraResponse response;
        try {
            response = client.call(request).get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
        return StoraJson.parseOrNull(response.body());
    }

    /**
     * Records older than the window came back although it was asked for: the API ignores the filter (a presumed name
     * that is wrong). Reading stays correct, the window is then kept client-side, but every poll reads the whole list,
     * and keyset paging would re-read the first page over and over, so it stops.
     */
    private void filterIgnored(Instant from) {
        if (plan.filterParam != null && filterHonoured) {
            filterHonoured = false;
            LOG.warn("{} returned records older than {}={}: the API seems to ignore that parameter, so every poll reads the"
                     + " whole list. Set updatedAfterParam/createdAfterParam to the right name, or timeFilter=NEVER",
                    plan.operation.uri(), plan.filterParam, from);
        }
    }

    /**
     * Keeps the oldest {@code cap} records. In cursor order the first {@code cap} are the oldest, so reading can stop
     * there; in any other order every page is read and the newest are dropped as older ones turn up.
     */
    private static final class Collector {
        private final int cap;
        private final boolean inOrder;
        private final List<PolledRecord> inOrderRecords = new ArrayList<>();
        private final PriorityQueue<PolledRecord> oldest;
        private boolean overflowed;

        Collector(int cap, boolean inOrder) {
            this.cap = cap;
            this.inOrder = inOrder;
            this.oldest = inOrder ? null : new PriorityQueue<>(PolledRecord.ORDER.reversed());
        }

        /** Adds a record; returns whether reading can stop because the cap is reached in cursor order. */
        boolean add(PolledRecord r) {
            if (inOrder) {
                inOrderRecords.add(r);
                return inOrderRecords.size() >= cap;
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
            List<PolledRecord> list = new ArrayList<>(inOrder ? inOrderRecords : oldest);
            list.sort(PolledRecord.ORDER);
            return list;
        }
    }
}
