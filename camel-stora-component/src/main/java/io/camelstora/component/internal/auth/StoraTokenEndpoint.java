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
package io.camelstora.component.internal.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.component.auth.OAuthTokens;
import io.camelstora.component.catalog.StoraFormat;
import io.camelstora.component.catalog.StoraOperation;
import io.camelstora.component.http.StoraApiException;
import io.camelstora.component.http.StoraResponse;
import io.camelstora.component.internal.http.StoraErrors;
import io.camelstora.component.internal.http.StoraHttpTransport;
import io.camelstora.component.internal.http.StoraRequest;
import io.camelstora.component.internal.support.StoraJson;

/**
 * The three grants of {@code POST /oauth2/token}, sent through the account's {@link StoraHttpTransport}: client
 * credentials as JSON (https://docs.stora.co/2025-09/api-reference/oauth-2), authorization code and refresh token form-encoded
 * (https://docs.stora.co/2025-09/guides/authentication). Failures are {@link StoraApiException}s saying what to do, and a 2xx without an
 * {@code access_token} is one too.
 */
public final class StoraTokenEndpoint {

    private final StoraHttpTransport transport;
    private final String baseUrl;

    public StoraTokenEndpoint(StoraHttpTransport transport, String baseUrl) {
        this.transport = transport;
        this.baseUrl = baseUrl;
    }

    /** Scopes as Stora wants them: separated by single spaces. Accepts spaces and commas. */
    public static String scopeParameter(Collection<String> scopes) {
        return String.join(" ", scopes);
    }

    /** Splits a {@code scopes} option value at spaces and commas. */
    public static List<String> parseScopes(String scopes) {
        if (scopes == null || scopes.isBlank()) {
            return List.of();
        }
        return Arrays.stream(scopes.trim().split("[\\s,]+")).filter(s -> !s.isEmpty()).distinct().toList();
    }

    public CompletableFuture<OAuthTokens> clientCredentials(String clientId, String clientSecret, Collection<String> scopes) {
        ObjectNode body = StoraJson.MAPPER.createObjectNode()
                .put("grant_type", "client_credentials")
                .put("client_id", clientId)
                .put("client_secret", clientSecret)
                .put("scope", scopeParameter(scopes));
        return send(body.toString().getBytes(StandardCharsets.UTF_8), StoraRequest.JSON);
    }

    /** Exchanges a refresh token; Stora answers with a new refresh token and revokes this one. */
    public CompletableFuture<OAuthTokens> refresh(String clientId, String clientSecret, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        form.put("refresh_token", refreshToken);
        return send(StoraRequest.form(form), StoraRequest.FORM);
    }

    /** Exchanges an authorization code, with the PKCE {@code code_verifier} when one was used. */
    public CompletableFuture<OAuthTokens> authorizationCode(String clientId, String clientSecret, String code,
                                                            String redirectUri, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        return send(StoraRequest.form(form), StoraRequest.FORM);
    }

    private CompletableFuture<OAuthTokens> send(byte[] body, String mediaType) {
        StoraOperation op = StoraOperation.OAUTH_TOKEN;
        StoraRequest request = new StoraRequest(op, op.pathTemplate(), Map.of(), body, mediaType, StoraFormat.JSON, null);
        return transport.send(baseUrl, request, null).handle((response, error) -> {
            if (error != null) {
                Throwable cause = StoraErrors.unwrap(error);
                throw new CompletionException(StoraErrors.noResponse(request, cause));
            }
            if (!response.isSuccess()) {
                throw new CompletionException(StoraErrors.fromResponse(request, response));
            }
            return parse(request, response);
        });
    }

    private static OAuthTokens parse(StoraRequest request, StoraResponse response) {
        JsonNode doc = StoraJson.parseOrNull(response.body());
        JsonNode accessToken = doc == null ? null : doc.get("access_token");
        if (accessToken == null || !accessToken.isTextual() || accessToken.asText().isBlank()) {
            String what = doc == null ? "no JSON document" : "a JSON document without access_token";
            String line = response.status() + " from " + request.operation().uri() + " (" + request.describe() + ") with "
                    + what + "; is baseUrl the Stora API?";
            throw new CompletionException(new StoraApiException(line, request.operation().uri(), response.status(), null,
                    null, null, List.of(), response.header(StoraErrors.REQUEST_ID_HEADER), null, null));
        }
        JsonNode expiresIn = doc.get("expires_in");
        Duration lifetime = expiresIn != null && expiresIn.canConvertToLong() && expiresIn.asLong() > 0
                ? Duration.ofSeconds(expiresIn.asLong())
                : expiresIn != null && expiresIn.isTextual() && expiresIn.asText().matches("\\d+")
                        ? Duration.ofSeconds(Long.parseLong(expiresIn.asText()))
                        : OAuthTokens.DOCUMENTED_LIFETIME;
        JsonNode scope = doc.get("scope");
        List<String> scopes = scope == null || scope.isNull() ? List.of()
                : scope.isArray() ? StoraJson.MAPPER.convertValue(scope, StoraJson.MAPPER.getTypeFactory()
                        .constructCollectionType(List.class, String.class))
                        : parseScopes(scope.asText());
        JsonNode refresh = doc.get("refresh_token");
        String refreshToken = refresh == null || refresh.isNull() || refresh.asText().isBlank() ? null : refresh.asText();
        return new OAuthTokens(accessToken.asText(), lifetime, scopes, refreshToken);
    }
}
