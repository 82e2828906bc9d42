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
package io.camelstora.examples.support;

/** The options every webhook route of the examples shares, as the YAML routes write them out. */
public final class ExampleWebhooks {

    /**
     * Registers (or finds) the route's own Stora webhook endpoint when it starts, keeps the endpoint's signing secret,
     * and applies the stop policy of the examples.
     */
    public static final String REGISTRATION = "&autoRegister=true&allowHttp={{examples.allowHttp}}"
            + "&secretStoreFile={{examples.webhook.secretStoreFile}}"
            + "&unregisterOnStop={{examples.webhook.unregisterOnStop}}";

    private ExampleWebhooks() {
    }
}
