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
package io.camelstora.component.webhook;

/** What happens to the self-registered Stora webhook endpoint when the consumer stops. */
public enum UnregisterMode {
    /** Leave it enabled: Stora queues retries while the route is down and they arrive after a restart. */
    NONE,
    /** Disable it: Stora stops sending, and cancels pending retries. */
    DISABLE,
    /** Delete it: Stora stops sending, and cancels pending retries; the next start creates a new one with a new secret. */
    DELETE
}
