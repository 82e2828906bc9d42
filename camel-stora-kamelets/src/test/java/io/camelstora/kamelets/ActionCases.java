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

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.component.catalog.StoraOperation;
import io.camelstora.component.catalog.StoraResource;
import io.camelstora.component.http.StoraApiException;
import io.camelstora.simulator.StoraSimulator;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

import static io.camelstora.component.catalog.StoraOperation.*;
import static io.camelstora.component.catalog.StoraResource.CONTACTS;
import static io.camelstora.component.catalog.StoraResource.DEALS;
import static io.camelstora.component.catalog.StoraResource.NOTES;
import static io.camelstora.component.catalog.StoraResource.ORDERS;
import static io.camelstora.component.catalog.StoraResource.PRODUCTS;
import static io.camelstora.component.catalog.StoraResource.PROTECTION_LEVELS;
import static io.camelstora.component.catalog.StoraResource.TASKS;
import static io.camelstora.component.catalog.StoraResource.TENANCIES;
import static io.camelstora.component.catalog.StoraResource.TIMELINE_SOURCES;
import static io.camelstora.component.catalog.StoraResource.TIMELINE_TEMPLATES;
import static io.camelstora.component.catalog.StoraResource.UNITS;
import static io.camelstora.component.catalog.StoraResource.UNIT_ALLOCATIONS;
import static io.camelstora.component.catalog.StoraResource.UNIT_TYPES;
import static io.camelstora.component.catalog.StoraResource.WEBHOOK_ENDPOINTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For each generated action, the simulator state its operation needs (https://docs.stora.co/2025-09/guides/booking-flow,
 * https://docs.stora.co/2025-09/guides/allocations-and-access and the reference pages), the message and Body property a
 * flow would give it, and the state Stora must show after the call. {@code GeneratedKameletsRunTest} runs each.
 */
final class ActionCases {

    /** A move-in date after the simulator's clock: the tenancy of a booking that starts then has not started. */
    static final String NEXT_YEAR = java.time.Year.now().plusYears(1) + "-01-15T00:00:00Z";

    /** What a case starts from: the values of the action's id properties, in path order, and the message it receives. */
    record Given(List<String> ids, JsonNode message) {
        /** The ids, with the record they belong to as the message (what a trigger would hand over). */
        static Given on(JsonNode record, String... ids) {
            return new Given(List.of(ids), record);
        }

        /** The record's own id, with the record as the message. */
        static Given of(JsonNode record) {
            return on(record, id(record));
        }
    }

    /** What Stora must show once the action ran, read back through the API. */
    interface Then {
        void check(Api api, Given given, JsonNode answer);
    }

    /** One action's case: its state and message, its Body property (null: not set), and what it changed. */
    record Case(Function<Api, Given> given, String body, Then then) {
    }

    static final Map<StoraOperation, Case> CASES = new EnumMap<>(StoraOperation.class);

    static {
        // creates: the message holds the fields the reference pages require
        add(CONTACTS_CREATE, api -> Given.on(json("{\"email\": \"flow@example.com\", \"full_name\": \"Flow Example\"}")),
                (api, given, answer) -> assertEquals("flow@example.com",
                        api.show(CONTACTS, id(answer)).path("email").asText()));
        add(ORDERS_CREATE, ActionCases::draftOrderRequest, (api, given, answer) -> {
            JsonNode order = api.show(ORDERS, id(answer));
            assertEquals("draft", order.path("status").asText(), order.toString());
            // the request had what finalizing asks for: Stora validates the order as it is
            assertEquals(id(answer), id(api.call("orders/validate", null, id(answer))));
        });
        add(ORDER_LINE_ITEMS_CREATE, api -> Given.on(json("""
                {"type": "protection", "quantity": 1, "price": {"amount": 999}, "item": {"id": "%s"}}
                """.formatted(id(api.first(PROTECTION_LEVELS, "")))), id(api.draftOrder())),
                (api, given, answer) -> assertEquals("protection",
                        api.lineItem(given.ids().get(0), id(answer)).path("type").asText()));
        add(TIMELINE_EVENTS_CREATE, api -> Given.on(json("""
                {"source": {"id": "%s"}, "template": {"id": "%s"}, "contact": {"id": "%s"}, "description": "Paid in the CRM"}
                """.formatted(id(api.first(TIMELINE_SOURCES, "")), id(api.first(TIMELINE_TEMPLATES, "")),
                id(api.first(CONTACTS, ""))))),
                (api, given, answer) -> assertEquals("Paid in the CRM",
                        api.timelineEvent(id(answer)).path("description").asText()));
        add(WEBHOOK_ENDPOINTS_CREATE, api -> Given.on(json("""
                {"name": "CRM", "api_version": "2025-09", "url": "https://crm.example.com/stora", "event_types": ["invoice.paid"]}
                """)), (api, given, answer) -> {
            JsonNode endpoint = api.show(WEBHOOK_ENDPOINTS, id(answer));
            assertEquals("https://crm.example.com/stora", endpoint.path("url").asText(), endpoint.toString());
            assertEquals("enabled", endpoint.path("status").asText(), endpoint.toString());
        });

        // updates: the message is the change
        update(CONTACTS_UPDATE, api -> api.first(CONTACTS, ""), "full_name", "Renamed By A Flow");
        update(NOTES_UPDATE, api -> api.first(NOTES, ""), "content", "Edited by a flow");
        update(ORDERS_UPDATE, Api::draftOrder, "purchase_order_number", "PO-FLOW-1");
        update(TASKS_UPDATE, api -> api.first(TASKS, ""), "title", "Renamed by a flow");
        update(WEBHOOK_ENDPOINTS_UPDATE, Api::webhookEndpoint, "name", "Renamed by a flow");
        add(ORDER_LINE_ITEMS_UPDATE, api -> api.draftOrderLineItem(json("{\"quantity\": 2}")),
                (api, given, answer) -> assertEquals(2,
                        api.lineItem(given.ids().get(0), given.ids().get(1)).path("quantity").asInt()));
        add(TIMELINE_EVENTS_UPDATE, api -> new Given(List.of(api.timelineEventId()), json("{\"description\": \"Edited\"}")),
                (api, given, answer) -> assertEquals("Edited",
                        api.timelineEvent(given.ids().get(0)).path("description").asText()));

        // base prices: keys are billing periods, amounts in minor units
        basePrice(PRODUCTS_BASE_PRICE, PRODUCTS);
        basePrice(PROTECTION_LEVELS_BASE_PRICE, PROTECTION_LEVELS);
        basePrice(UNIT_TYPES_BASE_PRICE, UNIT_TYPES);

        // deletes: the record is gone
        delete(CONTACTS_DELETE, CONTACTS,
                api -> api.call("contacts/create", json("{\"email\": \"leaving@example.com\"}")));
        delete(NOTES_DELETE, NOTES, api -> api.first(NOTES, ""));
        delete(ORDERS_DELETE, ORDERS, Api::draftOrder);
        delete(TASKS_DELETE, TASKS, api -> api.first(TASKS, ""));
        delete(WEBHOOK_ENDPOINTS_DELETE, WEBHOOK_ENDPOINTS, Api::webhookEndpoint);
        add(ORDER_LINE_ITEMS_DELETE, api -> api.draftOrderLineItem(json("{}")), (api, given, answer) -> assertFalse(
                api.call("order_line_items/list", null, given.ids().get(0)).findValuesAsText("id")
                        .contains(given.ids().get(1))));
        add(TIMELINE_EVENTS_DELETE, api -> new Given(List.of(api.timelineEventId()), json("{}")),
                (api, given, answer) -> assertNull(api.sim().control().get(given.ids().get(0))));

        // state changes: from the state the operation requires to the one it promises
        status(ORDERS_FINALIZE, ORDERS, Api::draftOrder,
                "{\"finalize\": {\"cancel_redirect_url\": \"https://acme-storage.example/booking/cancelled\"}}", "finalized");
        status(TASKS_COMPLETE, TASKS, api -> api.first(TASKS, "filter.status=open"), null, "completed");
        status(TASKS_OPEN, TASKS, api -> api.first(TASKS, "filter.status=completed"), null, "open");
        status(DEALS_WIN, DEALS, api -> api.first(DEALS, "filter.status=open"), null, "won");
        status(DEALS_LOSE, DEALS, api -> api.first(DEALS, "filter.status=open"), "{\"lost_reason\": \"price_concerns\"}",
                "lost");
        // back on the board at the stage the message names (another than the deal's): the Body quotes the message
        add(DEALS_REOPEN, api -> {
            ObjectNode deal = (ObjectNode) api.first(DEALS, "filter.status=lost");
            String stage = api.call("deal_stages/list", null).findValuesAsText("id").stream()
                    .filter(s -> !s.equals(deal.at("/stage/id").asText())).findFirst().orElseThrow();
            deal.putObject("stage").put("id", stage);
            return Given.of(deal);
        }, "{\"stage\": {\"id\": \"${body[stage][id]}\"}}", (api, given, answer) -> {
            JsonNode shown = api.show(DEALS, given.ids().get(0));
            assertEquals("open", shown.path("status").asText(), shown.toString());
            assertEquals(given.message().at("/stage/id").asText(), shown.at("/stage/id").asText(), shown.toString());
        });
        status(WEBHOOK_ENDPOINTS_DISABLE, WEBHOOK_ENDPOINTS, Api::webhookEndpoint, null, "disabled");
        status(WEBHOOK_ENDPOINTS_ENABLE, WEBHOOK_ENDPOINTS, api -> {
            JsonNode endpoint = api.webhookEndpoint();
            return api.call("webhook_endpoints/disable", null, id(endpoint));
        }, null, "enabled");
        status(UNITS_DEALLOCATE, UNITS, api -> api.first(UNITS, "filter.status=occupied"), null, "available");

        // allocations: the message is the tenancy of a booking (what tenancy.created hands over), the unit an available
        // one of its site
        add(UNITS_RESERVE, Api::availableUnitForANewBooking, "{\"tenancy_id\": \"${body[id]}\"}", allocated("reserved"));
        add(UNITS_GRANT_ACCESS, Api::availableUnitForANewBooking, "{\"tenancy_id\": \"${body[id]}\"}",
                allocated("occupied"));
        // the message is the contact whose units are overlocked; the unit is only checked, remove overlock takes no id
        add(UNITS_REMOVE_OVERLOCK, api -> {
            JsonNode unit = api.first(UNITS, "filter.status=overlock");
            JsonNode tenancy = api.show(TENANCIES, api.show(UNIT_ALLOCATIONS, unit.at("/unit_allocation/id").asText())
                    .at("/tenancy/id").asText());
            return new Given(List.of(id(unit)), api.show(CONTACTS, tenancy.at("/contact/id").asText()));
        }, "{\"contact_id\": \"${body[id]}\"}", (api, given, answer) -> assertEquals("occupied",
                api.show(UNITS, given.ids().get(0)).path("status").asText()));
    }

    /** The action's id properties and their values: the first ids of the case (remove overlock's unit is only checked). */
    static Map<String, String> properties(StoraOperation operation, Given given) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < operation.pathParameters().size(); i++) {
            properties.put(operation.pathParameters().get(i).optionName(), given.ids().get(i));
        }
        return properties;
    }

    private static void add(StoraOperation operation, Function<Api, Given> given, Then then) {
        add(operation, given, null, then);
    }

    private static void add(StoraOperation operation, Function<Api, Given> given, String body, Then then) {
        if (CASES.put(operation, new Case(given, body, then)) != null) {
            throw new IllegalStateException("two cases for " + operation);
        }
    }

    private static void update(StoraOperation operation, Function<Api, JsonNode> record, String field, String value) {
        StoraResource resource = operation.resource();
        add(operation, api -> new Given(List.of(id(record.apply(api))), object().put(field, value)),
                (api, given, answer) -> assertEquals(value, api.show(resource, given.ids().get(0)).path(field).asText()));
    }

    private static void basePrice(StoraOperation operation, StoraResource resource) {
        add(operation, api -> new Given(List.of(id(api.first(resource, ""))),
                json("{\"weekly\": {\"amount\": 999}, \"monthly\": {\"amount\": 3999}}")), (api, given, answer) -> {
                    Map<String, Long> prices = new LinkedHashMap<>();
                    api.show(resource, given.ids().get(0)).path("prices").forEach(
                            p -> prices.put(p.path("billing_period").asText(), p.path("price").path("amount").asLong()));
                    assertEquals(999L, prices.get("weekly"), prices.toString());
                    assertEquals(3999L, prices.get("monthly"), prices.toString());
                });
    }

    private static void delete(StoraOperation operation, StoraResource resource, Function<Api, JsonNode> record) {
        add(operation, api -> Given.of(record.apply(api)), (api, given, answer) -> {
            CamelExecutionException e = assertThrows(CamelExecutionException.class,
                    () -> api.show(resource, given.ids().get(0)));
            assertEquals(404, assertInstanceOf(StoraApiException.class, e.getCause()).getStatus());
        });
    }

    private static void status(StoraOperation operation, StoraResource resource, Function<Api, JsonNode> record,
                               String body, String status) {
        add(operation, api -> Given.of(record.apply(api)), body, (api, given, answer) -> {
            JsonNode shown = api.show(resource, given.ids().get(0));
            assertEquals(status, shown.path("status").asText(), shown.toString());
        });
    }

    /** The unit is in {@code status}, allocated to the tenancy of the message. */
    private static Then allocated(String status) {
        return (api, given, answer) -> {
            JsonNode unit = api.show(UNITS, given.ids().get(0));
            assertEquals(status, unit.path("status").asText(), unit.toString());
            JsonNode allocation = api.show(UNIT_ALLOCATIONS, unit.at("/unit_allocation/id").asText());
            assertEquals(id(given.message()), allocation.at("/tenancy/id").asText(), allocation.toString());
        };
    }

    /** A draft order as https://docs.stora.co/2025-09/guides/booking-flow step 3 makes it, for a unit type of the seed. */
    private static Given draftOrderRequest(Api api) {
        JsonNode unitType = api.first(UNIT_TYPES, "");
        JsonNode price = unitType.path("prices").path(0);
        return Given.on(json("""
                {"site": {"id": "%s"}, "contact": {"id": "%s"}, "billing_period": "%s", "payment_method": "card",
                 "starts_at": "%s", "line_items": [{"type": "unit_type", "quantity": 1, "price": {"amount": %d},
                 "item": {"id": "%s"}}]}
                """.formatted(unitType.at("/site/id").asText(), id(api.first(CONTACTS, "")),
                price.path("billing_period").asText(), NEXT_YEAR, price.at("/price/amount").asLong(), id(unitType))));
    }

    /** The seed's account through the stora component, and the simulator for what the API cannot show or do. */
    record Api(ProducerTemplate template, StoraSimulator sim) {

        /** Calls {@code uri} ({@code resource/action}, options after {@code ?}) with the path parameters in order. */
        JsonNode call(String uri, Object body, String... ids) {
            String[] parts = uri.split("\\?", 2);
            String[] name = parts[0].split("/");
            StoraOperation operation = StoraResource.fromUriName(name[0]).flatMap(r -> StoraOperation.find(r, name[1]))
                    .orElseThrow();
            Map<String, Object> headers = new LinkedHashMap<>();
            for (int i = 0; i < ids.length; i++) {
                headers.put(operation.pathParameters().get(i).headerName(), ids[i]);
            }
            String options = "outputType=JSON_NODE" + (parts.length > 1 ? "&" + parts[1] : "");
            return template.requestBodyAndHeaders("stora:" + parts[0] + "?" + options, body, headers, JsonNode.class);
        }

        JsonNode show(StoraResource resource, String id) {
            return call(resource.uriName() + "/show", null, id);
        }

        /** The first record of a list, filtered ({@code filter.status=open}) or not. */
        JsonNode first(StoraResource resource, String filters) {
            JsonNode records = call(resource.uriName() + "/list?limit=1" + (filters.isEmpty() ? "" : "&" + filters), null);
            assertFalse(records.isEmpty(), "the seed has no " + resource.uriName() + " " + filters);
            return records.get(0);
        }

        /** A draft order of the seed: it has a unit type line item, a contact, a billing period... */
        JsonNode draftOrder() {
            return first(ORDERS, "filter.status=draft");
        }

        /** A draft order and its first line item, as ids, with {@code message}. */
        Given draftOrderLineItem(JsonNode message) {
            String orderId = id(draftOrder());
            return new Given(List.of(orderId, id(call("order_line_items/list", null, orderId).get(0))), message);
        }

        /** The line item of an order (the API has no show for one). */
        JsonNode lineItem(String orderId, String lineItemId) {
            for (JsonNode item : call("order_line_items/list", null, orderId)) {
                if (lineItemId.equals(id(item))) {
                    return item;
                }
            }
            throw new AssertionError("order " + orderId + " has no line item " + lineItemId);
        }

        JsonNode webhookEndpoint() {
            return call("webhook_endpoints/create", json("""
                    {"name": "Before", "api_version": "2025-09", "url": "https://hooks.example.com/x", "event_types": ["invoice.paid"]}
                    """));
        }

        String timelineEventId() {
            return id(call("timeline_events/create", json("""
                    {"source": {"id": "%s"}, "template": {"id": "%s"}, "contact": {"id": "%s"}}
                    """.formatted(id(first(TIMELINE_SOURCES, "")), id(first(TIMELINE_TEMPLATES, "")),
                    id(first(CONTACTS, ""))))));
        }

        /** A timeline event as the simulator holds it: the API can create one but not read it. */
        JsonNode timelineEvent(String id) {
            JsonNode event = sim.control().get(id);
            assertTrue(event != null, "no timeline event " + id);
            return event;
        }

        /**
         * A booking paid for a move-in next year (its tenancy has not started: https://docs.stora.co/2025-09/guides/booking-flow
         * steps 3 to 5, the customer's payment played by the simulator) and an available unit of its site: the tenancy is
         * the message.
         */
        Given availableUnitForANewBooking() {
            ObjectNode order = (ObjectNode) draftOrderRequest(this).message();
            order.putObject("finalize").put("cancel_redirect_url", "https://acme-storage.example/booking/cancelled");
            String orderId = id(call("orders/create", order));
            sim.control().payOrder(orderId);
            JsonNode tenancy = show(TENANCIES, show(ORDERS, orderId).at("/tenancy/id").asText());
            JsonNode unit = first(UNITS, "filter.status=available&filter.site_id=" + tenancy.at("/site/id").asText());
            return Given.on(tenancy, id(unit));
        }
    }

    static String id(JsonNode record) {
        return record.path("id").asText();
    }

    static JsonNode json(String text) {
        try {
            return KameletJson.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ObjectNode object() {
        return KameletJson.MAPPER.createObjectNode();
    }

    private ActionCases() {
    }
}
