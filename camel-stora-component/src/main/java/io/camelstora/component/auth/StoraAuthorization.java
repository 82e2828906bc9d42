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
package io.camelstora.component.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Gets the first refresh token of an authorization code grant (https://docs.stora.co/2025-09/guides/authentication, option C, with PKCE):
 * <ol>
 * <li>{@link #authorizationRequest(String, Collection)} builds the authorize URL with a fresh {@code state} and a PKCE
 * {@code code_verifier} / S256 {@code code_challenge}; send the operator's browser there and keep the returned
 * {@link AuthorizationRequest} until the redirect comes back;</li>
 * <li>{@link #exchangeCode(AuthorizationRequest, Map, TokenStore)} checks the {@code state} of the redirect, exchanges
 * the {@code code} with the verifier and saves the refresh token in the {@link TokenStore} the endpoints will
 * read.</li>
 * </ol>
 * From a route, get one with {@code StoraComponent.authorization()}; from a shell, {@code StoraAuthorizeCommand} (camel-stora-tools) does
 * both steps with a listener on localhost.
 */
public final class StoraAuthorization {

    /** Where operators approve an application (https://docs.stora.co/2025-09/guides/authentication). */
    public static final String DEFAULT_AUTHORIZE_URL = "https://app.stora.co/oauth2/authorize";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** Stora's token endpoint, as far as this class needs it: the authorization code grant (PKCE). */
    @FunctionalInterface
    public interface CodeExchange {

        CompletableFuture<OAuthTokens> authorizationCode(String clientId, String clientSecret, String code,
                                                         String redirectUri, String codeVerifier);
    }

    private final CodeExchange tokens;
    private final String authorizeUrl;
    private final String clientId;
    private final String clientSecret;

    /**
     * @param clientSecret may be {@code null} for a public client (PKCE without a secret)
     */
    public StoraAuthorization(CodeExchange tokens, String authorizeUrl, String clientId, String clientSecret) {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId is required to authorise a Stora application");
        }
        this.tokens = tokens;
        this.authorizeUrl = authorizeUrl == null ? DEFAULT_AUTHORIZE_URL : authorizeUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret == null || clientSecret.isBlank() ? null : clientSecret;
    }

    /**
     * A pending authorization: the URL to send the browser to, and what the redirect is checked and exchanged with.
     * {@link #toString()} shows neither the state nor the verifier.
     */
    public record AuthorizationRequest(String url, String state, String codeVerifier, String redirectUri, List<String> scopes) {
        @Override
        public String toString() {
            return "AuthorizationRequest[redirectUri=" + redirectUri + ", scopes=" + scopes + "]";
        }
    }

    /** A new authorize URL for {@code scopes}, with its own state and PKCE verifier. */
    public AuthorizationRequest authorizationRequest(String redirectUri, Collection<String> scopes) {
        if (redirectUri == null || redirectUri.isBlank()) {
            throw new IllegalArgumentException("redirectUri is required: the URL registered with the Stora application");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("scopes are required: the scopes the operator is asked to grant, e.g."
                    + " public.contact:read");
        }
        String verifier = random(64);
        String state = random(32);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri);
        query.put("response_type", "code");
        // space-separated, as the token endpoint takes them
        query.put("scope", String.join(" ", scopes));
        query.put("state", state);
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        StringJoiner url = new StringJoiner("&", authorizeUrl + (authorizeUrl.contains("?") ? "&" : "?"), "");
        query.forEach((k, v) -> url.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")));
        return new AuthorizationRequest(url.toString(), state, verifier, redirectUri, List.copyOf(scopes));
    }

    /**
     * Handles the redirect: its query parameters ({@code code} and {@code state}, or {@code error} when the operator
     * declined), checks the state, exchanges the code and saves the refresh token in {@code store}.
     *
     * @return the tokens; the access token may be used at once, the refresh token is in the store
     */
    public CompletableFuture<OAuthTokens> exchangeCode(AuthorizationRequest request, Map<String, String> callback,
                                                       TokenStore store) {
        String error = callback.get("error");
        if (error != null) {
            String description = callback.get("error_description");
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "Stora did not authorise the application: " + error + (description == null ? "" : " (" + description + ")")
                            + ("access_denied".equals(error) ? "; the operator declined, ask them to approve the scopes"
                                    : "")));
        }
        String state = callback.get("state");
        if (state == null || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                request.state().getBytes(StandardCharsets.UTF_8))) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "The authorization redirect carries " + (state == null ? "no" : "another") + " state than the authorize"
                            + " URL: it does not answer this request (a stale or forged redirect); start again"));
        }
        String code = callback.get("code");
        if (code == null || code.isBlank()) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "The authorization redirect carries no code; start again"));
        }
        return tokens.authorizationCode(clientId, clientSecret, code, request.redirectUri(), request.codeVerifier())
                .thenApply(result -> {
                    if (result.refreshToken() == null) {
                        throw new CompletionException(new IllegalStateException(
                                "Stora answered the authorization code without a refresh_token, so the access token cannot"
                                        + " be renewed after it expires; check that the application uses the authorization code"
                                        + " grant with refresh tokens"));
                    }
                    store.save(result.refreshToken());
                    return result;
                });
    }

    static String challenge(String verifier) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return BASE64URL.encodeToString(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** {@code bytes} random bytes, base64url without padding: 64 bytes make an 86-character verifier (RFC 7636: 43-128). */
    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return BASE64URL.encodeToString(b);
    }
}
