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
package io.camelstora.examples.deals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelstora.examples.support.Prices;
import io.camelstora.examples.support.StoraMaps;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

/**
 * Turns a won deal into an order (https://docs.stora.co/2025-09/guides/core-concepts: "When a deal is won, it typically leads to an order being
 * created"): the deal's contact, site and line items (a unit type, optionally protection and a product), priced at the
 * operator's prices for the billing period, since deal line items carry no price. The order is created and finalized
 * in one request (https://docs.stora.co/2025-09/guides/booking-flow, "Create and finalize in one step"); the deal's assignee gets a task with the
 * payment link to send to the customer.
 */
public final class DealOrders {

    private final String billingPeriod;
    private final String paymentMethod;
    private final String cancelRedirectUrl;
    private final Duration taskDue;
    private final Clock clock;

    /**
     * @param billingPeriod     the billing period of the orders (deals have none)
     * @param paymentMethod     their payment method
     * @param cancelRedirectUrl where a customer who abandons the checkout lands
     * @param taskDue           how long the assignee has to send the payment link, ISO-8601 ({@code P1D})
     */
    public DealOrders(String billingPeriod, String paymentMethod, String cancelRedirectUrl, String taskDue) {
        this.billingPeriod = billingPeriod;
        this.paymentMethod = paymentMethod;
        this.cancelRedirectUrl = cancelRedirectUrl;
        this.taskDue = Duration.parse(taskDue);
        this.clock = Clock.systemUTC();
    }

    /** What the deal lacks to become an order ("contact, unit type"), or an empty string when nothing. */
    public String missing(@Body Map<String, Object> deal) {
        List<String> missing = new ArrayList<>();
        if (StoraMaps.id(deal, "contact") == null) {
            missing.add("contact");
        }
        if (StoraMaps.id(deal, "site") == null) {
            missing.add("site");
        }
        if (StoraMaps.list(deal, "line_items").stream().noneMatch(item -> "unit_type".equals(StoraMaps.text(item, "type")))) {
            missing.add("unit type");
        }
        return String.join(", ", missing);
    }

    /** The deal's line items ({@code {"type", "quantity", "item": {"id"}}}), one exchange each for pricing. */
    public List<?> lineItems(@Body Map<String, Object> deal) {
        return StoraMaps.list(deal, "line_items");
    }

    /**
     * The order line item of a deal line item, priced from {@code priced}: the unit type, protection level or product
     * it names. A one-off product takes its {@code one_time} price.
     */
    public Map<String, Object> pricedLineItem(@ExchangeProperty("dealLineItem") Map<String, Object> dealLineItem,
                                              @Body Map<String, Object> priced) {
        String type = StoraMaps.text(dealLineItem, "type");
        String period = "product".equals(type) && !"recurring".equals(StoraMaps.text(priced, "charge_type")) ? "one_time"
                : billingPeriod;
        Object quantity = StoraMaps.get(dealLineItem, "quantity");
        return Prices.lineItem(type, StoraMaps.id(dealLineItem, "item"), quantity instanceof Number n ? n.longValue() : 1,
                Prices.amountFor(priced, period));
    }

    /** The body of {@code stora:orders/create}, finalized at once. */
    public Map<String, Object> order(@ExchangeProperty("deal") Map<String, Object> deal,
                                     @Body List<Map<String, Object>> lineItems) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("site", Map.of("id", StoraMaps.id(deal, "site")));
        order.put("contact", Map.of("id", StoraMaps.id(deal, "contact")));
        order.put("billing_period", billingPeriod);
        order.put("payment_method", paymentMethod);
        // the deal's intended move-in date, or at once
        String startsAt = StoraMaps.text(deal, "starts_at");
        order.put("starts_at", startsAt == null ? "now" : startsAt);
        order.put("line_items", lineItems);
        order.put("metadata", Map.of("deal_id", String.valueOf(StoraMaps.text(deal, "id"))));
        order.put("finalize", Map.of("cancel_redirect_url", cancelRedirectUrl));
        return order;
    }

    /** The body of {@code stora:tasks/create}: the deal's assignee sends the payment link. */
    public Map<String, Object> paymentLinkTask(@ExchangeProperty("deal") Map<String, Object> deal,
                                               @Body Map<String, Object> order) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("title", "Send the payment link for deal " + StoraMaps.text(deal, "name"));
        task.put("description", "<p>Order " + StoraMaps.text(order, "id") + " (" + StoraMaps.text(order, "total", "formatted")
                + " " + billingPeriod.replace('_', ' ') + ") is ready: " + "<a href=\"" + StoraMaps.text(order, "payment_url")
                + "\">payment link</a></p>");
        task.put("due_at", Instant.now(clock).plus(taskDue).truncatedTo(ChronoUnit.SECONDS).toString());
        task.put("resource", Map.of("id", StoraMaps.id(deal, "contact")));
        task.put("site", Map.of("id", StoraMaps.id(deal, "site")));
        String assignee = StoraMaps.id(deal, "assignee");
        if (assignee != null) {
            task.put("assignee", Map.of("id", assignee));
        }
        task.put("metadata", Map.of("deal_id", String.valueOf(StoraMaps.text(deal, "id")), "order_id",
                String.valueOf(StoraMaps.text(order, "id"))));
        return task;
    }
}
