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
public final class StoraConstants {

    // ---- path parameters: one header per endpoint option, named CamelStora<Option>

    @Metadata(label = "producer",
            description = "The {contact_id} path parameter of stora:contacts/delete, stora:contacts/show, stora:contacts/update: overrides the contactId endpoint option for this exchange.",
            javaType = "String")
    public static final String CONTACT_ID = "CamelStoraContactId";
    @Metadata(label = "producer",
            description = "The {contract_id} path parameter of stora:contracts/show: overrides the contractId endpoint option for this exchange.",
            javaType = "String")
    public static final String CONTRACT_ID = "CamelStoraContractId";
    @Metadata(label = "producer",
            description = "The {coupon_id} path parameter of stora:coupons/show: overrides the couponId endpoint option for this exchange.",
            javaType = "String")
    public static final String COUPON_ID = "CamelStoraCouponId";
    @Metadata(label = "producer",
            description = "The {credit_note_id} path parameter of stora:credit_notes/show: overrides the creditNoteId endpoint option for this exchange.",
            javaType = "String")
    public static final String CREDIT_NOTE_ID = "CamelStoraCreditNoteId";
    @Metadata(label = "producer",
            description = "The {deal_id} path parameter of stora:deals/lose, stora:deals/reopen, stora:deals/show, stora:deals/win: overrides the dealId endpoint option for this exchange.",
            javaType = "String")
    public static final String DEAL_ID = "CamelStoraDealId";
    @Metadata(label = "producer",
            description = "The {event_id} path parameter of stora:timeline_events/delete, stora:timeline_events/update: overrides the eventId endpoint option for this exchange.",
            javaType = "String")
    public static final String EVENT_ID = "CamelStoraEventId";
    @Metadata(label = "producer",
            description = "The {filename} path parameter of stora:images/show: overrides the filename endpoint option for this exchange.",
            javaType = "String")
    public static final String FILENAME = "CamelStoraFilename";
    @Metadata(label = "producer",
            description = "The {identity_verification_id} path parameter of stora:identity_verifications/show: overrides the identityVerificationId endpoint option for this exchange.",
            javaType = "String")
    public static final String IDENTITY_VERIFICATION_ID = "CamelStoraIdentityVerificationId";
    @Metadata(label = "producer",
            description = "The {invoice_id} path parameter of stora:invoices/show: overrides the invoiceId endpoint option for this exchange.",
            javaType = "String")
    public static final String INVOICE_ID = "CamelStoraInvoiceId";
    @Metadata(label = "producer",
            description = "The {line_item_id} path parameter of stora:order_line_items/delete, stora:order_line_items/update: overrides the lineItemId endpoint option for this exchange.",
            javaType = "String")
    public static final String LINE_ITEM_ID = "CamelStoraLineItemId";
    @Metadata(label = "producer",
            description = "The {note_id} path parameter of stora:notes/delete, stora:notes/show, stora:notes/update: overrides the noteId endpoint option for this exchange.",
            javaType = "String")
    public static final String NOTE_ID = "CamelStoraNoteId";
    @Metadata(label = "producer",
            description = "The {order_id} path parameter of stora:order_line_items/create, stora:order_line_items/delete, stora:order_line_items/list, stora:order_line_items/update, stora:orders/delete, stora:orders/finalize, stora:orders/show, stora:orders/update, stora:orders/validate: overrides the orderId endpoint option for this exchange.",
            javaType = "String")
    public static final String ORDER_ID = "CamelStoraOrderId";
    @Metadata(label = "producer",
            description = "The {product_category_id} path parameter of stora:product_categories/show: overrides the productCategoryId endpoint option for this exchange.",
            javaType = "String")
    public static final String PRODUCT_CATEGORY_ID = "CamelStoraProductCategoryId";
    @Metadata(label = "producer",
            description = "The {product_id} path parameter of stora:products/base_price, stora:products/show: overrides the productId endpoint option for this exchange.",
            javaType = "String")
    public static final String PRODUCT_ID = "CamelStoraProductId";
    @Metadata(label = "producer",
            description = "The {protection_level_id} path parameter of stora:protection_levels/base_price, stora:protection_levels/show: overrides the protectionLevelId endpoint option for this exchange.",
            javaType = "String")
    public static final String PROTECTION_LEVEL_ID = "CamelStoraProtectionLevelId";
    @Metadata(label = "producer",
            description = "The {site_id} path parameter of stora:sites/show: overrides the siteId endpoint option for this exchange.",
            javaType = "String")
    public static final String SITE_ID = "CamelStoraSiteId";
    @Metadata(label = "producer",
            description = "The {source_id} path parameter of stora:timeline_sources/show: overrides the sourceId endpoint option for this exchange.",
            javaType = "String")
    public static final String SOURCE_ID = "CamelStoraSourceId";
    @Metadata(label = "producer",
            description = "The {staff_id} path parameter of stora:staff/show: overrides the staffId endpoint option for this exchange.",
            javaType = "String")
    public static final String STAFF_ID = "CamelStoraStaffId";
    @Metadata(label = "producer",
            description = "The {stage_id} path parameter of stora:deal_stages/show: overrides the stageId endpoint option for this exchange.",
            javaType = "String")
    public static final String STAGE_ID = "CamelStoraStageId";
    @Metadata(label = "producer",
            description = "The {subscription_id} path parameter of stora:subscriptions/show: overrides the subscriptionId endpoint option for this exchange.",
            javaType = "String")
    public static final String SUBSCRIPTION_ID = "CamelStoraSubscriptionId";
    @Metadata(label = "producer",
            description = "The {task_id} path parameter of stora:tasks/complete, stora:tasks/delete, stora:tasks/open, stora:tasks/show, stora:tasks/update: overrides the taskId endpoint option for this exchange.",
            javaType = "String")
    public static final String TASK_ID = "CamelStoraTaskId";
    @Metadata(label = "producer",
            description = "The {template_id} path parameter of stora:timeline_templates/show: overrides the templateId endpoint option for this exchange.",
            javaType = "String")
    public static final String TEMPLATE_ID = "CamelStoraTemplateId";
    @Metadata(label = "producer",
            description = "The {tenancy_id} path parameter of stora:tenancies/show: overrides the tenancyId endpoint option for this exchange.",
            javaType = "String")
    public static final String TENANCY_ID = "CamelStoraTenancyId";
    @Metadata(label = "producer",
            description = "The {token} path parameter of stora:images/show: overrides the token endpoint option for this exchange.",
            javaType = "String")
    public static final String TOKEN = "CamelStoraToken";
    @Metadata(label = "producer",
            description = "The {unit_allocation_id} path parameter of stora:unit_allocations/show: overrides the unitAllocationId endpoint option for this exchange.",
            javaType = "String")
    public static final String UNIT_ALLOCATION_ID = "CamelStoraUnitAllocationId";
    @Metadata(label = "producer",
            description = "The {unit_id} path parameter of stora:units/deallocate, stora:units/grant_access, stora:units/reserve, stora:units/show: overrides the unitId endpoint option for this exchange.",
            javaType = "String")
    public static final String UNIT_ID = "CamelStoraUnitId";
    @Metadata(label = "producer",
            description = "The {unit_type_id} path parameter of stora:unit_types/base_price, stora:unit_types/show: overrides the unitTypeId endpoint option for this exchange.",
            javaType = "String")
    public static final String UNIT_TYPE_ID = "CamelStoraUnitTypeId";
    @Metadata(label = "producer",
            description = "The {webhook_endpoint_id} path parameter of stora:webhook_endpoints/delete, stora:webhook_endpoints/disable, stora:webhook_endpoints/enable, stora:webhook_endpoints/show, stora:webhook_endpoints/update: overrides the webhookEndpointId endpoint option for this exchange.",
            javaType = "String")
    public static final String WEBHOOK_ENDPOINT_ID = "CamelStoraWebhookEndpointId";

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
