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

/** How the per-token request limits are counted. */
public enum RateLimitMode {
    /**
     * No more than N requests in <em>any</em> interval of length W. The strictest reading of "10 per second,
     * 60 per minute": a client that never trips it cannot trip a fixed-window server either.
     */
    SLIDING_WINDOW,
    /** Counters reset at epoch-aligned window boundaries, as Rack::Attack throttles do. */
    FIXED_WINDOW
}
