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
package io.camelstora.examples.crm;

import java.util.LinkedHashMap;
import java.util.Map;

import io.camelstora.examples.support.StoraMaps;
import org.apache.camel.Body;

/** Maps a Stora contact (as a webhook delivers it) to the contact record of the CRM. */
public final class CrmContacts {

    private CrmContacts() {
    }

    /**
     * The CRM's record: the Stora id as its external id (the key of the upsert), the fields the CRM keeps, and
     * Stora's {@code updated_at} so the CRM can ignore a change older than the one it has (webhooks can arrive out of
     * order).
     */
    public static Map<String, Object> fromStora(@Body Map<String, Object> contact) {
        Map<String, Object> crm = new LinkedHashMap<>();
        crm.put("external_id", StoraMaps.text(contact, "id"));
        crm.put("email", StoraMaps.text(contact, "email"));
        crm.put("name", StoraMaps.text(contact, "full_name"));
        crm.put("phone", StoraMaps.text(contact, "phone_number"));
        crm.put("lifecycle_stage", StoraMaps.text(contact, "status"));
        crm.put("customer_type", StoraMaps.text(contact, "type"));
        crm.put("city", StoraMaps.text(contact, "address", "city"));
        crm.put("country", StoraMaps.text(contact, "address", "country_alpha2"));
        crm.put("source", "stora");
        crm.put("source_updated_at", StoraMaps.text(contact, "updated_at"));
        return crm;
    }
}
