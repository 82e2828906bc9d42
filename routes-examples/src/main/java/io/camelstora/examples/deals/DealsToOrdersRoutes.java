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

import io.camelstora.component.StoraConstants;
import io.camelstora.examples.support.ExampleWebhooks;
import io.camelstora.examples.support.NoPriceException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;

/**
 * A won deal turned into an order and a task for the deal's assignee with the payment link. The YAML twin:
 * routes/deals-to-orders.camel.yaml.
 */
public class DealsToOrdersRoutes extends RouteBuilder {

    private static final String KEY = "${header." + StoraConstants.WEBHOOK_EVENT_ID + "}-";

    @Override
    public void configure() {
        DealOrders dealOrders = new DealOrders(
                getContext().resolvePropertyPlaceholders("{{examples.deals.billingPeriod}}"),
                getContext().resolvePropertyPlaceholders("{{examples.deals.paymentMethod}}"),
                getContext().resolvePropertyPlaceholders("{{examples.deals.cancelUrl}}"),
                getContext().resolvePropertyPlaceholders("{{examples.deals.taskDue}}"));

        from("stora:webhook?path=/stora/deals-to-orders&eventTypes=deal.won"
                + "&publicUrl={{examples.publicUrl}}/stora/deals-to-orders&endpointName={{examples.name}}-deals-to-orders"
                + ExampleWebhooks.REGISTRATION)
                .routeId("deals-to-orders")
                .setProperty("deal", body())
                .setProperty("missing", method(dealOrders, "missing"))
                // a deal without a contact, site or unit type cannot become an order: acknowledged, left to staff
                .filter(simple("${exchangeProperty.missing} != ''"))
                .log(LoggingLevel.WARN,
                        "Deal ${header.CamelStoraWebhookResourceId} was won without ${exchangeProperty.missing}: no order created")
                .stop()
                .end()
                .doTry()
                // deal line items carry no price: each takes its item's price for the billing period
                .split(method(dealOrders, "lineItems"), new GroupedBodyAggregationStrategy())
                .setProperty("dealLineItem", body())
                .choice()
                .when(simple("${body[type]} == 'unit_type'"))
                .setHeader(StoraConstants.UNIT_TYPE_ID, simple("${body[item][id]}"))
                .to("stora:unit_types/show")
                .when(simple("${body[type]} == 'protection'"))
                .setHeader(StoraConstants.PROTECTION_LEVEL_ID, simple("${body[item][id]}"))
                .to("stora:protection_levels/show")
                .when(simple("${body[type]} == 'product'"))
                .setHeader(StoraConstants.PRODUCT_ID, simple("${body[item][id]}"))
                .to("stora:products/show")
                .end()
                .bean(dealOrders, "pricedLineItem")
                .end()
                .bean(dealOrders, "order")
                // one order per deal.won event, however often Stora delivers it
                .setHeader(StoraConstants.IDEMPOTENCY_KEY, simple(KEY + "order"))
                .to("stora:orders/create")
                .log("Deal ${header.CamelStoraWebhookResourceId} won: order ${body[id]} ${body[status]}, pay at ${body[payment_url]}")
                .bean(dealOrders, "paymentLinkTask")
                .setHeader(StoraConstants.IDEMPOTENCY_KEY, simple(KEY + "task"))
                .to("stora:tasks/create")
                .endDoTry()
                // an item without a price for the billing period: no retry can fix that, staff must
                .doCatch(NoPriceException.class)
                .log(LoggingLevel.WARN,
                        "Deal ${header.CamelStoraWebhookResourceId} won, but no order can be made: ${exception.message}")
                .end();
    }
}
