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

import java.util.HashMap;
import java.util.Map;

import io.camelstora.component.catalog.StoraFormat;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * What one operation call sends: its path parameters and its query. Each option can be overridden per exchange by the
 * header of {@link StoraConstants} named after it.
 */
@UriParams
public class StoraRequestOptions {

    @UriParam(label = "producer",
            description = "The {contact_id} path parameter of stora:contacts/delete, stora:contacts/show, stora:contacts/update. Header CamelStoraContactId overrides it.")
    private String contactId;

    @UriParam(label = "producer",
            description = "The {contract_id} path parameter of stora:contracts/show. Header CamelStoraContractId overrides it.")
    private String contractId;

    @UriParam(label = "producer",
            description = "The {coupon_id} path parameter of stora:coupons/show. Header CamelStoraCouponId overrides it.")
    private String couponId;

    @UriParam(label = "producer",
            description = "The {credit_note_id} path parameter of stora:credit_notes/show. Header CamelStoraCreditNoteId overrides it.")
    private String creditNoteId;

    @UriParam(label = "producer",
            description = "The {deal_id} path parameter of stora:deals/lose, stora:deals/reopen, stora:deals/show, stora:deals/win. Header CamelStoraDealId overrides it.")
    private String dealId;

    @UriParam(label = "producer",
            description = "The {event_id} path parameter of stora:timeline_events/delete, stora:timeline_events/update. Header CamelStoraEventId overrides it.")
    private String eventId;

    @UriParam(label = "producer",
            description = "The {filename} path parameter of stora:images/show. Header CamelStoraFilename overrides it.")
    private String filename;

    @UriParam(label = "producer",
            description = "The {identity_verification_id} path parameter of stora:identity_verifications/show. Header CamelStoraIdentityVerificationId overrides it.")
    private String identityVerificationId;

    @UriParam(label = "producer",
            description = "The {invoice_id} path parameter of stora:invoices/show. Header CamelStoraInvoiceId overrides it.")
    private String invoiceId;

    @UriParam(label = "producer",
            description = "The {line_item_id} path parameter of stora:order_line_items/delete, stora:order_line_items/update. Header CamelStoraLineItemId overrides it.")
    private String lineItemId;

    @UriParam(label = "producer",
            description = "The {note_id} path parameter of stora:notes/delete, stora:notes/show, stora:notes/update. Header CamelStoraNoteId overrides it.")
    private String noteId;

    @UriParam(label = "producer",
            description = "The {order_id} path parameter of stora:order_line_items/create, stora:order_line_items/delete, stora:order_line_items/list, stora:order_line_items/update, stora:orders/delete, stora:orders/finalize, stora:orders/show, stora:orders/update, stora:orders/validate. Header CamelStoraOrderId overrides it.")
    private String orderId;

    @UriParam(label = "producer",
            description = "The {product_category_id} path parameter of stora:product_categories/show. Header CamelStoraProductCategoryId overrides it.")
    private String productCategoryId;

    @UriParam(label = "producer",
            description = "The {product_id} path parameter of stora:products/base_price, stora:products/show. Header CamelStoraProductId overrides it.")
    private String productId;

    @UriParam(label = "producer",
            description = "The {protection_level_id} path parameter of stora:protection_levels/base_price, stora:protection_levels/show. Header CamelStoraProtectionLevelId overrides it.")
    private String protectionLevelId;

    @UriParam(label = "producer",
            description = "The {site_id} path parameter of stora:sites/show. Header CamelStoraSiteId overrides it.")
    private String siteId;

    @UriParam(label = "producer",
            description = "The {source_id} path parameter of stora:timeline_sources/show. Header CamelStoraSourceId overrides it.")
    private String sourceId;

    @UriParam(label = "producer",
            description = "The {staff_id} path parameter of stora:staff/show. Header CamelStoraStaffId overrides it.")
    private String staffId;

    @UriParam(label = "producer",
            description = "The {stage_id} path parameter of stora:deal_stages/show. Header CamelStoraStageId overrides it.")
    private String stageId;

    @UriParam(label = "producer",
            description = "The {subscription_id} path parameter of stora:subscriptions/show. Header CamelStoraSubscriptionId overrides it.")
    private String subscriptionId;

    @UriParam(label = "producer",
            description = "The {task_id} path parameter of stora:tasks/complete, stora:tasks/delete, stora:tasks/open, stora:tasks/show, stora:tasks/update. Header CamelStoraTaskId overrides it.")
    private String taskId;

    @UriParam(label = "producer",
            description = "The {template_id} path parameter of stora:timeline_templates/show. Header CamelStoraTemplateId overrides it.")
    private String templateId;

    @UriParam(label = "producer",
            description = "The {tenancy_id} path parameter of stora:tenancies/show. Header CamelStoraTenancyId overrides it.")
    private String tenancyId;

    @UriParam(label = "producer", secret = true,
            description = "The {token} path parameter of stora:images/show. Header CamelStoraToken overrides it. The token of an image URL acts as its authorization, so it is treated as a secret.")
    private String token;

    @UriParam(label = "producer",
            description = "The {unit_allocation_id} path parameter of stora:unit_allocations/show. Header CamelStoraUnitAllocationId overrides it.")
    private String unitAllocationId;

    @UriParam(label = "producer",
            description = "The {unit_id} path parameter of stora:units/deallocate, stora:units/grant_access, stora:units/reserve, stora:units/show. Header CamelStoraUnitId overrides it.")
    private String unitId;

    @UriParam(label = "producer",
            description = "The {unit_type_id} path parameter of stora:unit_types/base_price, stora:unit_types/show. Header CamelStoraUnitTypeId overrides it.")
    private String unitTypeId;

    @UriParam(label = "producer",
            description = "The {webhook_endpoint_id} path parameter of stora:webhook_endpoints/delete, stora:webhook_endpoints/disable, stora:webhook_endpoints/enable, stora:webhook_endpoints/show, stora:webhook_endpoints/update. Header CamelStoraWebhookEndpointId overrides it.")
    private String webhookEndpointId;

    @UriParam(label = "producer",
            description = "Comma-separated objects to expand in the response, dot notation for nested ones (contact,line_items,line_items.item)."
                    + " Expanded resources need their own read scope.")
    private String expand;

    @UriParam(label = "producer", description = "The page of a list to fetch, from 1. Stora's default is 1.")
    private Integer page;

    @UriParam(label = "producer",
            description = "Items per page of a list, 1 to 100. Stora's default is 50; fetchAllPages uses 100 when unset.")
    private Integer limit;

    @UriParam(label = "producer",
            description = "The attribute a list is sorted by, such as created_at or updated_at. Stora's default is created_at.")
    private String sortBy;

    @UriParam(label = "producer", enums = "ASC,DESC", description = "The sort direction of a list. Stora's default is DESC.")
    private String sortDirection;

    @UriParam(label = "common", prefix = "filter.", multiValue = true,
            description = "Query filters of a list operation, one option per Stora parameter: filter.site_id=site_1,site_2,"
                    + " filter.status=available, filter.created_after=2025-01-01T00:00:00Z. Each name must be one the reference"
                    + " documents or presumes for the list, and each value of an enum filter one of its documented values"
                    + " (the operations reference lists them), or the endpoint is not created; validateFilters=false"
                    + " sends them as written. The CamelStoraFilters header adds to or replaces them per exchange. Other"
                    + " operations reject them.")
    private Map<String, Object> filters = new HashMap<>();

    @UriParam(label = "common", defaultValue = "true",
            description = "Check the filter names and enum values of the filter options (when the endpoint is created) and of"
                    + " the CamelStoraFilters header (before the call) against what the reference documents or presumes for"
                    + " the list, failing with the valid names or values. Set false to send a filter or value the stored"
                    + " reference pages do not show: it is then passed through as written.")
    private boolean validateFilters = true;

    @UriParam(label = "producer", defaultValue = "JSON", enums = "JSON,CSV,PDF",
            description = "The response format: JSON; CSV for list operations; PDF for invoices, credit notes and contracts show. A CSV or"
                    + " PDF body is handed over as bytes, with its media type in the Content-Type header.")
    private StoraFormat format = StoraFormat.JSON;

    @UriParam(label = "producer", defaultValue = "false",
            description = "For list operations: fetch every page. The body becomes an Iterator over the records that fetches the next page"
                    + " only when the records of the previous one were consumed, so split(body()).streaming() processes the first"
                    + " records before the last page is requested and memory holds one page at a time.")
    private boolean fetchAllPages;

    @UriParam(label = "producer", defaultValue = "0",
            description = "With fetchAllPages: stop after this many records (0 for no cap). Pages beyond the cap are not requested.")
    private int maxItems;

    public String getContactId() {
        return contactId;
    }

    public void setContactId(String contactId) {
        this.contactId = contactId;
    }

    public String getContractId() {
        return contractId;
    }

    public void setContractId(String contractId) {
        this.contractId = contractId;
    }

    public String getCouponId() {
        return couponId;
    }

    public void setCouponId(String couponId) {
        this.couponId = couponId;
    }

    public String getCreditNoteId() {
        return creditNoteId;
    }

    public void setCreditNoteId(String creditNoteId) {
        this.creditNoteId = creditNoteId;
    }

    public String getDealId() {
        return dealId;
    }

    public void setDealId(String dealId) {
        this.dealId = dealId;
    }

    public String getEventId() {
        return eventId;
    }

    public void setEventId(String eventId) {
        this.eventId = eventId;
    }

    public String getFilename() {
        return filename;
    }

    public void setFilename(String filename) {
        this.filename = filename;
    }

    public String getIdentityVerificationId() {
        return identityVerificationId;
    }

    public void setIdentityVerificationId(String identityVerificationId) {
        this.identityVerificationId = identityVerificationId;
    }

    public String getInvoiceId() {
        return invoiceId;
    }

    public void setInvoiceId(String invoiceId) {
        this.invoiceId = invoiceId;
    }

    public String getLineItemId() {
        return lineItemId;
    }

    public void setLineItemId(String lineItemId) {
        this.lineItemId = lineItemId;
    }

    public String getNoteId() {
        return noteId;
    }

    public void setNoteId(String noteId) {
        this.noteId = noteId;
    }

    public String getOrderId() {
        return orderId;
    }

    public void setOrderId(String orderId) {
        this.orderId = orderId;
    }

    public String getProductCategoryId() {
        return productCategoryId;
    }

    public void setProductCategoryId(String productCategoryId) {
        this.productCategoryId = productCategoryId;
    }

    public String getProductId() {
        return productId;
    }

    public void setProductId(String productId) {
        this.productId = productId;
    }

    public String getProtectionLevelId() {
        return protectionLevelId;
    }

    public void setProtectionLevelId(String protectionLevelId) {
        this.protectionLevelId = protectionLevelId;
    }

    public String getSiteId() {
        return siteId;
    }

    public void setSiteId(String siteId) {
        this.siteId = siteId;
    }

    public String getSourceId() {
        return sourceId;
    }

    public void setSourceId(String sourceId) {
        this.sourceId = sourceId;
    }

    public String getStaffId() {
        return staffId;
    }

    public void setStaffId(String staffId) {
        this.staffId = staffId;
    }

    public String getStageId() {
        return stageId;
    }

    public void setStageId(String stageId) {
        this.stageId = stageId;
    }

    public String getSubscriptionId() {
        return subscriptionId;
    }

    public void setSubscriptionId(String subscriptionId) {
        this.subscriptionId = subscriptionId;
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public String getTemplateId() {
        return templateId;
    }

    public void setTemplateId(String templateId) {
        this.templateId = templateId;
    }

    public String getTenancyId() {
        return tenancyId;
    }

    public void setTenancyId(String tenancyId) {
        this.tenancyId = tenancyId;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getUnitAllocationId() {
        return unitAllocationId;
    }

    public void setUnitAllocationId(String unitAllocationId) {
        this.unitAllocationId = unitAllocationId;
    }

    public String getUnitId() {
        return unitId;
    }

    public void setUnitId(String unitId) {
        this.unitId = unitId;
    }

    public String getUnitTypeId() {
        return unitTypeId;
    }

    public void setUnitTypeId(String unitTypeId) {
        this.unitTypeId = unitTypeId;
    }

    public String getWebhookEndpointId() {
        return webhookEndpointId;
    }

    public void setWebhookEndpointId(String webhookEndpointId) {
        this.webhookEndpointId = webhookEndpointId;
    }

    public String getExpand() {
        return expand;
    }

    public void setExpand(String expand) {
        this.expand = expand;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }

    public Integer getLimit() {
        return limit;
    }

    public void setLimit(Integer limit) {
        this.limit = limit;
    }

    public String getSortBy() {
        return sortBy;
    }

    public void setSortBy(String sortBy) {
        this.sortBy = sortBy;
    }

    public String getSortDirection() {
        return sortDirection;
    }

    public void setSortDirection(String sortDirection) {
        this.sortDirection = sortDirection;
    }

    public boolean isValidateFilters() {
        return validateFilters;
    }

    public void setValidateFilters(boolean validateFilters) {
        this.validateFilters = validateFilters;
    }

    public Map<String, Object> getFilters() {
        return filters;
    }

    public void setFilters(Map<String, Object> filters) {
        this.filters = filters;
    }

    public StoraFormat getFormat() {
        return format;
    }

    public void setFormat(StoraFormat format) {
        this.format = format;
    }

    public boolean isFetchAllPages() {
        return fetchAllPages;
    }

    public void setFetchAllPages(boolean fetchAllPages) {
        this.fetchAllPages = fetchAllPages;
    }

    public int getMaxItems() {
        return maxItems;
    }

    public void setMaxItems(int maxItems) {
        this.maxItems = maxItems;
    }
}
