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
package io.camelstora.examples.booking;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.camelstora.component.StoraConstants;
import io.camelstora.component.http.StoraApiException;
import io.camelstora.examples.support.ExampleWebhooks;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * The booking flow of Stora's https://docs.stora.co/2025-09/guides/booking-flow, offered to the website as {@code POST /api/bookings}, and its
 * step 5: on {@code tenancy.created}, a unit for the tenancy. The YAML twin: routes/booking.camel.yaml.
 */
public class BookingRoutes extends RouteBuilder {

    /** Every POST's key derives from the website's booking reference: a booking sent twice books once. */
    private static final String KEY = "booking-${exchangeProperty.booking[reference]}-";
    /** The allocation's keys derive from the event id and the unit's position: a redelivered event reserves once. */
    private static final String UNIT_KEY = "${header." + StoraConstants.WEBHOOK_EVENT_ID + "}-unit-${exchangeProperty."
            + UnitAllocations.WANTED + "[position]}";

    @Override
    public void configure() {
        Bookings bookings = new Bookings(getContext().resolvePropertyPlaceholders("{{examples.booking.cancelUrl}}"));

        from("platform-http:/api/bookings?httpMethodRestrict=POST")
                .routeId("booking-api")
                .doTry()
                .unmarshal().json(JsonLibrary.Jackson)
                .to("direct:booking")
                .marshal().json(JsonLibrary.Jackson)
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .doCatch(IllegalArgumentException.class, JsonProcessingException.class)
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(400))
                .setHeader(Exchange.CONTENT_TYPE, constant("text/plain"))
                .setBody(simple("${exception.message}"))
                // Stora refused the booking (an unknown site or unit type, a unit type without that billing period)
                .doCatch(StoraApiException.class)
                .onWhen(simple("${exception.status} == 404 || ${exception.status} == 422"))
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(422))
                .setHeader(Exchange.CONTENT_TYPE, constant("text/plain"))
                .setBody(simple("${exception.message}"))
                .end();

        from("direct:booking")
                .routeId("booking")
                .bean(bookings, "validate")
                .setProperty("booking", body())
                // Step 1: the unit type, for its price in the billing period and its deposit
                .setHeader(StoraConstants.UNIT_TYPE_ID, simple("${body[unit_type_id]}"))
                .to("stora:unit_types/show")
                .setProperty("unitType", body())
                // Step 2: the contact; email addresses are unique per operator, so an existing one is reused
                .setHeader(StoraConstants.FILTERS, method(bookings, "contactLookup"))
                .to("stora:contacts/list?limit=1")
                // headers stay on the message: a filter left behind would also narrow every later list call
                .removeHeader(StoraConstants.FILTERS)
                .choice()
                .when(simple("${body.isEmpty()}"))
                .bean(bookings, "newContact")
                .setHeader(StoraConstants.IDEMPOTENCY_KEY, simple(KEY + "contact"))
                .to("stora:contacts/create")
                .otherwise()
                .setBody(simple("${body[0]}"))
                .end()
                .setProperty("contact", body())
                // Step 3: a draft order with the unit type
                .bean(bookings, "draftOrder")
                .setHeader(StoraConstants.IDEMPOTENCY_KEY, simple(KEY + "order"))
                .to("stora:orders/create")
                .setHeader(StoraConstants.ORDER_ID, simple("${body[id]}"))
                .doTry()
                // protection, when the customer chose it
                .filter(simple("${exchangeProperty.booking[protection_level_id]} != null"))
                .setHeader(StoraConstants.PROTECTION_LEVEL_ID, simple("${exchangeProperty.booking[protection_level_id]}"))
                .to("stora:protection_levels/show")
                .bean(bookings, "protectionLineItem")
                .setHeader(StoraConstants.IDEMPOTENCY_KEY, simple(KEY + "protection"))
                .to("stora:order_line_items/create")
                .end()
                // the security deposit the operator expects for this unit type
                .filter(simple("${exchangeProperty.unitType[require_security_deposit]} == true"))
                .bean(bookings, "depositLineItem")
                .setHeader(StoraConstants.IDEMPOTENCY_KEY, simple(KEY + "deposit"))
                .to("stora:order_line_items/create")
                .end()
                // Step 4: validate, then finalize: the answer carries the payment_url
                .to("stora:orders/validate")
                .bean(bookings, "finalizeRequest")
                .setHeader(StoraConstants.IDEMPOTENCY_KEY, simple(KEY + "finalize"))
                .to("stora:orders/finalize")
                .endDoTry()
                // a booking sent again after it was finalized: Stora replayed the order's creation, and the order is
                // no longer a draft; answer with the order as it is now
                .doCatch(StoraApiException.class)
                .onWhen(simple("${exception.status} == 409"))
                .to("stora:orders/show")
                .end()
                .log("Booking ${exchangeProperty.booking[reference]}: order ${body[id]} ${body[status]}, pay at ${body[payment_url]}")
                .bean(bookings, "confirmation");

        // Step 5: orders created through the API are not auto-reserved (https://docs.stora.co/2025-09/guides/allocations-and-access): the integration
        // allocates a unit of the booked type to the tenancy Stora created after payment
        UnitAllocations allocations = new UnitAllocations();
        from("stora:webhook?path=/stora/booking-allocation&eventTypes=tenancy.created"
                + "&publicUrl={{examples.publicUrl}}/stora/booking-allocation"
                + "&endpointName={{examples.name}}-booking-allocation" + ExampleWebhooks.REGISTRATION)
                .routeId("booking-allocation")
                // the tenancy as it is now, not as the event saw it: a redelivery, Stora's auto-reservation (storefront
                // bookings) or staff may have allocated units since
                .setHeader(StoraConstants.TENANCY_ID, header(StoraConstants.WEBHOOK_RESOURCE_ID))
                .to("stora:tenancies/show")
                .setProperty(UnitAllocations.TENANCY, body())
                // the booked unit types are the order's unit_type line items
                .setHeader(StoraConstants.ORDER_ID, simple("${body[order][id]}"))
                .to("stora:orders/show?expand=line_items")
                // a tenancy that began at creation cannot be reserved for: access is granted at once instead
                .setProperty("startedWhenCreated", method(allocations, "startedWhenCreated"))
                // one part per unit the tenancy still needs; its keys derive from the event id and the unit's position,
                // so a redelivered event reserves once
                .split(method(allocations, "unitsToAllocate")).stopOnException()
                .setProperty(UnitAllocations.WANTED, body())
                .setHeader(StoraConstants.FILTERS, method(allocations, "availableUnits"))
                .to("stora:units/list?limit=1")
                .removeHeader(StoraConstants.FILTERS)
                .choice()
                .when(simple("${body.isEmpty()}"))
                .setProperty(UnitAllocations.PROBLEM, constant("no unit of the type is available at the site"))
                .otherwise()
                .setHeader(StoraConstants.UNIT_ID, simple("${body[0][id]}"))
                .bean(allocations, "allocationRequest")
                .setHeader(StoraConstants.IDEMPOTENCY_KEY, simple(UNIT_KEY))
                .doTry()
                .choice()
                .when(exchangeProperty("startedWhenCreated"))
                .to("stora:units/grant_access")
                .otherwise()
                .to("stora:units/reserve")
                .end()
                .log("Tenancy ${exchangeProperty.tenancy[id]}: unit ${body[id]} ${body[status]}")
                .endDoTry()
                // 409: the unit was taken meanwhile, or the tenancy started meanwhile; staff decide
                .doCatch(StoraApiException.class)
                .onWhen(simple("${exception.status} == 409"))
                .setProperty(UnitAllocations.PROBLEM, simple("${exception.errorMessage}"))
                .end()
                .end()
                // acknowledged, not failed: no redelivery brings a unit back, staff must allocate one
                .filter(exchangeProperty(UnitAllocations.PROBLEM).isNotNull())
                .log(LoggingLevel.WARN, "Tenancy ${exchangeProperty.tenancy[id]}: no unit of"
                        + " ${exchangeProperty.wantedUnit[unit_type_id]} allocated"
                        + " (${exchangeProperty.allocationProblem}); task for staff")
                .bean(allocations, "staffTask")
                .setHeader(StoraConstants.IDEMPOTENCY_KEY, simple(UNIT_KEY + "-task"))
                .to("stora:tasks/create")
                .end()
                .end();
    }
}
