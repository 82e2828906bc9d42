package io.camelstora.component.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The resources of the Stora Public API as they appear in {@code stora:<resource>/<action>} URIs, with the keys their
 * JSON documents wrap a single record and a list in.
 * <p>
 * Keys follow the API reference examples (reference/README.md): note {@code endpoint}/{@code endpoints} for webhook
 * endpoints and {@code stage}, {@code line_item}, {@code event}, {@code source}, {@code template} for the nested
 * resources. Where no reference page shows the key (contract templates, staff) the singular of the path is the
 * documented guess; unwrapping falls back to the only non-{@code meta} member of the document when a key is absent.
 */
public enum StoraResource {

    CONTACTS("contacts", "contact", "contacts"),
    CONTRACT_TEMPLATES("contract_templates", "contract_template", "contract_templates"),
    CONTRACTS("contracts", "contract", "contracts"),
    COUPONS("coupons", "coupon", "coupons"),
    CREDIT_NOTES("credit_notes", "credit_note", "credit_notes"),
    DEAL_STAGES("deal_stages", "stage", "stages"),
    DEALS("deals", "deal", "deals"),
    IDENTITY_VERIFICATIONS("identity_verifications", "identity_verification", "identity_verifications"),
    IMAGES("images", null, null),
    INVOICES("invoices", "invoice", "invoices"),
    NOTES("notes", "note", "notes"),
    OAUTH("oauth", null, null),
    ORDER_LINE_ITEMS("order_line_items", "line_item", "line_items"),
    ORDERS("orders", "order", "orders"),
    PRODUCT_CATEGORIES("product_categories", "product_category", "product_categories"),
    PRODUCTS("products", "product", "products"),
    PROTECTION_LEVELS("protection_levels", "protection_level", "protection_levels"),
    SITES("sites", "site", "sites"),
    STAFF("staff", "staff", "staff"),
    SUBSCRIPTIONS("subscriptions", "subscription", "subscriptions"),
    TASKS("tasks", "task", "tasks"),
    TENANCIES("tenancies", "tenancy", "tenancies"),
    TIMELINE_EVENTS("timeline_events", "event", "events"),
    TIMELINE_SOURCES("timeline_sources", "source", "sources"),
    TIMELINE_TEMPLATES("timeline_templates", "template", "templates"),
    UNIT_ALLOCATIONS("unit_allocations", "unit_allocation", "unit_allocations"),
    UNIT_TYPES("unit_types", "unit_type", "unit_types"),
    UNITS("units", "unit", "units"),
    WEBHOOK_ENDPOINTS("webhook_endpoints", "endpoint", "endpoints");

    private final String uriName;
    private final String singularKey;
    private final String pluralKey;

    StoraResource(String uriName, String singularKey, String pluralKey) {
        this.uriName = uriName;
        this.singularKey = singularKey;
        this.pluralKey = pluralKey;
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
