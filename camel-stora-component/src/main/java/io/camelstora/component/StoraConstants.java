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

import org.apache.camel.Exchange;
import org.apache.camel.spi.Metadata;

/**
 * Message headers of the Stora component. Headers named after an endpoint option override that option for one
 * exchange; the others describe the response, or the event the webhook consumer received.
 */
public final class StoraConstants implements StoraPathParameterHeaders {

    // ---- path parameters: one header per endpoint option, named CamelStora<Option>, generated from the catalog into
    // StoraPathParameterHeaders (CONTACT_ID, ORDER_ID...)

    // ---- query parameters

    @Metadata(label = "producer",
            description = "Comma-separated objects to expand, dot notation for nested ones (contact,line_items,line_items.item): overrides the expand option.",
            javaType = "String")
    public static final String EXPAND = "CamelStoraExpand";
    @Metadata(label = "producer", description = "The page of a list to fetch (from 1): overrides the page option.",
            javaType = "Integer")
    public static final String PAGE = "CamelStoraPage";
    @Metadata(label = "producer", description = "Items per page of a list, 1 to 100: overrides the limit option.",
            javaType = "Integer")
    public static final String LIMIT = "CamelStoraLimit";
    @Metadata(label = "producer",
            description = "The attribute a list is sorted by (created_at, updated_at...): overrides the sortBy option.",
            javaType = "String")
    public static final String SORT_BY = "CamelStoraSortBy";
    @Metadata(label = "producer", description = "ASC or DESC: overrides the sortDirection option.", javaType = "String")
    public static final String SORT_DIRECTION = "CamelStoraSortDirection";
    @Metadata(label = "producer",
            description = "Query filters of a list as a map of Stora parameter name to value (site_id, status, email, created_after...); a collection value is sent comma-separated. Merged over the filter options of the endpoint, and checked as they are, before the call: a name the reference neither documents nor presumes for the list, or a value outside the documented values of an enum filter, fails the exchange unless validateFilters=false. Only list operations send them: other operations ignore the header, so filters left on the message by a lookup never reach a later call.",
            javaType = "java.util.Map<String, Object>")
    public static final String FILTERS = "CamelStoraFilters";
    @Metadata(label = "producer", description = "The response format (json, csv or pdf): overrides the format option.",
            javaType = "String")
    public static final String FORMAT = "CamelStoraFormat";
    @Metadata(label = "producer",
            description = "The Idempotency-Key sent with a POST. When absent the component generates one per exchange and endpoint and reuses it on every retry and redelivery of that exchange. A key set here is sent on every retry and redelivery of the POST too; once Stora answers 2xx the header is removed, so the next POST of the route does not send it again (Stora would replay this answer). After a failure it stays for the redelivery.",
            javaType = "String")
    public static final String IDEMPOTENCY_KEY = "CamelStoraIdempotencyKey";

    @Metadata(label = "producer",
            description = "The name of a io.camelstora.component.StoraAccount bean in the registry (its base URL and credentials) to make this call as, instead of the endpoint's account: for applications serving many operators. The call uses the component's account options (rate limits per account, retries, timeouts) and its connections; each account keeps its own token cache, rate limiter, statistics and health check, created on first use. An unknown name fails the exchange before any call.",
            javaType = "String")
    public static final String ACCOUNT = "CamelStoraAccount";

    // ---- polling consumer (from("stora:<resource>/list"))

    @Metadata(label = "consumer", description = "The id of the record the exchange carries (one exchange per record).",
            javaType = "String")
    public static final String POLL_RECORD_ID = "CamelStoraPollRecordId";
    @Metadata(label = "consumer",
            description = "The created_at of the record the exchange carries, as the API wrote it (one exchange per record).",
            javaType = "String")
    public static final String POLL_RECORD_CREATED_AT = "CamelStoraPollRecordCreatedAt";
    @Metadata(label = "consumer",
            description = "The updated_at of the record the exchange carries, as the API wrote it, or null for records without one (one exchange per record).",
            javaType = "String")
    public static final String POLL_RECORD_UPDATED_AT = "CamelStoraPollRecordUpdatedAt";
    @Metadata(label = "consumer",
            description = "The newest updated_at (created_at in CREATED mode) the consumer has sent, this exchange's records included (ISO-8601). For lists sorted by it, the cursor saved once this exchange and the ones before it completed.",
            javaType = "String")
    public static final String POLL_CURSOR = "CamelStoraPollCursor";
    @Metadata(label = "consumer", description = "The stateKey of the consumer that sent the exchange.", javaType = "String")
    public static final String POLL_STATE_KEY = "CamelStoraPollStateKey";

    // ---- response

    @Metadata(label = "producer",
            description = "The operation that was called, as its endpoint URI without options: stora:contacts/show.",
            javaType = "String")
    public static final String OPERATION = "CamelStoraOperation";
    @Metadata(label = "producer", description = "meta.request_id of the response: quote it to Stora support.",
            javaType = "String")
    public static final String REQUEST_ID = "CamelStoraRequestId";
    @Metadata(label = "producer",
            description = "The whole meta object of the response (request_id, curies, pagination, unit_ids...).",
            javaType = "java.util.Map<String, Object>")
    public static final String META = "CamelStoraMeta";
    @Metadata(label = "producer",
            description = "meta.pagination of a list response: count, page, pages, limit, next, prev, last.",
            javaType = "java.util.Map<String, Object>")
    public static final String PAGINATION = "CamelStoraPagination";
    @Metadata(label = "producer",
            description = "The next page of a list, or null on the last page (from meta.pagination.next).",
            javaType = "Integer")
    public static final String NEXT_PAGE = "CamelStoraNextPage";
    @Metadata(label = "producer", description = "The total number of records of a list (meta.pagination.count).",
            javaType = "Long")
    public static final String TOTAL_COUNT = "CamelStoraTotalCount";
    @Metadata(label = "producer",
            description = "RateLimit-Limit of the response when Stora sends it: the requests allowed in the current rate-limit window; the header's text as sent when it is not a plain number.",
            javaType = "Long")
    public static final String RATE_LIMIT_LIMIT = "CamelStoraRateLimitLimit";
    @Metadata(label = "producer",
            description = "RateLimit-Remaining of the response when Stora sends it: the requests left in the current rate-limit window; the header's text as sent when it is not a plain number.",
            javaType = "Long")
    public static final String RATE_LIMIT_REMAINING = "CamelStoraRateLimitRemaining";
    @Metadata(label = "producer",
            description = "RateLimit-Reset of the response when Stora sends it: when the current rate-limit window resets, in UTC epoch seconds; the header's text as sent when it is not a plain number.",
            javaType = "Long")
    public static final String RATE_LIMIT_RESET = "CamelStoraRateLimitReset";
    @Metadata(label = "producer", description = "The HTTP status code of the response.", javaType = "Integer")
    public static final String HTTP_RESPONSE_CODE = Exchange.HTTP_RESPONSE_CODE;
    @Metadata(label = "producer",
            description = "The media type of the response body: application/json, text/csv, application/pdf or an image type.",
            javaType = "String")
    public static final String CONTENT_TYPE = Exchange.CONTENT_TYPE;

    // ---- webhook consumer: named CamelStoraWebhook* so that a route receiving an event and then calling the API is not
    // steered by them (CamelStoraEventId is the {event_id} of stora:timeline_events/update)

    @Metadata(label = "consumer", description = "event.id of the delivered webhook event (evt_...): the key of de-duplication.",
            javaType = "String")
    public static final String WEBHOOK_EVENT_ID = "CamelStoraWebhookEventId";
    @Metadata(label = "consumer", description = "event.type of the delivered webhook event, e.g. invoice.paid.",
            javaType = "String")
    public static final String WEBHOOK_EVENT_TYPE = "CamelStoraWebhookEventType";
    @Metadata(label = "consumer",
            description = "event.created_at of the delivered webhook event: when it happened, ISO 8601 UTC.",
            javaType = "String")
    public static final String WEBHOOK_CREATED_AT = "CamelStoraWebhookCreatedAt";
    @Metadata(label = "consumer",
            description = "event.api_version of the delivered webhook event (2025-09); absent in older payloads.",
            javaType = "String")
    public static final String WEBHOOK_API_VERSION = "CamelStoraWebhookApiVersion";
    @Metadata(label = "consumer",
            description = "The X-Stora-Request-Id of the delivery attempt: differs between retries of one event, quote it to Stora support.",
            javaType = "String")
    public static final String WEBHOOK_REQUEST_ID = "CamelStoraWebhookRequestId";
    @Metadata(label = "consumer",
            description = "The id of the resource the event is about (the id under event.data), e.g. inv_....",
            javaType = "String")
    public static final String WEBHOOK_RESOURCE_ID = "CamelStoraWebhookResourceId";

    private StoraConstants() {
    }
}
