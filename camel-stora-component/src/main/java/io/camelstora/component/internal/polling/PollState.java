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
package io.camelstora.component.internal.polling;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import io.camelstora.component.StoraConfiguration;
import org.apache.camel.Service;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * A consumer's cursor and the keys of the records it processed within the overlap, under its state key. Repositories
 * given as beans are started but never stopped here (other consumers may share them); the default files in the state
 * directory are this consumer's own.
 */
final class PollState {

    /** First-level cache of the default seen-keys file; the overlap window of a poll should fit in it. */
    static final int SEEN_CACHE_SIZE = 1000;
    /** The default seen-keys file is cut to its newest entries beyond this size (only the overlap window matters). */
    static final long SEEN_FILE_MAX_BYTES = 1024 * 1024;

    private final String key;
    private final StateRepository<String, String> states;
    private final IdempotentRepository seen;
    private final List<Service> owned = new ArrayList<>();

    PollState(String key, StoraConfiguration options) {
        this.key = key;
        String fileName = key.replaceAll("[^A-Za-z0-9._-]", "_");
        File directory = new File(options.getStateDirectory() == null ? "" : options.getStateDirectory());
        if (options.getStateRepository() != null) {
            states = options.getStateRepository();
        } else {
            FileStateRepository file = FileStateRepository.fileStateRepository(new File(directory, fileName + ".state"));
            owned.add(file);
            states = file;
        }
        if (options.getIdempotentRepository() != null) {
            seen = options.getIdempotentRepository();
        } else {
            IdempotentRepository file = FileIdempotentRepository.fileIdempotentRepository(
                    new File(directory, fileName + ".seen"), SEEN_CACHE_SIZE, SEEN_FILE_MAX_BYTES);
            owned.add(file);
            seen = file;
        }
    }

    void start() {
        ServiceHelper.startService(states, seen);
    }

    void stop() {
        ServiceHelper.stopService(owned);
    }

    String key() {
        return key;
    }

    Checkpoint load() {
        return Checkpoint.parse(states.getState(key), key);
    }

    void save(Checkpoint checkpoint) {
        states.setState(key, checkpoint.format());
    }

    boolean processed(PolledRecord record) {
        return seen.contains(key + "|" + record.key());
    }

    void remember(PolledRecord record) {
        seen.add(key + "|" + record.key());
    }
}
