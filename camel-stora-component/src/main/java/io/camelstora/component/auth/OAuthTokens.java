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

import java.time.Duration;
import java.util.List;

/**
 * A successful answer of {@code POST /oauth2/token} (https://docs.stora.co/2025-09/api-reference/oauth-2): the access token, how long it lives, the
 * granted scopes and, for the authorization code and refresh grants, the next refresh token.
 * {@link #toString()} shows no token.
 *
 * @param accessToken  {@code access_token}
 * @param expiresIn    {@code expires_in}; the documented 2 hours when Stora leaves it out
 * @param scopes       {@code scope}, split at spaces
 * @param refreshToken {@code refresh_token}, or {@code null} (client credentials)
 */
public record OAuthTokens(String accessToken, Duration expiresIn, List<String> scopes, String refreshToken) {

    /** Access tokens live 2 hours (https://docs.stora.co/2025-09/guides/authentication). */
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
