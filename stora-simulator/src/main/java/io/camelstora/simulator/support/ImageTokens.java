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
package io.camelstora.simulator.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Signed image tokens of the Get-an-image endpoint: {@code base64(json)--hex(hmac)}. */
public final class ImageTokens {
    private final String key;

    public ImageTokens(String key) {
        this.key = key;
    }

    public String token(String resourceId, String name) {
        String payload = Base64.getEncoder().encodeToString(("{\"id\":\"" + resourceId + "\",\"name\":\"" + name + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        return payload + "--" + Hmac.sha256Hex(key, payload).substring(0, 40);
    }

    public boolean verify(String token) {
        int separator = token.lastIndexOf("--");
        return separator > 0 && Hmac.sha256Hex(key, token.substring(0, separator)).substring(0, 40)
                .equals(token.substring(separator + 2));
    }
}
