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
package io.camelstora.component.catalog;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.camelstora.component.catalog.HttpMethod.DELETE;
import static io.camelstora.component.catalog.HttpMethod.GET;
import static io.camelstora.component.catalog.HttpMethod.PATCH;
import static io.camelstora.component.catalog.HttpMethod.POST;
import static io.camelstora.component.catalog.StoraResource.*;

/**
 * The operation catalog: the one place each of the 93 operations of the Stora Public API 2025-09 is described, exactly
 * as {@code operations.md} names them. The producer, the consumers, the generated documentation and the coverage tests
 * all read it.
 * <p>
 * What is not a column is a rule of the API applied in one place below: {@code list} operations are paged and also
 * answer CSV; {@code show} of invoices, credit notes and contracts also answers PDF; POST and PATCH carry a JSON body;
 * deletes and the bulk overlock actions answer {@code {"success": ...}}; the OAuth 2 calls answer bare objects; images
 * answer binary content and need no token.
 */
public enum StoraOperation {

    CONTACTS_CREATE(CONTACTS, "create", POST, "/2025-09/contacts", "public.contact:write", "Create a Contact"),
    CONTACTS_DELETE(CONTACTS, "delete", DELETE, "/2025-09/contacts/{contact_id}", "public.contact:write", "Delete a Contact"),
    CONTACTS_LIST(CONTACTS, "list", GET, "/2025-09/contacts", "public.contact:read", "List all Contacts"),
    CONTACTS_SHOW(CONTACTS, "show", GET, "/2025-09/contacts/{contact_id}", "public.contact:read", "Show a Contact"),
    CONTACTS_UPDATE(CONTACTS, "update", PATCH, "/2025-09/contacts/{contact_id}", "public.contact:write", "Update a Contact"),
    CONTRACT_TEMPLATES_LIST(CONTRACT_TEMPLATES, "list", GET, "/2025-09/contract_templates", "public.contract_template:read",
            "List all Contract Templates"),
    CONTRACTS_LIST(CONTRACTS, "list", GET, "/2025-09/contracts", "public.contract:read", "List all Contracts"),
    CONTRACTS_SHOW(CONTRACTS, "show", GET, "/2025-09/contracts/{contract_id}", "public.contract:read", "Show a Contract",
            StoraFormat.PDF),
    COUPONS_LIST(COUPONS, "list", GET, "/2025-09/coupons", "public.coupon:read", "List all Coupons"),
    COUPONS_SHOW(COUPONS, "show", GET, "/2025-09/coupons/{coupon_id}", "public.coupon:read", "Show a Coupon"),
    CREDIT_NOTES_LIST(CREDIT_NOTES, "list", GET, "/2025-09/credit_notes", "public.credit_note:read", "List all Credit Notes"),
    CREDIT_NOTES_SHOW(CREDIT_NOTES, "show", GET, "/2025-09/credit_notes/{credit_note_id}", "public.credit_note:read",
            "Show a Credit Note", StoraFormat.PDF),
    DEAL_STAGES_LIST(DEAL_STAGES, "list", GET, "/2025-09/deals/stages", "public.deal_stage:read", "List all Stages"),
    DEAL_STAGES_SHOW(DEAL_STAGES, "show", GET, "/2025-09/deals/stages/{stage_id}", "public.deal_stage:read",
            "Show a Deal Stage"),
    DEALS_LIST(DEALS, "list", GET, "/2025-09/deals", "public.deal:read", "List all Deals"),
    DEALS_LOSE(DEALS, "lose", POST, "/2025-09/deals/{deal_id}/lose", "public.deal:write", "Lose a Deal"),
    DEALS_REOPEN(DEALS, "reopen", POST, "/2025-09/deals/{deal_id}/reopen", "public.deal:write", "Reopen a Deal"),
    DEALS_SHOW(DEALS, "show", GET, "/2025-09/deals/{deal_id}", "public.deal:read", "Show a Deal"),
    DEALS_WIN(DEALS, "win", POST, "/2025-09/deals/{deal_id}/win", "public.deal:write", "Win a Deal"),
    IDENTITY_VERIFICATIONS_LIST(IDENTITY_VERIFICATIONS, "list", GET, "/2025-09/identity_verifications",
            "public.identity_verification:read", "List all Identity Verifications"),
    IDENTITY_VERIFICATIONS_SHOW(IDENTITY_VERIFICATIONS, "show", GET,
            "/2025-09/identity_verifications/{identity_verification_id}", "public.identity_verification:read",
            "Show an Identity Verification"),
    IMAGES_SHOW(IMAGES, "show", GET, "/2025-09/images/{token}/{filename}", null, "Get an image"),
    INVOICES_LIST(INVOICES, "list", GET, "/2025-09/invoices", "public.invoice:read", "List all Invoices"),
    INVOICES_SHOW(INVOICES, "show", GET, "/2025-09/invoices/{invoice_id}", "public.invoice:read", "Show an Invoice",
            StoraFormat.PDF),
    NOTES_CREATE(NOTES, "create", POST, "/2025-09/notes", "public.note:write", "Create a Note"),
    NOTES_DELETE(NOTES, "delete", DELETE, "/2025-09/notes/{note_id}", "public.note:write", "Delete a Note"),
    NOTES_LIST(NOTES, "list", GET, "/2025-09/notes", "public.note:read", "List all Notes"),
    NOTES_SHOW(NOTES, "show", GET, "/2025-09/notes/{note_id}", "public.note:read", "Show a Note"),
    NOTES_UPDATE(NOTES, "update", PATCH, "/2025-09/notes/{note_id}", "public.note:write", "Update a Note"),
    OAUTH_INTROSPECT(OAUTH, "introspect", POST, "/oauth2/introspect", null, "Introspect an Access Token"),
    OAUTH_TOKEN(OAUTH, "token", POST, "/oauth2/token", null, "Retrieve an Access Token"),
    OAUTH_INFO(OAUTH, "info", GET, "/oauth2/token/info", null, "Retrieve info for the Access Token"),
    OAUTH_REVOKE(OAUTH, "revoke", POST, "/oauth2/revoke", null, "Revoke an Access Token"),
    ORDER_LINE_ITEMS_CREATE(ORDER_LINE_ITEMS, "create", POST, "/2025-09/orders/{order_id}/line_items", "public.order:write",
            "Create a Line Item"),
    ORDER_LINE_ITEMS_DELETE(ORDER_LINE_ITEMS, "delete", DELETE, "/2025-09/orders/{order_id}/line_items/{line_item_id}",
            "public.order:write", "Delete a Line Item"),
    ORDER_LINE_ITEMS_LIST(ORDER_LINE_ITEMS, "list", GET, "/2025-09/orders/{order_id}/line_items", "public.order:read",
            "List all Line Items"),
    ORDER_LINE_ITEMS_UPDATE(ORDER_LINE_ITEMS, "update", PATCH, "/2025-09/orders/{order_id}/line_items/{line_item_id}",
            "public.order:write", "Update a Line Item"),
    ORDERS_CREATE(ORDERS, "create", POST, "/2025-09/orders", "public.order:write", "Create an Order"),
    ORDERS_DELETE(ORDERS, "delete", DELETE, "/2025-09/orders/{order_id}", "public.order:write", "Delete an Order"),
    ORDERS_FINALIZE(ORDERS, "finalize", POST, "/2025-09/orders/{order_id}/finalize", "public.order:write", "Finalize an Order"),
    ORDERS_LIST(ORDERS, "list", GET, "/2025-09/orders", "public.order:read", "List all Orders"),
    ORDERS_SHOW(ORDERS, "show", GET, "/2025-09/orders/{order_id}", "public.order:read", "Show an Order"),
    ORDERS_UPDATE(ORDERS, "update", PATCH, "/2025-09/orders/{order_id}", "public.order:write", "Update an Order"),
    ORDERS_VALIDATE(ORDERS, "validate", GET, "/2025-09/orders/{order_id}/validate", "public.order:read", "Validate an Order"),
    PRODUCT_CATEGORIES_LIST(PRODUCT_CATEGORIES, "list", GET, "/2025-09/product_categories", "public.product_category:read",
            "List all Product Categories"),
    PRODUCT_CATEGORIES_SHOW(PRODUCT_CATEGORIES, "show", GET, "/2025-09/product_categories/{product_category_id}",
            "public.product_category:read", "Show a Product Category"),
    PRODUCTS_BASE_PRICE(PRODUCTS, "base_price", POST, "/2025-09/products/{product_id}/base_price", "public.product:write",
            "Create Base Price for the Product"),
    PRODUCTS_LIST(PRODUCTS, "list", GET, "/2025-09/products", "public.product:read", "List all Products"),
    PRODUCTS_SHOW(PRODUCTS, "show", GET, "/2025-09/products/{product_id}", "public.product:read", "Show a Product"),
    PROTECTION_LEVELS_BASE_PRICE(PROTECTION_LEVELS, "base_price", POST,
            "/2025-09/protection_levels/{protection_level_id}/base_price", "public.protection_level:write",
            "Create Base Price for the Protection Level"),
    PROTECTION_LEVELS_LIST(PROTECTION_LEVELS, "list", GET, "/2025-09/protection_levels", "public.protection_level:read",
            "List all Protection Levels"),
    PROTECTION_LEVELS_SHOW(PROTECTION_LEVELS, "show", GET, "/2025-09/protection_levels/{protection_level_id}",
            "public.protection_level:read", "Show a Protection Level"),
    SITES_LIST(SITES, "list", GET, "/2025-09/sites", "public.site:read", "List all Sites"),
    SITES_SHOW(SITES, "show", GET, "/2025-09/sites/{site_id}", "public.site:read", "Show a Site"),
    STAFF_LIST(STAFF, "list", GET, "/2025-09/staff", "public.staff:read", "List all Staff"),
    STAFF_SHOW(STAFF, "show", GET, "/2025-09/staff/{staff_id}", "public.staff:read", "Show a Staff Member"),
    SUBSCRIPTIONS_LIST(SUBSCRIPTIONS, "list", GET, "/2025-09/subscriptions", "public.subscription:read",
            "List all Subscriptions"),
    SUBSCRIPTIONS_SHOW(SUBSCRIPTIONS, "show", GET, "/2025-09/subscriptions/{subscription_id}", "public.subscription:read",
            "Show a Subscription"),
    TASKS_COMPLETE(TASKS, "complete", POST, "/2025-09/tasks/{task_id}/complete", "public.task:write", "Complete a Task"),
    TASKS_CREATE(TASKS, "create", POST, "/2025-09/tasks", "public.task:write", "Create a Task"),
    TASKS_DELETE(TASKS, "delete", DELETE, "/2025-09/tasks/{task_id}", "public.task:write", "Delete a Task"),
    TASKS_LIST(TASKS, "list", GET, "/2025-09/tasks", "public.task:read", "List all Tasks"),
    TASKS_OPEN(TASKS, "open", POST, "/2025-09/tasks/{task_id}/open", "public.task:write", "Open a Task"),
    TASKS_SHOW(TASKS, "show", GET, "/2025-09/tasks/{task_id}", "public.task:read", "Show a Task"),
    TASKS_UPDATE(TASKS, "update", PATCH, "/2025-09/tasks/{task_id}", "public.task:write", "Update a Task"),
    TENANCIES_LIST(TENANCIES, "list", GET, "/2025-09/tenancies", "public.tenancy:read", "List all Tenancies"),
    TENANCIES_SHOW(TENANCIES, "show", GET, "/2025-09/tenancies/{tenancy_id}", "public.tenancy:read", "Show a Tenancy"),
    TIMELINE_EVENTS_CREATE(TIMELINE_EVENTS, "create", POST, "/2025-09/timeline/events", "public.timeline_event:write",
            "Create an Event"),
    TIMELINE_EVENTS_DELETE(TIMELINE_EVENTS, "delete", DELETE, "/2025-09/timeline/events/{event_id}",
            "public.timeline_event:write", "Delete an Event"),
    TIMELINE_EVENTS_UPDATE(TIMELINE_EVENTS, "update", PATCH, "/2025-09/timeline/events/{event_id}",
            "public.timeline_event:write", "Update an Event"),
    TIMELINE_SOURCES_LIST(TIMELINE_SOURCES, "list", GET, "/2025-09/timeline/sources", "public.timeline_source:read",
            "List all Sources"),
    TIMELINE_SOURCES_SHOW(TIMELINE_SOURCES, "show", GET, "/2025-09/timeline/sources/{source_id}", "public.timeline_source:read",
            "Show a Source"),
    TIMELINE_TEMPLATES_LIST(TIMELINE_TEMPLATES, "list", GET, "/2025-09/timeline/templates", "public.timeline_template:read",
            "List all Templates"),
    TIMELINE_TEMPLATES_SHOW(TIMELINE_TEMPLATES, "show", GET, "/2025-09/timeline/templates/{template_id}",
            "public.timeline_template:read", "Show a Template"),
    UNIT_ALLOCATIONS_LIST(UNIT_ALLOCATIONS, "list", GET, "/2025-09/unit_allocations", "public.unit_allocation:read",
            "List all Unit Allocations"),
    UNIT_ALLOCATIONS_SHOW(UNIT_ALLOCATIONS, "show", GET, "/2025-09/unit_allocations/{unit_allocation_id}",
            "public.unit_allocation:read", "Show a Unit Allocation"),
    UNIT_TYPES_BASE_PRICE(UNIT_TYPES, "base_price", POST, "/2025-09/unit_types/{unit_type_id}/base_price",
            "public.unit_type:write", "Create Base Price for the Unit Type"),
    UNIT_TYPES_LIST(UNIT_TYPES, "list", GET, "/2025-09/unit_types", "public.unit_type:read", "List all Unit Types"),
    UNIT_TYPES_SHOW(UNIT_TYPES, "show", GET, "/2025-09/unit_types/{unit_type_id}", "public.unit_type:read", "Show a Unit Type"),
    UNITS_DEALLOCATE(UNITS, "deallocate", POST, "/2025-09/units/{unit_id}/deallocate", "public.unit:write",
            "Deallocate a Unit"),
    UNITS_GRANT_ACCESS(UNITS, "grant_access", POST, "/2025-09/units/{unit_id}/grant_access", "public.unit:write",
            "Grant Access to a Unit"),
    UNITS_OVERLOCK(UNITS, "overlock", POST, "/2025-09/units/overlock", "public.unit:write", "Overlock Units by Contact"),
    UNITS_REMOVE_OVERLOCK(UNITS, "remove_overlock", POST, "/2025-09/units/remove_overlock", "public.unit:write",
            "Remove Overlock from Units by Contact"),
    UNITS_RESERVE(UNITS, "reserve", POST, "/2025-09/units/{unit_id}/reserve", "public.unit:write", "Reserve a Unit"),
    UNITS_LIST(UNITS, "list", GET, "/2025-09/units", "public.unit:read", "List all Units"),
    UNITS_SHOW(UNITS, "show", GET, "/2025-09/units/{unit_id}", "public.unit:read", "Show a Unit"),
    WEBHOOK_ENDPOINTS_CREATE(WEBHOOK_ENDPOINTS, "create", POST, "/2025-09/webhook_endpoints", "public.webhook_endpoint:write",
            "Create a Webhook Endpoint"),
    WEBHOOK_ENDPOINTS_DELETE(WEBHOOK_ENDPOINTS, "delete", DELETE, "/2025-09/webhook_endpoints/{webhook_endpoint_id}",
            "public.webhook_endpoint:write", "Delete a Webhook Endpoint"),
    WEBHOOK_ENDPOINTS_DISABLE(WEBHOOK_ENDPOINTS, "disable", POST, "/2025-09/webhook_endpoints/{webhook_endpoint_id}/disable",
            "public.webhook_endpoint:write", "Disable a Webhook Endpoint"),
    WEBHOOK_ENDPOINTS_ENABLE(WEBHOOK_ENDPOINTS, "enable", POST, "/2025-09/webhook_endpoints/{webhook_endpoint_id}/enable",
            "public.webhook_endpoint:write", "Enable a Webhook Endpoint"),
    WEBHOOK_ENDPOINTS_LIST(WEBHOOK_ENDPOINTS, "list", GET, "/2025-09/webhook_endpoints", "public.webhook_endpoint:read",
            "List all Webhook Endpoints"),
    WEBHOOK_ENDPOINTS_SHOW(WEBHOOK_ENDPOINTS, "show", GET, "/2025-09/webhook_endpoints/{webhook_endpoint_id}",
            "public.webhook_endpoint:read", "Show a Webhook Endpoint"),
    WEBHOOK_ENDPOINTS_UPDATE(WEBHOOK_ENDPOINTS, "update", PATCH, "/2025-09/webhook_endpoints/{webhook_endpoint_id}",
            "public.webhook_endpoint:write", "Update a Webhook Endpoint");

    /** The API version every resource path is prefixed with. */
    public static final String API_VERSION = "2025-09";

    private final StoraResource resource;
    private final String action;
    private final HttpMethod method;
    private final String pathTemplate;
    private final String scope;
    private final String title;
    private final Set<StoraFormat> formats;
    private final List<PathParameter> pathParameters;
    /** Computed once: every call puts it in a header, a metric tag or a message. */
    private final String uri;

    StoraOperation(StoraResource resource, String action, HttpMethod method, String pathTemplate, String scope,
                   String title, StoraFormat... extraFormats) {
        this.resource = resource;
        this.action = action;
        this.method = method;
        this.pathTemplate = pathTemplate;
        this.scope = scope;
        this.title = title;
        EnumSet<StoraFormat> accepted = EnumSet.of(StoraFormat.JSON);
        accepted.addAll(Arrays.asList(extraFormats));
        if ("list".equals(action)) {
            accepted.add(StoraFormat.CSV);
        }
        this.formats = Collections.unmodifiableSet(accepted);
        this.pathParameters = PathParameter.parse(pathTemplate);
        this.uri = "stora:" + resource.uriName() + "/" + action;
    }

    public StoraResource resource() {
        return resource;
    }

    /** The action as written in the URI: {@code list}, {@code show}, {@code finalize}, {@code grant_access}... */
    public String action() {
        return action;
    }

    public HttpMethod method() {
        return method;
    }

    /** The path with {@code {snake_case}} placeholders, as documented: {@code /2025-09/contacts/{contact_id}}. */
    public String pathTemplate() {
        return pathTemplate;
    }

    /** The OAuth scope the call needs, or {@code null} when it needs none (OAuth 2 calls, images). */
    public String scope() {
        return scope;
    }

    /** The operation's title in the API reference. */
    public String title() {
        return title;
    }

    /** {@code stora:<resource>/<action>}. */
    public String uri() {
        return uri;
    }

    /** The path parameters in template order, each with its endpoint option and header name. */
    public List<PathParameter> pathParameters() {
        return pathParameters;
    }

    /** The response formats this operation can answer with. */
    public Set<StoraFormat> formats() {
        return formats;
    }

    /** Whether the operation answers a page of a list and takes {@code page}/{@code limit}. */
    public boolean isPaged() {
        return "list".equals(action);
    }

    /** Whether a JSON request body is sent (POST and PATCH). */
    public boolean hasBody() {
        return method == POST || method == PATCH;
    }

    /** Whether the call is sent with {@code Authorization: Bearer <access token>}. */
    public boolean requiresAccessToken() {
        if (resource == IMAGES) {
            return false;
        }
        // the token and revoke calls authenticate with the client credentials in their body
        return !(resource == OAUTH && ("token".equals(action) || "revoke".equals(action)));
    }

    /** How the JSON document of a successful response wraps its content. */
    public ResponseShape responseShape() {
        if (resource == IMAGES) {
            return ResponseShape.BINARY;
        }
        if (resource == OAUTH) {
            return ResponseShape.BARE;
        }
        if (isPaged()) {
            return ResponseShape.LIST;
        }
        if (method == DELETE || (resource == UNITS && action.endsWith("overlock"))) {
            return ResponseShape.SUCCESS;
        }
        return ResponseShape.ENTITY;
    }

    /** The member of the response document that holds the content, or {@code null} when the document is the content. */
    public String responseKey() {
        return switch (responseShape()) {
            case LIST -> resource.pluralKey();
            case ENTITY -> resource.singularKey();
            case SUCCESS -> "success";
            case BARE, BINARY -> null;
        };
    }

    public static Optional<StoraOperation> find(StoraResource resource, String action) {
        return Arrays.stream(values()).filter(op -> op.resource == resource && op.action.equals(action)).findFirst();
    }

    /** Every action name used by some resource, sorted, without duplicates. */
    public static List<String> actionNames() {
        return Arrays.stream(values()).map(StoraOperation::action).distinct().sorted().toList();
    }

    @Override
    public String toString() {
        return uri();
    }
}
