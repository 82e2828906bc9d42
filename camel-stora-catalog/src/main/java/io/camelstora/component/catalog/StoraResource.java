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
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The resources of the Stora Public API as they appear in {@code stora:<resource>/<action>} URIs, with the keys their
 * JSON documents wrap a single record and a list in.
 * <p>
 * Keys follow the examples of the API reference (https://docs.stora.co/2025-09/api-reference): note {@code endpoint}/{@code endpoints} for webhook
 * endpoints and {@code stage}, {@code line_item}, {@code event}, {@code source}, {@code template} for the nested
 * resources. Where no reference page shows the key (contract templates, staff) the singular of the path is the
 * documented guess; unwrapping falls back to the only non-{@code meta} member of the document when a key is absent.
 */
public enum StoraResource {

    CONTACTS("contacts", "contact", "contacts", "con_"),
    CONTRACT_TEMPLATES("contract_templates", "contract_template", "contract_templates", "ctpl_"),
    CONTRACTS("contracts", "contract", "contracts", "ctr_"),
    COUPONS("coupons", "coupon", "coupons", "cpn_"),
    CREDIT_NOTES("credit_notes", "credit_note", "credit_notes", "cred_"),
    DEAL_STAGES("deal_stages", "stage", "stages", "dstg_"),
    DEALS("deals", "deal", "deals", "deal_"),
    IDENTITY_VERIFICATIONS("identity_verifications", "identity_verification", "identity_verifications", "idver_"),
    IMAGES("images", null, null, null),
    INVOICES("invoices", "invoice", "invoices", "inv_"),
    NOTES("notes", "note", "notes", "note_"),
    OAUTH("oauth", null, null, null),
    ORDER_LINE_ITEMS("order_line_items", "line_item", "line_items", "olitm_"),
    ORDERS("orders", "order", "orders", "order_"),
    PRODUCT_CATEGORIES("product_categories", "product_category", "product_categories", "pcat_"),
    PRODUCTS("products", "product", "products", "prod_"),
    PROTECTION_LEVELS("protection_levels", "protection_level", "protection_levels", "plvl_"),
    SITES("sites", "site", "sites", "site_"),
    STAFF("staff", "staff", "staff", "staff_"),
    SUBSCRIPTIONS("subscriptions", "subscription", "subscriptions", "sub_"),
    TASKS("tasks", "task", "tasks", "task_"),
    TENANCIES("tenancies", "tenancy", "tenancies", "ten_"),
    TIMELINE_EVENTS("timeline_events", "event", "events", "aevt_"),
    TIMELINE_SOURCES("timeline_sources", "source", "sources", "tsrc_"),
    TIMELINE_TEMPLATES("timeline_templates", "template", "templates", "aetpl_"),
    UNIT_ALLOCATIONS("unit_allocations", "unit_allocation", "unit_allocations", "alloc_"),
    UNIT_TYPES("unit_types", "unit_type", "unit_types", "utype_"),
    UNITS("units", "unit", "units", "unit_"),
    WEBHOOK_ENDPOINTS("webhook_endpoints", "endpoint", "endpoints", "we_");

    private final String uriName;
    private final String singularKey;
    private final String pluralKey;
    private final String idPrefix;

    StoraResource(String uriName, String singularKey, String pluralKey, String idPrefix) {
        this.uriName = uriName;
        this.singularKey = singularKey;
        this.pluralKey = pluralKey;
        this.idPrefix = idPrefix;
    }

    /** The name in {@code stora:<resource>/...}. */
    public String uriName() {
        return uriName;
    }

    /** The member a single record is wrapped in ({@code contact}), or {@code null} for unwrapped responses. */
    public String singularKey() {
        return singularKey;
    }

    /** The member a list is wrapped in ({@code contacts}), or {@code null} for unwrapped responses. */
    public String pluralKey() {
        return pluralKey;
    }

    /**
     * The prefix of this resource's ids ({@code con_} for contacts), as the reference examples show them (they win
     * over https://docs.stora.co/2025-09/guides/core-concepts where the two differ: {@code utype_}, {@code order_}, {@code cred_}), or {@code null}.
     */
    public String idPrefix() {
        return idPrefix;
    }

    /** The operations of this resource, in catalog order. */
    public List<StoraOperation> operations() {
        return Arrays.stream(StoraOperation.values()).filter(op -> op.resource() == this).toList();
    }

    /** The actions of this resource, as written in URIs. */
    public List<String> actionNames() {
        return operations().stream().map(StoraOperation::action).toList();
    }

    public static Optional<StoraResource> fromUriName(String name) {
        String wanted = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.uriName.equals(wanted)).findFirst();
    }

    /** All resource names, in catalog order. */
    public static List<String> uriNames() {
        return Arrays.stream(values()).map(StoraResource::uriName).toList();
    }
}
