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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/** A long-lived access token generated in BackOffice: used as is, never renewed. */
public final class StaticAccessToken implements AccessTokenSource {

    private final CompletableFuture<String> token;
    private final String accountId;

    public StaticAccessToken(String token) {
        this.token = CompletableFuture.completedFuture(token);
        this.accountId = "token:" + fingerprint(token);
    }

    @Override
    public CompletableFuture<String> accessToken() {
        return token;
    }

    @Override
    public String accountId() {
        return accountId;
    }

    /** The first 12 hex digits of the SHA-256 of a secret: tells accounts apart without revealing anything. */
    public static String fingerprint(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
