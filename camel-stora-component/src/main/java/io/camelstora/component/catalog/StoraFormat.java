package io.camelstora.component.catalog;

import java.util.Locale;

/** Response formats the API negotiates through the {@code Accept} header (guides/responses.md). */
public enum StoraFormat {
    JSON("application/json"),
    CSV("text/csv"),
    PDF("application/pdf");

    private final String mediaType;

    StoraFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The lower-case name used in the {@code format} option. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
