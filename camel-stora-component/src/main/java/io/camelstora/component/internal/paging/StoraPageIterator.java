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
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelstora.component.http.StoraResponse;
import io.camelstora.component.internal.client.StoraClient;
import io.camelstora.component.internal.http.StoraDocuments;
import io.camelstora.component.internal.http.StoraErrors;
import io.camelstora.component.internal.http.StoraRequest;
import io.camelstora.component.internal.support.StoraJson;
import org.apache.camel.RuntimeCamelException;

/**
 * The records of every page of a list, fetched one page at a time when the records of the previous page were
 * consumed: the first records reach the route before later pages are requested, and memory holds one page whatever
 * the total. Follows {@code meta.pagination.next}; stops there, on an empty page, or at {@code maxItems}.
 * <p>
 * Later pages are fetched on the consuming thread (a Camel routing thread, never the HTTP client's I/O thread), going
 * through the account's rate limiter and retries like any call. A failed page surfaces as a
 * {@link RuntimeCamelException} whose cause is the {@link io.camelstora.component.http.StoraApiException}.
 */
public final class StoraPageIterator implements Iterator<Object> {

    private final StoraClient client;
    private final StoraRequest request;
    private final int maxItems;
    private final Function<JsonNode, Object> converter;

    private Iterator<JsonNode> page;
    private Integer nextPage;
    private int returned;

    /**
     * @param firstDocument the already fetched document of the first page
     * @param maxItems      stop after this many records, 0 for all
     */
    public StoraPageIterator(StoraClient client, StoraRequest request, JsonNode firstDocument, int maxItems,
                             Function<JsonNode, Object> converter) {
        this.client = client;
        this.request = request;
        this.maxItems = maxItems;
        this.converter = converter;
        accept(firstDocument);
    }

    private void accept(JsonNode document) {
        JsonNode records = StoraDocuments.content(request.operation(), document);
        page = records != null && records.isArray() ? records.elements() : java.util.Collections.emptyIterator();
        // an empty page ends the list even if the pagination claims more
        nextPage = records != null && records.size() > 0 ? StoraDocuments.nextPage(document) : null;
    }

    @Override
    public boolean hasNext() {
        if (maxItems > 0 && returned >= maxItems) {
            return false;
        }
        while (!page.hasNext() && nextPage != null) {
            accept(fetch(nextPage));
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

    private JsonNode fetch(int pageNumber) {
        try {
            StoraResponse response = client.call(request.withPage(pageNumber)).join();
            return StoraJson.parseOrNull(response.body());
        } catch (CompletionException e) {
            throw RuntimeCamelException.wrapRuntimeCamelException(StoraErrors.unwrap(e));
        }
    }
}
