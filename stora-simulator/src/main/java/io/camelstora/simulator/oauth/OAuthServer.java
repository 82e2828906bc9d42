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
package io.camelstora.simulator.oauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.SimulatedClock;
import io.camelstora.simulator.support.HttpResult;
import io.camelstora.simulator.support.Json;

/**
 * Static access tokens and the OAuth 2 endpoints ({@code /oauth2/token}, {@code /authorize}, {@code /introspect},
 * {@code /token/info}, {@code /revoke}). OAuth errors use the RFC 6749 body {@code {"error", "error_description"}},
 * not the API's error object: that is what OAuth servers such as Doorkeeper answer and what OAuth client libraries parse.
 */
public final class OAuthServer {

    /** An access token the API accepts. */
    public static final class AccessToken {
        public final String value;
        /** Who the API records as creator of what this token creates: {@code tok_...} or the OAuth app's {@code app_...}. */
        public final String creatorId;
        public final Set<String> scopes;
        final Instant createdAt;
        /** Null for static tokens, which do not expire unless revoked. */
        final Instant expiresAt;
        final String clientId;
        volatile boolean revoked;

        AccessToken(String value, String creatorId, Set<String> scopes, Instant createdAt, Instant expiresAt, String clientId) {
            this.value = value;
            this.creatorId = creatorId;
            this.scopes = Set.copyOf(scopes);
            this.createdAt = createdAt;
            this.expiresAt = expiresAt;
            this.clientId = clientId;
        }

        boolean activeAt(Instant now) {
            return !revoked && (expiresAt == null || now.isBefore(expiresAt));
        }
    }

    private record Client(String clientId, String secret, Set<String> scopes, String appId) {
    }

    private record RefreshToken(String value, String clientId, Set<String> scopes) {
    }

    private record AuthorizationCode(String clientId, String redirectUri, Set<String> scopes, String challenge,
            String challengeMethod, Instant expiresAt) {
    }

    private static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    private final SimulatedClock clock;
    private final Duration tokenLifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();
    private final Set<String> revokedRefreshTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();

    public OAuthServer(SimulatedClock clock, Duration tokenLifetime) {
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
    }

    public AccessToken addStaticToken(String value, Set<String> scopes) {
        AccessToken token = new AccessToken(value, "tok_" + hex(8), scopes, clock.nowSeconds(), null, null);
        tokens.put(value, token);
        return token;
    }

    public String createStaticToken(Set<String> scopes) {
        return addStaticToken(randomToken(), scopes).value;
    }

    public void registerClient(String clientId, String secret, Set<String> scopes) {
        clients.put(clientId, new Client(clientId, secret, Set.copyOf(scopes), "app_" + hex(8)));
    }

    /** The token behind an {@code Authorization: Bearer} header if it is known, unexpired and not revoked. */
    public AccessToken authenticate(String authorization) {
        String value = bearer(authorization);
        AccessToken token = value == null ? null : tokens.get(value);
        return token != null && token.activeAt(clock.now()) ? token : null;
    }

    public void revokeAccessToken(String value) {
        AccessToken token = tokens.get(value);
        if (token != null) {
            token.revoked = true;
        }
    }

    static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String value = authorization.substring(7).trim();
        return value.isEmpty() ? null : value;
    }

    // ---- POST /oauth2/token

    public HttpResult token(Map<String, String> params, String authorization) {
        String grantType = params.get("grant_type");
        if (grantType == null) {
            return error(400, "invalid_request", "Missing required parameter: grant_type.");
        }
        Client client = client(params, authorization);
        if (client == null) {
            return error(401, "invalid_client",
                    "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.");
        }
        return switch (grantType) {
            case "client_credentials" -> clientCredentials(client, params);
            case "authorization_code" -> authorizationCode(client, params);
            case "refresh_token" -> refresh(client, params);
            default -> error(400, "unsupported_grant_type",
                    "The authorization grant type is not supported by the authorization server.");
        };
    }

    private HttpResult clientCredentials(Client client, Map<String, String> params) {
        if (!client.secret().equals(params.get("client_secret")) && params.get("_basic_secret") == null) {
            return error(401, "invalid_client", "Client authentication failed.");
        }
        String scope = params.get("scope");
        // The reference page marks scope as required for this grant.
        if (scope == null || scope.isBlank()) {
            return error(400, "invalid_request", "Missing required parameter: scope.");
        }
        Set<String> scopes = parseScopes(scope);
        if (!client.scopes().containsAll(scopes)) {
            return error(400, "invalid_scope", "The requested scope is invalid, unknown, or malformed.");
        }
        return issue(client, scopes, false);
    }

    private HttpResult authorizationCode(Client client, Map<String, String> params) {
        String code = params.get("code");
        AuthorizationCode grant = code == null ? null : codes.remove(code);
        if (grant == null || !grant.clientId().equals(client.clientId()) || !clock.now().isBefore(grant.expiresAt())) {
            return invalidGrant();
        }
        if (!grant.redirectUri().equals(params.get("redirect_uri"))) {
            return invalidGrant();
        }
        String secret = params.get("client_secret");
        if (secret != null && !client.secret().equals(secret)) {
            return error(401, "invalid_client", "Client authentication failed.");
        }
        // With PKCE the verifier proves possession, so public clients may omit the secret.
        boolean secretOk = secret != null || params.get("_basic_secret") != null;
        if (grant.challenge() != null) {
            String verifier = params.get("code_verifier");
            if (verifier == null || !grant.challenge().equals(challengeOf(verifier, grant.challengeMethod()))) {
                return invalidGrant();
            }
        } else if (!secretOk) {
            return error(401, "invalid_client", "Client authentication failed.");
        }
        return issue(client, grant.scopes(), true);
    }

    private HttpResult refresh(Client client, Map<String, String> params) {
        String value = params.get("refresh_token");
        RefreshToken refresh = value == null ? null : refreshTokens.get(value);
        if (refresh == null || revokedRefreshTokens.contains(value) || !refresh.clientId().equals(client.clientId())) {
            return invalidGrant();
        }
        // Rotation: the guide says the previous refresh token is revoked once used.
        revokedRefreshTokens.add(value);
        return issue(client, refresh.scopes(), true);
    }

    private HttpResult issue(Client client, Set<String> scopes, boolean withRefreshToken) {
        Instant now = clock.nowSeconds();
        AccessToken token = new AccessToken(randomToken(), client.appId(), scopes, now, now.plus(tokenLifetime),
                client.clientId());
        tokens.put(token.value, token);
        ObjectNode body = Json.object();
        body.put("access_token", token.value);
        body.put("token_type", "Bearer");
        body.put("expires_in", tokenLifetime.toSeconds());
        body.put("scope", String.join(" ", new TreeSet<>(scopes)));
        body.put("created_at", now.getEpochSecond());
        if (withRefreshToken) {
            RefreshToken refresh = new RefreshToken(randomToken(), client.clientId(), scopes);
            refreshTokens.put(refresh.value(), refresh);
            body.put("refresh_token", refresh.value());
        }
        return HttpResult.json(200, body).header("Cache-Control", "no-store");
    }

    // ---- GET /oauth2/authorize: a fake operator who approves every request at once

    public HttpResult authorize(Map<String, String> params) {
        Client client = clients.get(String.valueOf(params.get("client_id")));
        String redirectUri = params.get("redirect_uri");
        if (client == null || redirectUri == null || redirectUri.isBlank()) {
            // Never redirect to an unverified URI (RFC 6749 4.1.2.1).
            return error(400, "invalid_request", "Unknown client_id or missing redirect_uri.");
        }
        String state = params.get("state");
        if (!"code".equals(params.get("response_type"))) {
            return redirectError(redirectUri, state, "unsupported_response_type");
        }
        Set<String> scopes = params.get("scope") == null ? client.scopes() : parseScopes(params.get("scope"));
        if (scopes.isEmpty() || !client.scopes().containsAll(scopes)) {
            return redirectError(redirectUri, state, "invalid_scope");
        }
        String challenge = params.get("code_challenge");
        String method = params.getOrDefault("code_challenge_method", challenge == null ? null : "plain");
        if (challenge != null && !"S256".equals(method) && !"plain".equals(method)) {
            return redirectError(redirectUri, state, "invalid_request");
        }
        String code = randomToken();
        codes.put(code, new AuthorizationCode(client.clientId(), redirectUri, scopes, challenge, method,
                clock.now().plus(CODE_LIFETIME)));
        StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?')
                .append("code=").append(encode(code));
        if (state != null) {
            location.append("&state=").append(encode(state));
        }
        return HttpResult.redirect(location.toString());
    }

    // ---- POST /oauth2/introspect (RFC 7662), authenticated by another access token

    public HttpResult introspect(Map<String, String> params, String authorization) {
        if (authenticate(authorization) == null) {
            return error(401, "invalid_token", "The access token is invalid.");
        }
        AccessToken token = params.get("token") == null ? null : tokens.get(params.get("token"));
        ObjectNode body = Json.object();
        if (token == null || !token.activeAt(clock.now())) {
            body.put("active", false);
            return HttpResult.json(200, body);
        }
        body.put("active", true);
        body.put("scope", String.join(" ", new TreeSet<>(token.scopes)));
        body.put("client_id", token.clientId);
        body.put("token_type", "Bearer");
        if (token.expiresAt != null) {
            body.put("exp", token.expiresAt.getEpochSecond());
        } else {
            body.putNull("exp");
        }
        body.put("iat", token.createdAt.getEpochSecond());
        return HttpResult.json(200, body);
    }

    // ---- GET /oauth2/token/info

    public HttpResult info(String authorization) {
        AccessToken token = authenticate(authorization);
        if (token == null) {
            return error(401, "invalid_token", "The access token is invalid.");
        }
        ObjectNode body = Json.object();
        var scopes = body.putArray("scope");
        new TreeSet<>(token.scopes).forEach(scopes::add);
        // As in the reference example: expires_in is the absolute expiry in epoch seconds (created_at + lifetime).
        if (token.expiresAt != null) {
            body.put("expires_in", token.expiresAt.getEpochSecond());
        } else {
            body.putNull("expires_in");
        }
        if (token.clientId != null) {
            body.putObject("application").put("uid", token.clientId);
        } else {
            body.putNull("application");
        }
        body.put("created_at", token.createdAt.getEpochSecond());
        body.putObject("operator").put("name", "Stora Simulator");
        return HttpResult.json(200, body);
    }

    // ---- POST /oauth2/revoke (RFC 7009): client credentials; unknown tokens are not an error

    public HttpResult revoke(Map<String, String> params, String authorization) {
        Client client = client(params, authorization);
        boolean authenticated = client != null
                && (client.secret().equals(params.get("client_secret")) || params.get("_basic_secret") != null);
        if (!authenticated) {
            return error(401, "invalid_client", "Client authentication failed.");
        }
        String value = params.get("token");
        if (value != null) {
            AccessToken token = tokens.get(value);
            if (token != null && client.clientId().equals(token.clientId)) {
                token.revoked = true;
            }
            RefreshToken refresh = refreshTokens.get(value);
            if (refresh != null && refresh.clientId().equals(client.clientId())) {
                revokedRefreshTokens.add(value);
            }
        }
        return HttpResult.json(200, Json.object());
    }

    // ---- helpers

    /** The client from client_id in the body, or from HTTP Basic authentication (which also proves the secret). */
    private Client client(Map<String, String> params, String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            Client client = colon < 0 ? null : clients.get(decoded.substring(0, colon));
            if (client != null && client.secret().equals(decoded.substring(colon + 1))) {
                params.put("_basic_secret", "true");
                return client;
            }
            return null;
        }
        String clientId = params.get("client_id");
        return clientId == null ? null : clients.get(clientId);
    }

    private static Set<String> parseScopes(String scope) {
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(scope.trim().split("[\\s+]+")));
        scopes.remove("");
        return scopes;
    }

    static String challengeOf(String verifier, String method) {
        if ("plain".equals(method)) {
            return verifier;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResult invalidGrant() {
        return error(400, "invalid_grant",
                "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.");
    }

    static HttpResult error(int status, String error, String description) {
        ObjectNode body = Json.object();
        body.put("error", error);
        body.put("error_description", description);
        return HttpResult.json(status, body);
    }

    private static HttpResult redirectError(String redirectUri, String state, String error) {
        String location = redirectUri + (redirectUri.contains("?") ? '&' : '?') + "error=" + error
                + (state == null ? "" : "&state=" + encode(state));
        return HttpResult.redirect(location);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** 43 URL-safe characters, the shape of the documented example tokens. */
    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String hex(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        StringBuilder hex = new StringBuilder();
        for (byte b : raw) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    List<AccessToken> tokens() {
        return List.copyOf(tokens.values());
    }
}
