package io.camelstora.component.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelstora.component.limits.RateLimitWaitException;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;

/**
 * Turns what went wrong with a call into one {@link StoraApiException}: Stora's error body (guides/errors.md), the
 * RFC 6749 error body of the OAuth 2 endpoints, a body that is not JSON at all, or no response.
 */
public final class StoraErrors {

    private StoraErrors() {
    }

    public static StoraApiException fromResponse(StoraRequest request, StoraResponse response) {
        String operation = request.operation().uri();
        int status = response.status();
        String reset = response.header("RateLimit-Reset");
        JsonNode doc = response.isJson() ? StoraJson.parseOrNull(response.body()) : null;
        JsonNode error = doc == null ? null : doc.get("error");

        if (error != null && error.isObject()) {
            String code = text(error, "code");
            String type = text(error, "type");
            String message = text(error, "message");
            String requestId = text(error, "request_id");
            List<StoraApiException.Detail> details = new ArrayList<>();
            for (JsonNode d : error.path("details")) {
                details.add(new StoraApiException.Detail(text(d, "message"), text(d, "pointer")));
            }
            String explanation = details.isEmpty()
                    ? message
                    : String.join("; ", details.stream().map(StoraErrors::describe).toList());
            String line = status + " " + (code == null ? "error" : code) + ": " + oneLine(explanation)
                          + " (" + (requestId == null ? "" : "request_id " + requestId + ", ") + operation + ")";
            return new StoraApiException(line, operation, status, code, type, message, details, requestId, reset, null);
        }
        if (error != null && error.isTextual()) {
            // OAuth 2 endpoints answer RFC 6749 errors: {"error": "invalid_grant", "error_description": "..."}
            String code = error.asText();
            String message = text(doc, "error_description");
            String line = status + " " + code + ": " + oneLine(message == null ? reason(status) : message)
                          + " (" + operation + ")";
            return new StoraApiException(line, operation, status, code, null, message, List.of(), null, reset, null);
        }
        int size = response.body() == null ? 0 : response.body().length;
        String what = size == 0
                ? "with an empty body"
                : "with a " + (response.mediaType() == null ? "body of unknown type" : response.mediaType() + " body")
                  + " of " + size + " bytes instead of Stora's JSON error";
        String line = status + " " + reason(status) + " from " + operation + " (" + request.describe() + ") " + what;
        return new StoraApiException(line, operation, status, null, null, null, List.of(), null, reset, null);
    }

    public static StoraApiException noResponse(StoraRequest request, Throwable cause) {
        String operation = request.operation().uri();
        if (cause instanceof RateLimitWaitException) {
            // the limiter refused: nothing was sent
            String line = operation + " (" + request.describe() + ") not sent: " + cause.getMessage();
            return new StoraRateLimitException(line, operation, 0, null, null, null, List.of(), null, null, cause);
        }
        String why = cause == null ? "unknown error"
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + oneLine(cause.getMessage()));
        String line = "No response from " + operation + " (" + request.describe() + "): " + why;
        return new StoraApiException(line, operation, 0, null, null, null, List.of(), null, null, cause);
    }

    /** Stora still answered 429 after the account waited {@code maxRateLimitWait} in total for this call. */
    public static StoraRateLimitException stillRateLimited(StoraRequest request, StoraResponse response, String waited,
                                                           String maxWait) {
        StoraApiException e = fromResponse(request, response);
        String line = e.getMessage() + "; still rate limited after waiting " + waited + " for this call, the"
                      + " maxRateLimitWait of the account (" + maxWait + "). Raise maxRateLimitWait or lower"
                      + " rateLimitPerSecond/rateLimitPerMinute to the account's plan";
        return new StoraRateLimitException(line, e.getOperation(), e.getStatus(), e.getCode(), e.getType(),
                e.getErrorMessage(), e.getDetails(), e.getRequestId(), e.getRateLimitReset(), null);
    }

    private static String describe(StoraApiException.Detail d) {
        return d.message() == null ? String.valueOf(d.pointer()) : d.message().replace("`", "");
    }

    private static String reason(int status) {
        String reason = EnglishReasonPhraseCatalog.INSTANCE.getReason(status, Locale.ENGLISH);
        return reason == null ? "HTTP error" : reason;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
