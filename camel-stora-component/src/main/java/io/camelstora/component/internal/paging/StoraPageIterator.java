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
package io.camelstora.component.internal.paging;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelstora.component.internal.client.StoraClient;
import io.camelstora.component.internal.http.StoraDocuments;
import io.camelstora.component.internal.http.StoraRequest;
import io.camelstora.component.internal.support.StoraJson;
import org.apache.camel.RuntimeCamelException;

/**
 * The records of every page of a list. Up to {@code pagesInFlight} next pages are requested while the route consumes
 * the current one ({@link PagePipeline}), in page order (with one, the next page only once the route reached it): the first records reach the route before the last pages are
 * requested, memory holds at most {@code pagesInFlight + 1} pages whatever the total, and a slow API is read at the
 * account's rate limit rather than one round trip at a time. Pages are numbered up to the {@code pages} of the first
 * page's {@code meta.pagination}; without it, {@code meta.pagination.next} is followed one page at a time. Stops there,
 * on an empty page, or at {@code maxItems} (pages beyond it are never requested).
 * <p>
 * Later pages are sent from the account's worker pool and go through its rate limiter and retries like any call; the
 * consuming thread (a Camel routing thread, never the HTTP client's) waits only for a page not yet answered. A failed
 * page surfaces as a {@link RuntimeCamelException} whose cause is the
 * {@link io.camelstora.component.http.StoraApiException}.
 */
public final class StoraPageIterator implements Iterator<Object> {

    private final StoraRequest request;
    private final int maxItems;
    private final Function<JsonNode, Object> converter;
    private final PagePipeline pipeline;
    /** Whether later pages are requested before the route reaches them; with one in flight, only when it does. */
    private final boolean ahead;

    private Iterator<JsonNode> page;
    /** The current page is the list's last: empty, or without a next page. */
    private boolean ended;
    /** Pages are numbered up to the list's {@code pages}, rather than followed one {@code next} at a time. */
    private boolean numbered;
    /** The next page to request, {@code null} when unknown (until the page before it says). */
    private Integer toRequest;
    /** The last page to request: the list's last page, and the last one maxItems needs. */
    private int lastPage = Integer.MAX_VALUE;
    /** The pages maxItems needs, when each holds as many records as the first. */
    private int wantedPages = Integer.MAX_VALUE;
    private int returned;

    /**
     * @param firstDocument the already fetched document of the first page
     * @param maxItems      stop after this many records, 0 for all
     * @param pagesInFlight the most later pages requested ahead of the route
     */
    public StoraPageIterator(StoraClient client, StoraRequest request, JsonNode firstDocument, int maxItems,
                             int pagesInFlight, Function<JsonNode, Object> converter) {
        this.request = request;
        this.maxItems = maxItems;
        this.converter = converter;
        this.pipeline = new PagePipeline(client, pagesInFlight);
        this.ahead = pagesInFlight > 1;
        int size = accept(firstDocument);
        if (!ended) {
            toRequest = StoraDocuments.nextPage(firstDocument);
            if (maxItems > 0) {
                wantedPages = (maxItems + size - 1) / size;
            }
            numbered = listPages(firstDocument) > 0;
            lastPage = Math.min(wantedPages, numbered ? listPages(firstDocument) : Integer.MAX_VALUE);
            if (ahead) {
                request();
            }
        }
    }

    /** Makes the records of {@code document} the current page; returns how many there are. */
    private int accept(JsonNode document) {
        JsonNode records = StoraDocuments.content(request.operation(), document);
        if (records == null || !records.isArray()) {
            records = StoraJson.MAPPER.createArrayNode();
        }
        page = records.elements();
        // an empty page ends the list even if the pagination claims more
        ended = records.isEmpty() || StoraDocuments.nextPage(document) == null;
        return records.size();
    }

    /** {@code meta.pagination.pages}, 0 when absent. */
    private static int listPages(JsonNode document) {
        JsonNode pages = document == null ? null : document.at("/meta/pagination/pages");
        return pages != null && pages.canConvertToInt() ? Math.max(0, pages.asInt()) : 0;
    }

    /** Sends the next pages while there is room: numbered up to lastPage, or the one the current page names. */
    private void request() {
        while (!ended && toRequest != null && toRequest <= lastPage && pipeline.hasRoom()
                && (numbered || pipeline.isEmpty())) {
            pipeline.add(request.withPage(toRequest));
            toRequest = numbered ? toRequest + 1 : null;
        }
    }

    @Override
    public boolean hasNext() {
        if (maxItems > 0 && returned >= maxItems) {
            pipeline.clear();
            return false;
        }
        while (!page.hasNext() && !ended) {
            request(); // the next page, if not requested ahead
            if (pipeline.isEmpty()) {
                break; // the last page maxItems needs was read
            }
            JsonNode document = fetchNext();
            accept(document);
            if (ended) {
                pipeline.clear(); // the list ended sooner than its first page said
                break;
            }
            if (numbered) {
                // the list may have grown while it was read: the latest page says how far it goes
                lastPage = Math.min(wantedPages, Math.max(listPages(document), 1));
            } else {
                toRequest = StoraDocuments.nextPage(document);
            }
            if (ahead) {
                request();
            }
        }
        return page.hasNext();
    }

    @Override
    public Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        returned++;
        return converter.apply(page.next());
    }

    private JsonNode fetchNext() {
        try {
            return StoraJson.parseOrNull(pipeline.next().body());
        } catch (Exception e) {
            throw RuntimeCamelException.wrapRuntimeCamelException(e);
        }
    }
}
