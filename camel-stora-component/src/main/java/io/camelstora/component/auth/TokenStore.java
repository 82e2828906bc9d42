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

/**
 * Where the current refresh token of one authorization lives. Stora rotates refresh tokens: every refresh answers a
 * new one and revokes the one sent, so the newest must survive restarts and be shared by every node using the
 * authorization. One store holds one authorization (one operator that authorised the application).
 * <p>
 * Implementations: {@link FileTokenStore} (one node), {@link StateRepositoryTokenStore} (any Camel
 * {@code StateRepository}, shared ones for several nodes), {@link JdbcTokenStore} (a database table, several nodes).
 * Methods may block briefly (file or database I/O); they are never called on an I/O thread. Failures are unchecked
 * exceptions naming the store, never the token.
 */
public interface TokenStore {

    /** The stored refresh token, or {@code null} when nothing was stored yet. */
    String load();

    /** Replaces the stored refresh token; when this returns, a restart or another node reads the new one. */
    void save(String refreshToken);

    /**
     * Names the store in messages and identifies the authorization, so every endpoint using the same store shares one
     * token cache: a path, table and key, never the token.
     */
    String id();
}
