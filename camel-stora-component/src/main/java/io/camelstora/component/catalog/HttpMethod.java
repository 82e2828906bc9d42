package io.camelstora.component.catalog;

/** The HTTP methods the Stora Public API uses. */
public enum HttpMethod {
    GET,
    POST,
    PATCH,
    DELETE
}
