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
package io.camelstora.component;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/** Stora's OAuth 2 and API answers as the docs show them. */
final class OAuthStubs {

    static final String SITES = "{\"sites\":[{\"id\":\"site_1\"}],\"meta\":{\"request_id\":\"req-sites\","
            + "\"pagination\":{\"count\":1,\"page\":1,\"pages\":1,\"limit\":50,\"next\":null}}}";

    private OAuthStubs() {
    }

    static ResponseDefinitionBuilder token(String accessToken, long expiresIn) {
        return json(200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
                + ",\"scope\":\"public.site:read public.contact:write\",\"created_at\":1740235260}");
    }

    static ResponseDefinitionBuilder rotated(String accessToken, String refreshToken, long expiresIn) {
        return json(200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
                + ",\"scope\":\"public.contact:read public.order:read\",\"created_at\":1740235260,"
                + "\"refresh_token\":\"" + refreshToken + "\"}");
    }

    static ResponseDefinitionBuilder oauthError(int status, String error, String description, String requestId) {
        return json(status, "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}")
                .withHeader("X-Request-Id", requestId);
    }

    static ResponseDefinitionBuilder apiError(int status, String code, String message, String requestId) {
        return json(status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"request_id\":\""
                + requestId + "\",\"type\":\"invalid_request_error\",\"details\":[]}}");
    }

    static ResponseDefinitionBuilder sites() {
        return json(200, SITES);
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
