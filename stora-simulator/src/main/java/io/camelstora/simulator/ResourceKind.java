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
package io.camelstora.simulator;

import java.util.HashMap;
import java.util.Map;

/**
 * Every kind of resource the simulator stores: its id prefix (as in reference/, which wins over the guides'
 * {@code ut_}/{@code ord_}/{@code cn_}), its wrapper keys and its scope family.
 */
public enum ResourceKind {
    CONTACT("con_", "contact", "contacts", "public.contact"),
    CONTRACT_TEMPLATE("ctpl_", "contract_template", "contract_templates", "public.contract_template"),
    CONTRACT("ctr_", "contract", "contracts", "public.contract"),
    COUPON("cpn_", "coupon", "coupons", "public.coupon"),
    CREDIT_NOTE("cred_", "credit_note", "credit_notes", "public.credit_note"),
    DEAL_STAGE("dstg_", "stage", "stages", "public.deal_stage"),
    DEAL("deal_", "deal", "deals", "public.deal"),
    IDENTITY_VERIFICATION("idver_", "identity_verification", "identity_verifications", "public.identity_verification"),
    INVOICE("inv_", "invoice", "invoices", "public.invoice"),
    NOTE("note_", "note", "notes", "public.note"),
    ORDER("order_", "order", "orders", "public.order"),
    ORDER_LINE_ITEM("olitm_", "line_item", "line_items", "public.order"),
    PRODUCT_CATEGORY("pcat_", "product_category", "product_categories", "public.product_category"),
    PRODUCT("prod_", "product", "products", "public.product"),
    PROTECTION_LEVEL("plvl_", "protection_level", "protection_levels", "public.protection_level"),
    SITE("site_", "site", "sites", "public.site"),
    // The staff pages were not stored: "staff" for both wrapper keys is a guess.
    STAFF("staff_", "staff", "staff", "public.staff"),
    SUBSCRIPTION("sub_", "subscription", "subscriptions", "public.subscription"),
    TASK("task_", "task", "tasks", "public.task"),
    TENANCY("ten_", "tenancy", "tenancies", "public.tenancy"),
    TIMELINE_EVENT("aevt_", "event", "events", "public.timeline_event"),
    TIMELINE_SOURCE("tsrc_", "source", "sources", "public.timeline_source"),
    TIMELINE_TEMPLATE("aetpl_", "template", "templates", "public.timeline_template"),
    UNIT_ALLOCATION("alloc_", "unit_allocation", "unit_allocations", "public.unit_allocation"),
    UNIT_TYPE("utype_", "unit_type", "unit_types", "public.unit_type"),
    UNIT("unit_", "unit", "units", "public.unit"),
    WEBHOOK_ENDPOINT("we_", "endpoint", "endpoints", "public.webhook_endpoint");

    private static final Map<String, ResourceKind> BY_PREFIX = new HashMap<>();

    static {
        for (ResourceKind kind : values()) {
            BY_PREFIX.put(kind.prefix, kind);
        }
    }

    public final String prefix;
    public final String singular;
    public final String plural;
    private final String scopeFamily;

    ResourceKind(String prefix, String singular, String plural, String scopeFamily) {
        this.prefix = prefix;
        this.singular = singular;
        this.plural = plural;
        this.scopeFamily = scopeFamily;
    }

    public String readScope() {
        return scopeFamily + ":read";
    }

    public String writeScope() {
        return scopeFamily + ":write";
    }

    /** The key under {@code event.data} in webhook payloads. */
    public String webhookKey() {
        return name().toLowerCase();
    }

    /** The kind an id belongs to, by its prefix; null for ids the simulator does not store ({@code tok_}, {@code app_}). */
    public static ResourceKind ofId(String id) {
        if (id == null) {
            return null;
        }
        int underscore = id.indexOf('_');
        return underscore < 0 ? null : BY_PREFIX.get(id.substring(0, underscore + 1));
    }
}
