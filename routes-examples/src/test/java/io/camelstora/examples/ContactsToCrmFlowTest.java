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
package io.camelstora.examples;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelstora.component.StoraConstants;
import io.camelstora.examples.crm.CrmStandIn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContactsToCrmFlowTest extends FlowTestSupport {

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void newAndUpdatedContactsReachTheCrmInTheirLatestState(Dsl dsl) throws Exception {
        start(Flow.CONTACTS_TO_CRM, dsl);
        // the two events arrive in reverse order: the CRM keeps the newer contact
        simulator().faults().reorderWebhooks(2);
        Map<String, Object> created = call("stora:contacts/create", Map.of("email", "ada." + dsl + "@example.com",
                "full_name", "Ada Lovelace", "phone_number", "+447700900001"), Map.of());
        String id = (String) created.get("id");
        call("stora:contacts/update", Map.of("full_name", "Ada King"), Map.of(StoraConstants.CONTACT_ID, id));
        awaitDeliveries();

        List<CrmStandIn.Received> puts = crm.received().stream().filter(r -> r.path().equals("/contacts/" + id)).toList();
        assertEquals(List.of("PUT", "PUT"), puts.stream().map(CrmStandIn.Received::method).toList());
        JsonNode contact = crm.contacts().get(id);
        assertEquals(id, contact.path("external_id").asText());
        assertEquals("ada." + dsl + "@example.com", contact.path("email").asText());
        assertEquals("Ada King", contact.path("name").asText());
        assertEquals("+447700900001", contact.path("phone").asText());
        assertEquals("stora", contact.path("source").asText());
        assertEquals(simulator().control().get(id).path("updated_at").asText(), contact.path("source_updated_at").asText());
    }
}
