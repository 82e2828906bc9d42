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
package io.camelstora.kamelets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;

/** The body of {@code units/overlock} for {@code stora-overlock-units-action}. */
public class OverlockBody extends RequestBody {

    private String contactId;

    @Override
    protected void build(ObjectNode body, Exchange exchange) {
        text(body, "contact_id", contactId, exchange);
        require(body, "contact_id", "contactId", "stora-overlock-units-action");
    }

    public void setContactId(String contactId) {
        this.contactId = contactId;
    }
}
