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

import java.util.List;

import com.github.tomakehurst.wiremock.http.Fault;
import io.camelstora.component.http.StoraApiException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every documented error code (https://docs.stora.co/2025-09/guides/errors), and what is not Stora's error body, becomes one StoraApiException. */
class ErrorMappingTest extends StoraTestSupport {

    @Override
    protected org.apache.camel.CamelContext createCamelContext() throws Exception {
        org.apache.camel.CamelContext context = super.createCamelContext();
        // this test looks at how one answer is mapped: no retry, no waiting for a 429's reset
        StoraComponent stora = context.getComponent("stora", StoraComponent.class);
        stora.setRetries(false);
        stora.setThrottle(false);
        return context;
    }

    @BeforeEach
    void reset() {
        wm.resetAll();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "400, invalid_request, invalid_request_error, The request body is malformed or not valid.",
            "400, api_error, api_error, Internal or third-party API error.",
            "401, invalid_token, invalid_request_error, Invalid token.",
            "403, forbidden, invalid_request_error, You do not have permission to access this resource.",
            "404, resource_not_found, invalid_request_error, The requested resource was not found.",
            "404, invalid_endpoint, invalid_request_error, The requested endpoint does not exist.",
            "406, invalid_format, invalid_request_error, The request ACCEPT header is not valid or supported.",
            "409, conflict, invalid_request_error, The resource cannot be deleted or modified due to existing dependencies or business constraints.",
            "422, invalid_url_param, invalid_request_error, The request URL param is invalid.",
            "422, invalid_content, invalid_request_error, The request body content is not valid.",
            "429, too_many_requests, invalid_request_error, Rate Limit Exceeded. You have reached the maximum number of requests. Please try again later.",
            "500, internal_server_error, api_error, Unexpected internal error."
    })
    void documentedErrorBecomesTypedException(int status, String code, String type, String message) {
        wm.stubFor(get(urlPathEqualTo("/2025-09/contacts/con_1")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"error\":{\"code\":\"" + code + "\",\"details\":[],\"links\":[],\"message\":\"" + message
                        + "\",\"request_id\":\"req-42\",\"type\":\"" + type + "\"}}")));

        StoraApiException e = failure(call("stora:contacts/show?contactId=con_1", null));

        assertEquals(status, e.getStatus());
        assertEquals(code, e.getCode());
        assertEquals(type, e.getType());
        assertEquals(message, e.getErrorMessage());
        assertEquals("req-42", e.getRequestId());
        assertEquals("stora:contacts/show", e.getOperation());
        assertTrue(e.getMessage().startsWith(status + " " + code + ": " + message), e.getMessage());
        assertTrue(e.getMessage().contains("request_id req-42"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void detailsMakeTheOneLineMessage() {
        wm.stubFor(post(urlPathEqualTo("/2025-09/contacts")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        { "error": { "code": "invalid_content",
                          "details": [ { "message": "value at `/email` does not match format: email", "pointer": "/email" } ],
                          "links": [ { "kind": "documentation", "name": "Errors", "url": "https://docs.stora.co/public-api#overview--errors" } ],
                          "message": "The request body content is not valid.",
                          "request_id": "01563646-58c1-4607-8fe0-cae3e92c4477", "type": "invalid_request_error" } }""")));

        StoraApiException e = failure(call("stora:contacts/create", "{\"email\":\"nope\"}"));

        assertEquals("422 invalid_content: value at /email does not match format: email"
                + " (request_id 01563646-58c1-4607-8fe0-cae3e92c4477, stora:contacts/create)", e.getMessage());
        assertEquals(List.of(new StoraApiException.Detail("value at `/email` does not match format: email", "/email")),
                e.getDetails());
    }

    @Test
    void htmlFromAProxyIsReportedNotParsed() {
        wm.stubFor(get(urlPathEqualTo("/2025-09/sites")).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Bad gateway</body></html>")));

        StoraApiException e = failure(call("stora:sites/list", null));

        assertEquals(502, e.getStatus());
        assertNull(e.getCode());
        assertEquals("502 Bad Gateway from stora:sites/list (GET /2025-09/sites) with a text/html body of 37 bytes"
                + " instead of Stora's JSON error", e.getMessage());
    }

    @Test
    void emptyErrorBodyIsReported() {
        wm.stubFor(get(urlPathEqualTo("/2025-09/sites")).willReturn(aResponse().withStatus(503)));

        StoraApiException e = failure(call("stora:sites/list", null));

        assertEquals("503 Service Unavailable from stora:sites/list (GET /2025-09/sites) with an empty body", e.getMessage());
    }

    @Test
    void jsonThatIsNotAnErrorBodyIsReported() {
        wm.stubFor(get(urlPathEqualTo("/2025-09/sites")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"oops\":true}")));

        StoraApiException e = failure(call("stora:sites/list", null));

        assertEquals(500, e.getStatus());
        assertTrue(e.getMessage().startsWith("500 Internal Server Error from stora:sites/list"), e.getMessage());
    }

    @Test
    void oauthErrorBodyIsUnderstood() {
        wm.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"The refresh token is invalid.\"}")));

        StoraApiException e = failure(call("stora:oauth/token",
                java.util.Map.of("grant_type", "refresh_token", "refresh_token", "r")));

        assertEquals(400, e.getStatus());
        assertEquals("invalid_grant", e.getCode());
        assertTrue(e.getMessage().startsWith("400 invalid_grant: The refresh token is invalid."), e.getMessage());
    }

    @Test
    void noResponseIsAnExceptionWithoutStatus() {
        wm.stubFor(get(urlPathEqualTo("/2025-09/sites")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        StoraApiException e = failure(call("stora:sites/list", null));

        assertEquals(0, e.getStatus());
        assertFalse(e.isResponseReceived());
        assertTrue(e.getMessage().startsWith("No response from stora:sites/list (GET /2025-09/sites): "), e.getMessage());
    }

    private static StoraApiException failure(Exchange exchange) {
        return assertInstanceOf(StoraApiException.class, exchange.getException());
    }
}
