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
package io.camelstora.simulator;

import java.time.Instant;

/**
 * An event the simulator emitted, whether or not any endpoint was subscribed to it.
 *
 * @param payload the exact JSON body POSTed to endpoints: {@code {"event": {"id", "type", "api_version",
 *                "created_at", "data": {"<resource_key>": {...}}}}}
 */
public record EmittedEvent(String id, String type, Instant createdAt, String resourceId, String payload) {
}
