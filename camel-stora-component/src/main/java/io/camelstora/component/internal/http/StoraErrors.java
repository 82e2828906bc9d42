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
package io.camelstora.component.internal.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelstora.component.http.StoraApiException;
import io.camelstora.component.http.StoraRateLimitException;
import io.camelstora.component.http.StoraResponse;
import io.camelstora.component.internal.support.StoraJson;
import io.camelstora.component.limits.RateLimitWaitException;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;

/**
 * Turns what went wrong with a call into one {@link StoraApiException}: Stora's error body (https://docs.stora.co/2025-09/guides/errors), the
 * RFC 6749 error body of the OAuth 2 endpoints, a body that is not JSON at all, or no response.
 */
public final class StoraErrors {

    /**
     * The OAuth 2 endpoints' RFC 6749 error bodies carry no request id; Stora's Rails stack is assumed to send the
     * usual {@code X-Request-Id} response header (a guess: the reference pages show no response headers).
     */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private StoraErrors() {
    }

    /**
     * The failure inside the {@code CompletionException} wrappers a future chain adds and the
     * {@code ExecutionException} of {@code Future.get}: every caller that waits on or chains a call unwraps here.
     */
    public static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
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
            String requestId = firstNonNull(text(error, "request_id"), response.header(REQUEST_ID_HEADER));
            List<StoraApiException.Detail> details = new ArrayList<>();
            for (JsonNode d : error.path("details")) {
                details.add(new StoraApiException.Detail(text(d, "message"), text(d, "pointer")));
            }
            String explanation = details.isEmpty()
                    ? message
                    : String.join("; ", details.stream().map(StoraErrors::describe).toList());
            String advice = advice(request, code);
            String line = status + " " + (code == null ? "error" : code) + ": " + withAdvice(oneLine(explanation), advice)
                    + " (" + (requestId == null ? "" : "request_id " + requestId + ", ") + operation + ")";
            return new StoraApiException(line, operation, status, code, type, message, details, requestId, reset, null);
        }
        if (error != null && error.isTextual()) {
            // OAuth 2 endpoints answer RFC 6749 errors: {"error": "invalid_grant", "error_description": "..."}
            String code = error.asText();
            String message = text(doc, "error_description");
            String requestId = response.header(REQUEST_ID_HEADER);
            String advice = advice(request, code);
            String said = oneLine(message == null ? reason(status) : message);
            String line = status + " " + code + ": " + withAdvice(said, advice)
                    + " (" + (requestId == null ? "" : "request_id " + requestId + ", ") + operation + ")";
            return new StoraApiException(line, operation, status, code, null, message, List.of(), requestId, reset, null);
        }
        int size = response.body() == null ? 0 : response.body().length;
        String what = size == 0
                ? "with an empty body"
                : "with a " + (response.mediaType() == null ? "body of unknown type" : response.mediaType() + " body")
                        + " of " + size + " bytes instead of Stora's JSON error";
        String line = status + " " + reason(status) + " from " + operation + " (" + request.describe() + ") " + what
        // Stora never answers 407: the component's proxy refused the tunnel or the credentials
                + (status == 407 ? ": the proxy refused the stora component's proxyUsername and proxyPassword" : "");
        return new StoraApiException(line, operation, status, null, null, null, List.of(), null, reset, null);
    }

    /**
     * Whether the API rejected the access token itself (401 {@code invalid_token}, in Stora's error body or in the
     * RFC 6750 {@code WWW-Authenticate} header), the one 401 a renewed token can cure.
     */
    public static boolean isInvalidToken(StoraResponse response) {
        if (response.status() != 401) {
            return false;
        }
        String challenge = response.header("WWW-Authenticate");
        if (challenge != null && challenge.replace(" ", "").contains("error=\"invalid_token\"")) {
            return true;
        }
        JsonNode doc = response.isJson() ? StoraJson.parseOrNull(response.body()) : null;
        JsonNode error = doc == null ? null : doc.get("error");
        return error != null && error.isObject() && "invalid_token".equals(text(error, "code"));
    }

    /** What to do about an error, for the codes where that is known; {@code null} for the others. */
    private static String advice(StoraRequest request, String code) {
        if (code == null) {
            return null;
        }
        String grant = grantType(request);
        return switch (code) {
            case "forbidden" -> request.operation().scope() == null
                    ? "the credentials may not call " + request.operation().uri()
                    : request.operation().uri() + " needs scope " + request.operation().scope()
                            + "; grant it to the access token or OAuth application in BackOffice (Settings, Public API);"
                            + " an operator who authorised your application must then authorise it again";
            case "invalid_token" -> "the access token is invalid, expired or revoked; check accessToken (static tokens expire"
                    + " as set in BackOffice) or the OAuth 2 credentials";
            case "invalid_client" -> "Stora does not accept the OAuth 2 client; check clientId and clientSecret of the"
                    + " application in BackOffice (Settings, Public API)";
            case "invalid_grant" -> switch (grant) {
                case "refresh_token" -> "refresh token expired or revoked; re-authorise (docs/authentication.md) and store"
                        + " the new refresh token";
                case "authorization_code" -> "the authorization code expired, was already used, or does not match"
                        + " redirect_uri or code_verifier; start the authorisation again";
                default -> "Stora rejected the " + (grant.isEmpty() ? "" : grant + " ") + "grant; check the credentials";
            };
            case "invalid_scope" -> "the application may not have the requested scopes; request only scopes it was"
                    + " granted in BackOffice (Settings, Public API)";
            case "unauthorized_client", "unsupported_grant_type" -> "the application may not use the "
                    + (grant.isEmpty() ? "requested" : grant) + " grant; check its setup with Stora";
            default -> null;
        };
    }

    /** Stora's explanation, then what to do about it, as one sentence or two. */
    private static String withAdvice(String explanation, String advice) {
        if (advice == null) {
            return explanation;
        }
        if (explanation.isEmpty()) {
            return advice;
        }
        if (explanation.endsWith(".") && !advice.startsWith("stora:")) {
            return explanation + " " + Character.toUpperCase(advice.charAt(0)) + advice.substring(1) + ".";
        }
        return explanation + (explanation.endsWith(".") ? " " : "; ") + advice + ".";
    }

    /** The {@code grant_type} of a token request (JSON or form body), or "". */
    private static String grantType(StoraRequest request) {
        byte[] body = request.body();
        if (body == null || !"/oauth2/token".equals(request.operation().pathTemplate())) {
            return "";
        }
        if (StoraRequest.FORM.equals(request.bodyMediaType())) {
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                if (pair.startsWith("grant_type=")) {
                    return URLDecoder.decode(pair.substring("grant_type=".length()), StandardCharsets.UTF_8);
                }
            }
            return "";
        }
        JsonNode json = StoraJson.parseOrNull(body);
        String grant = text(json, "grant_type");
        return grant == null ? "" : grant;
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

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
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
