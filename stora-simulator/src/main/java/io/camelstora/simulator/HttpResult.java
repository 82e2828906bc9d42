package io.camelstora.simulator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** A complete HTTP answer, independent of Vert.x so idempotency can store and replay it byte for byte. */
record HttpResult(int status, String contentType, byte[] body, Map<String, String> headers) {

    static HttpResult json(int status, JsonNode body) {
        return new HttpResult(status, "application/json; charset=utf-8", Json.bytes(body), new LinkedHashMap<>());
    }

    static HttpResult text(int status, String contentType, String body) {
        return new HttpResult(status, contentType, body.getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>());
    }

    static HttpResult redirect(String location) {
        HttpResult result = new HttpResult(302, null, new byte[0], new LinkedHashMap<>());
        result.headers().put("Location", location);
        return result;
    }

    HttpResult header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
