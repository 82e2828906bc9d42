package io.camelstora.component.catalog;

/** How a successful response document carries its content. */
public enum ResponseShape {
    /** {@code {"contact": {...}, "meta": {...}}}. */
    ENTITY,
    /** {@code {"contacts": [...], "meta": {"pagination": {...}}}}. */
    LIST,
    /** {@code {"success": {"message": ...}, "meta": {...}}}: deletes and bulk actions. */
    SUCCESS,
    /** The document is the content (OAuth 2 calls). */
    BARE,
    /** Not JSON: the bytes of an image. */
    BINARY
}
