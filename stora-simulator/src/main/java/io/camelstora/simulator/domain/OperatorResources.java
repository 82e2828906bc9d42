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

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.ResourceKind;
import io.camelstora.simulator.domain.Store.Entity;
import io.camelstora.simulator.support.Json;

import static io.camelstora.simulator.domain.RequestFields.union;

/** What the operator manages in BackOffice: base prices, and resources the control API creates or updates. */
public final class OperatorResources {

    private final DomainCore core;
    private final Store store;

    OperatorResources(DomainCore core) {
        this.core = core;
        this.store = core.store;
    }

    public Entity setBasePrices(ResourceKind kind, String id, ObjectNode body) {
        Entity entity = store.require(kind, id);
        ApiError.Collector errors = new ApiError.Collector();
        if (body.isEmpty()) {
            errors.add("", "at least one billing period price is required");
        }
        Set<String> periods = kind == ResourceKind.PRODUCT ? union(Orders.BILLING_PERIODS, Set.of("one_time"))
                : Orders.BILLING_PERIODS;
        body.fields().forEachRemaining(field -> {
            if (!periods.contains(field.getKey())) {
                errors.add("/" + field.getKey(), "`" + field.getKey() + "` is not a billing period; expected one of "
                        + new java.util.TreeSet<>(periods));
            } else if (!field.getValue().path("amount").canConvertToLong()
                    || !field.getValue().path("amount").isIntegralNumber()
                    || field.getValue().path("amount").asLong() < 0) {
                errors.add("/" + field.getKey() + "/amount",
                        "value at `/" + field.getKey() + "/amount` must be a non-negative integer");
            }
        });
        errors.throwIfAny();
        ArrayNode prices = entity.json.has("prices") && entity.json.get("prices").isArray()
                ? (ArrayNode) entity.json.get("prices")
                : entity.json.putArray("prices");
        body.fields().forEachRemaining(field -> {
            ObjectNode price = null;
            for (JsonNode existing : prices) {
                if (field.getKey().equals(Json.text(existing, "billing_period"))) {
                    price = (ObjectNode) existing;
                }
            }
            if (price == null) {
                price = prices.addObject();
                price.put("billing_period", field.getKey());
            }
            price.set("price", core.money(field.getValue().get("amount").asLong()));
            price.put("stripe_price_id", stripeId("price_"));
        });
        core.touch(entity);
        if (kind == ResourceKind.UNIT_TYPE) {
            core.emit("unit_type.updated", entity);
        } else if (kind == ResourceKind.PROTECTION_LEVEL) {
            core.emit("protection_level.updated", entity);
        }
        return entity;
    }

    static String stripeId(String prefix) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 24; i++) {
            id.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return id.toString();
    }

    // ------------------------------------------------------------------ operator-side resources (control)

    /** Creates an operator-managed resource from fields (what BackOffice would do) and emits its created event. */
    public Entity createOperatorResource(ResourceKind kind, ObjectNode fields) {
        ObjectNode json = core.newResource(kind);
        fields.fields().forEachRemaining(f -> {
            if (!Set.of("id", "created_at", "updated_at").contains(f.getKey())) {
                json.set(f.getKey(), f.getValue());
            }
        });
        Entity entity = store.insert(kind, json);
        String event = kind.webhookKey() + ".created";
        if (WebhookEventTypes.SET.contains(event)) {
            core.emit(event, entity);
        }
        return entity;
    }

    /** Shallow-merges fields into an operator-managed resource and emits its updated event. */
    public Entity updateOperatorResource(ResourceKind kind, String id, ObjectNode fields) {
        Entity entity = store.require(kind, id);
        fields.fields().forEachRemaining(f -> {
            if (!Set.of("id", "created_at", "updated_at").contains(f.getKey())) {
                entity.json.set(f.getKey(), f.getValue());
            }
        });
        core.touch(entity);
        String event = kind.webhookKey() + ".updated";
        if (WebhookEventTypes.SET.contains(event)) {
            core.emit(event, entity);
        }
        return entity;
    }
}
