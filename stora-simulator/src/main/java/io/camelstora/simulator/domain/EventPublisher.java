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
package io.camelstora.simulator.domain;

import java.util.List;

import io.camelstora.simulator.EmittedEvent;

/**
 * Where the domain hands the events of a committed call: the simulator's webhook delivery. An interface, so that the
 * public {@code Webhooks} keeps its delivery methods to itself.
 */
public interface EventPublisher {

    /** Where an event goes: captured at emission, re-checked before every retry. */
    record Target(String endpointId, String url, String secret) {
    }

    /** Records the event and starts delivering it to the targets (asynchronously; never blocks the API). */
    void publish(EmittedEvent event, List<Target> targets);

    /** Cancels the pending retries of deliveries to an endpoint that was disabled or deleted. */
    void cancelPending(String endpointId);
}
