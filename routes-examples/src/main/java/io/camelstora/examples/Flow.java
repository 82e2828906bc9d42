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

import java.util.Arrays;
import java.util.function.Supplier;

import io.camelstora.examples.booking.BookingRoutes;
import io.camelstora.examples.collections.CollectionsRoutes;
import io.camelstora.examples.crm.ContactsToCrmRoutes;
import io.camelstora.examples.deals.DealsToOrdersRoutes;
import io.camelstora.examples.ledger.LedgerRoutes;
import io.camelstora.examples.occupancy.OccupancyReportRoutes;
import org.apache.camel.RoutesBuilder;

/** The example flows: each is a YAML file under routes/ and an equivalent Java RouteBuilder. */
public enum Flow {

    CONTACTS_TO_CRM("contacts-to-crm", ContactsToCrmRoutes::new, true, false),
    LEDGER("ledger", LedgerRoutes::new, true, false),
    OCCUPANCY_REPORT("occupancy-report", OccupancyReportRoutes::new, false, false),
    /** The booking API, and a unit for every new tenancy (tenancy.created). */
    BOOKING("booking", BookingRoutes::new, true, true),
    COLLECTIONS("collections", CollectionsRoutes::new, true, true),
    DEALS_TO_ORDERS("deals-to-orders", DealsToOrdersRoutes::new, true, true);

    private final String id;
    private final Supplier<RoutesBuilder> javaRoutes;
    private final boolean receivesWebhooks;
    private final boolean writesOnEvents;

    Flow(String id, Supplier<RoutesBuilder> javaRoutes, boolean receivesWebhooks, boolean writesOnEvents) {
        this.id = id;
        this.javaRoutes = javaRoutes;
        this.receivesWebhooks = receivesWebhooks;
        this.writesOnEvents = writesOnEvents;
    }

    /** Whether the flow registers a Stora webhook endpoint, which Stora must be able to reach. */
    public boolean receivesWebhooks() {
        return receivesWebhooks;
    }

    public String id() {
        return id;
    }

    /** The YAML DSL file of the flow. */
    public String yamlLocation() {
        return "classpath:routes/" + id + ".camel.yaml";
    }

    /** A new instance of the Java DSL RouteBuilder of the flow. */
    public RoutesBuilder javaRoutes() {
        return javaRoutes.get();
    }

    /**
     * Whether the flow changes the Stora account by itself when events arrive (allocates or overlocks units, creates
     * orders). Against the real API such flows only start when asked for by name.
     */
    public boolean writesOnEvents() {
        return writesOnEvents;
    }

    public static Flow of(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown flow '" + id + "'; the flows are "
                        + Arrays.stream(values()).map(Flow::id).toList()));
    }
}
