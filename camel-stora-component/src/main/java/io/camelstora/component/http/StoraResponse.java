package io.camelstora.component.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A response as received: status, headers (names lower-cased) and the body bytes.
 */
public record StoraResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The media type without parameters, lower case, or {@code null}. */
    public String mediaType() {
        String ct = header("Content-Type");
        if (ct == null) {
            return null;
        }
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public boolean isJson() {
        String mt = mediaType();
        return mt != null && (mt.equals("application/json") || mt.endsWith("+json"));
    }
}
