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
package io.camelstora.component;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelstora.component.catalog.ResponseShape;
import io.camelstora.component.catalog.StoraFormat;
import io.camelstora.component.catalog.StoraOperation;
import io.camelstora.component.http.StoraResponse;
import io.camelstora.component.internal.client.StoraClient;
import io.camelstora.component.internal.http.StoraDocuments;
import io.camelstora.component.internal.http.StoraErrors;
import io.camelstora.component.internal.http.StoraRequest;
import io.camelstora.component.internal.paging.StoraPageIterator;
import io.camelstora.component.internal.request.StoraRequestFactory;
import io.camelstora.component.internal.support.StoraJson;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Calls one Stora operation per exchange. When the account's rate limiter has a slot the call runs on the routing
 * thread, like camel-http; when it must wait (rate limit, retry backoff) the producer returns at once and the exchange
 * continues on the component's worker pool once the call completed, so waiting never parks a routing thread.
 */
class StoraProducer extends DefaultAsyncProducer {

    /** Headers describing a previous result, removed so they never describe this one. */
    private static final List<String> RESULT_HEADERS = List.of(StoraConstants.REQUEST_ID, StoraConstants.META,
            StoraConstants.PAGINATION, StoraConstants.NEXT_PAGE, StoraConstants.TOTAL_COUNT, StoraConstants.RATE_LIMIT_LIMIT,
            StoraConstants.RATE_LIMIT_REMAINING, StoraConstants.RATE_LIMIT_RESET);

    private final StoraEndpoint endpoint;
    private final StoraOperation operation;
    private StoraRequestFactory requests;
    private StoraClient client;

    public StoraProducer(StoraEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.operation = endpoint.getOperation();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        requests = new StoraRequestFactory(endpoint,
                (PropertyConfigurerGetter) endpoint.getComponent().getEndpointPropertyConfigurer());
        client = endpoint.getClient();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        StoraRequest request;
        StoraClient account;
        try {
            String accountName = exchange.getMessage().getHeader(StoraConstants.ACCOUNT, String.class);
            if (accountName == null) {
                account = client;
                request = requests.create(exchange, endpoint.getConfiguration());
            } else {
                StoraAccount named = endpoint.getComponent().account(accountName);
                account = endpoint.getComponent().beanClient(accountName, named);
                request = requests.create(exchange, named);
            }
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        CompletableFuture<StoraResponse> call = account.call(request);
        if (call.isDone()) {
            // the usual case: the limiter had a slot, the call ran on this thread
            complete(exchange, account, request, call);
            callback.done(true);
            return true;
        }
        call.whenComplete((response, error) -> {
            complete(exchange, account, request, call);
            callback.done(false);
        });
        return false;
    }

    private void complete(Exchange exchange, StoraClient account, StoraRequest request,
                          CompletableFuture<StoraResponse> call) {
        try {
            StoraResponse response = call.join();
            requests.succeeded(exchange, request);
            toMessage(exchange.getMessage(), account, request, response);
        } catch (CompletionException e) {
            exchange.setException(StoraErrors.unwrap(e));
        } catch (Exception e) {
            exchange.setException(e);
        }
    }

    private void toMessage(Message message, StoraClient account, StoraRequest request, StoraResponse response) {
        for (String header : RESULT_HEADERS) {
            message.removeHeader(header);
        }
        message.setHeader(StoraConstants.OPERATION, operation.uri());
        message.setHeader(StoraConstants.HTTP_RESPONSE_CODE, response.status());
        rateLimitHeader(message, StoraConstants.RATE_LIMIT_LIMIT, response.header("RateLimit-Limit"));
        rateLimitHeader(message, StoraConstants.RATE_LIMIT_REMAINING, response.header("RateLimit-Remaining"));
        rateLimitHeader(message, StoraConstants.RATE_LIMIT_RESET, response.header("RateLimit-Reset"));
        String contentType = response.header("Content-Type");
        if (contentType != null) {
            message.setHeader(StoraConstants.CONTENT_TYPE, contentType);
        }
        boolean json = request.format() == StoraFormat.JSON && operation.responseShape() != ResponseShape.BINARY;
        if (!json) {
            // CSV, PDF and images are handed over as they came
            message.setBody(response.body());
            return;
        }
        JsonNode document = StoraJson.parseOrNull(response.body());
        if (document == null) {
            message.setBody(null); // 204, or an empty 2xx
            return;
        }
        StoraOutputType output = endpoint.getConfiguration().getOutputType();
        // meta and its pagination are looked up once per response, not once per header
        JsonNode meta = StoraDocuments.meta(document);
        if (meta != null) {
            message.setHeader(StoraConstants.REQUEST_ID, StoraDocuments.requestId(meta));
            message.setHeader(StoraConstants.META, StoraOutputType.MAP.convert(meta));
        }
        JsonNode pagination = StoraDocuments.pagination(meta);
        if (pagination != null) {
            message.setHeader(StoraConstants.PAGINATION, StoraOutputType.MAP.convert(pagination));
            message.setHeader(StoraConstants.NEXT_PAGE, StoraDocuments.next(pagination));
            if (pagination.hasNonNull("count")) {
                message.setHeader(StoraConstants.TOTAL_COUNT, pagination.get("count").asLong());
            }
        }
        if (operation.isPaged() && endpoint.getRequestOptions().isFetchAllPages()) {
            message.setBody(new StoraPageIterator(account, request, document, endpoint.getRequestOptions().getMaxItems(),
                    endpoint.getConfiguration().getPagesInFlight(), output::convert));
        } else {
            message.setBody(output.convert(endpoint.getConfiguration().isUnwrap()
                    ? StoraDocuments.content(operation, document)
                    : document));
        }
    }

    /** A number as a Long; anything else (a structured RateLimit header) as the text Stora sent. */
    private static void rateLimitHeader(Message message, String name, String value) {
        if (value == null) {
            return;
        }
        try {
            message.setHeader(name, Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            message.setHeader(name, value);
        }
    }
}
