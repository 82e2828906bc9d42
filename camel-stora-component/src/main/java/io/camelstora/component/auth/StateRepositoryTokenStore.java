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

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Keeps the refresh token in a Camel {@link StateRepository} under one key: a shared repository (a database, a data
 * grid) serves several nodes; Camel's {@code FileStateRepository} serves one. The repository is started on first use
 * if it is a service that was not started yet.
 */
public final class StateRepositoryTokenStore implements TokenStore {

    private final StateRepository<String, String> repository;
    private final String key;
    private volatile boolean started;

    /**
     * @param repository where to keep the token
     * @param key        names the authorization, e.g. {@code stora.refresh-token.operator-42}; one key per operator
     */
    public StateRepositoryTokenStore(StateRepository<String, String> repository, String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("StateRepositoryTokenStore needs a key naming the authorization");
        }
        this.repository = repository;
        this.key = key;
    }

    @Override
    public String load() {
        start();
        String token = repository.getState(key);
        return token == null || token.isBlank() ? null : token;
    }

    @Override
    public void save(String refreshToken) {
        start();
        repository.setState(key, refreshToken);
    }

    private void start() {
        if (!started) {
            ServiceHelper.startService(repository);
            started = true;
        }
    }

    @Override
    public String id() {
        return "state:" + repository.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(repository))
                + "/" + key;
    }

    @Override
    public String toString() {
        return "StateRepositoryTokenStore[" + key + "]";
    }
}
