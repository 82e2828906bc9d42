package io.camelstora.component.auth;

import java.time.Duration;
import java.util.List;

/**
 * A successful answer of {@code POST /oauth2/token} (reference/oauth.md): the access token, how long it lives, the
 * granted scopes and, for the authorization code and refresh grants, the next refresh token.
 * {@link #toString()} shows no token.
 *
 * @param accessToken  {@code access_token}
 * @param expiresIn    {@code expires_in}; the documented 2 hours when Stora leaves it out
 * @param scopes       {@code scope}, split at spaces
 * @param refreshToken {@code refresh_token}, or {@code null} (client credentials)
 */
public record OAuthTokens(String accessToken, Duration expiresIn, List<String> scopes, String refreshToken) {

    /** Access tokens live 2 hours (guides/authentication.md). */
    public static final Duration DOCUMENTED_LIFETIME = Duration.ofHours(2);

    public OAuthTokens {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    @Override
    public String toString() {
        return "OAuthTokens[expiresIn=" + expiresIn + ", scopes=" + scopes + ", refreshToken "
               + (refreshToken == null ? "absent" : "present") + "]";
    }
}
