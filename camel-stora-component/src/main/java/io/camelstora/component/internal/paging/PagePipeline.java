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

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.camelstora.component.http.StoraResponse;
import io.camelstora.component.internal.client.StoraClient;
import io.camelstora.component.internal.http.StoraErrors;
import io.camelstora.component.internal.http.StoraRequest;

/**
 * Up to {@code pagesInFlight} page requests of one list sent together through the account's client, whose rate limiter
 * paces them like any call, and handed over in the order they were added. One page at a time, a client reading a list
 * from an API that takes 300 ms to answer gets at most 3.3 pages a second whatever the rate limit; several in flight
 * reach the limit. The caller decides which pages to add: {@link StoraPageIterator} numbers them, the polling consumer's
 * reader checks that they belong to one consistent list.
 * <p>
 * Not thread-safe: one reader uses it.
 */
public final class PagePipeline {

    private final StoraClient client;
    private final int pagesInFlight;
    private final ArrayDeque<CompletableFuture<StoraResponse>> pending = new ArrayDeque<>();

    /** @param pagesInFlight the most requests sent and not yet handed over, at least 1 */
    public PagePipeline(StoraClient client, int pagesInFlight) {
        this.client = client;
        this.pagesInFlight = Math.max(1, pagesInFlight);
    }

    /** Whether another request may be sent now. */
    public boolean hasRoom() {
        return pending.size() < pagesInFlight;
    }

    public boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Sends {@code request} now, from the account's worker pool. */
    public void add(StoraRequest request) {
        pending.add(client.submit(request));
    }

    /**
     * The response of the oldest request not handed over yet, waiting for it.
     *
     * @throws Exception the request's failure (a {@link io.camelstora.component.http.StoraApiException}); the requests
     *                   after it are forgotten
     */
    public StoraResponse next() throws Exception {
        CompletableFuture<StoraResponse> oldest = pending.poll();
        if (oldest == null) {
            throw new IllegalStateException("No page request in flight");
        }
        try {
            return oldest.get();
        } catch (ExecutionException e) {
            clear();
            Throwable cause = StoraErrors.unwrap(e);
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw e;
        } catch (InterruptedException e) {
            clear();
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    /**
     * Forgets the requests not handed over. They are not cancelled (a request sent counts against the rate limit
     * whatever happens to its answer), their answers are dropped.
     */
    public void clear() {
        pending.clear();
    }
}
