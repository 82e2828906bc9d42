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

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lists are sorted once per change of the store and keyset pages found by binary search: what they answer must stay
 * what filtering every record answers, after every change; and {@code updated_at} within one second on demand.
 */
class ListOrderAndTimestampsTest {

    @Test
    void keysetPagesFollowEveryChange() {
        try (StoraSimulator sim = StoraSimulator.builder().rateLimitDisabled().start()) {
            ApiClient api = new ApiClient(sim.baseUrl(), sim.accessToken());
            List<JsonNode> all = allContacts(api, "");
            assertEquals(500, all.size());
            String since = sim.clock().nowSeconds().toString();
            List<String> changed = new ArrayList<>();
            for (int i = 0; i < 250; i += 25) {
                String id = all.get(i).get("id").asText();
                api.patch("/2025-09/contacts/" + id, "{\"full_name\":\"Changed " + i + "\"}");
                changed.add(id);
                // each change is seen by the next read of the sorted list, not only by the first after a quiet spell
                List<JsonNode> window = allContacts(api, "&updated_after=" + since);
                assertEquals(changed, window.stream().map(c -> c.get("id").asText()).toList());
            }
            List<JsonNode> everything = allContacts(api, "&updated_after=2000-01-01T00:00:00Z");
            assertEquals(500, everything.size());
            for (int i = 1; i < everything.size(); i++) {
                assertTrue(everything.get(i - 1).get("updated_at").asText()
                        .compareTo(everything.get(i).get("updated_at").asText()) <= 0, "updated_at ascending");
            }
            // the same records through a filter that reads every record (search, matching every email)
            List<String> filtered = allContacts(api, "&updated_after=" + since + "&search=@")
                    .stream().map(c -> c.get("id").asText()).toList();
            assertEquals(changed, filtered);
            List<String> before = allContacts(api, "&updated_before=" + since).stream().map(c -> c.get("id").asText())
                    .sorted().toList();
            assertEquals(all.stream().map(c -> c.get("id").asText()).filter(id -> !changed.contains(id)).sorted().toList(),
                    before);
        }
    }

    @Test
    void updatedAtStaysWithinTheSecondWhenAsked() {
        try (StoraSimulator sim = StoraSimulator.builder().rateLimitDisabled().keepUpdatedAtWithinSecond(true).start()) {
            ApiClient api = new ApiClient(sim.baseUrl(), sim.accessToken());
            String id = api.get("/2025-09/contacts?limit=1").json().at("/contacts/0/id").asText();
            JsonNode first;
            JsonNode second;
            do {
                first = api.patch("/2025-09/contacts/" + id, "{\"full_name\":\"One\"}").json().get("contact");
                second = api.patch("/2025-09/contacts/" + id, "{\"full_name\":\"Two\"}").json().get("contact");
                // the wall clock may cross a second between the two calls: then try again
            } while (!sim.clock().nowSeconds().toString().equals(second.get("updated_at").asText()));
            assertEquals(first.get("updated_at"), second.get("updated_at"), "both changes carry the same second");
            assertNotEquals(first.get("full_name"), second.get("full_name"));

            sim.control().keepUpdatedAtWithinSecond(false);
            JsonNode third = api.patch("/2025-09/contacts/" + id, "{\"full_name\":\"Three\"}").json().get("contact");
            assertTrue(third.get("updated_at").asText().compareTo(second.get("updated_at").asText()) > 0,
                    "by default a change moves updated_at on");
        }
    }

    private static List<JsonNode> allContacts(ApiClient api, String query) {
        List<JsonNode> records = new ArrayList<>();
        for (int page = 1;; page++) {
            JsonNode body = api.get("/2025-09/contacts?sort_by=updated_at&sort_direction=ASC&limit=100&page=" + page + query)
                    .json();
            body.get("contacts").forEach(records::add);
            if (body.at("/meta/pagination/next").isNull()) {
                return records;
            }
        }
    }
}
