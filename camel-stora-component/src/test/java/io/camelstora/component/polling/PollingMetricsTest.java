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
package io.camelstora.component.polling;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** stora.polls, stora.poll.records and the stora.poll.lag gauge of a polling consumer. */
class PollingMetricsTest extends PollingTestSupport {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("meters", MeterRegistry.class, meters);
        return context;
    }

    @Test
    void pollsRecordsAndLagAreMeteredUntilTheRouteStops() throws Exception {
        FakeLists.FakeList contacts = LISTS.list("contacts", "contacts", CREATED_AND_UPDATED, true);
        contacts.create("c1", 1).create("c2", 2).create("c3", 3);
        MockEndpoint mock = route(poll("contacts/list"));
        expect(mock, 3);
        polls.awaitMore(2);

        assertEquals(3.0, meters.get("stora.poll.records").tags("routeId", "poll", "stateKey", "stora.contacts").counter()
                .count());
        long polled = meters.get("stora.polls").tags("routeId", "poll", "stateKey", "stora.contacts", "outcome", "success")
                .timer().count();
        assertTrue(polled >= 2, "the polls awaited: " + polled);
        TimeGauge lag = meters.get("stora.poll.lag").tags("routeId", "poll", "stateKey", "stora.contacts").timeGauge();
        // the fake list's clock is in 2025: the consumer is caught up to then
        assertTrue(lag.value() > 0, "lag " + lag.value());

        context.getRouteController().stopRoute("poll");
        assertNull(meters.find("stora.poll.lag").timeGauge(), "the gauge goes with the consumer");
    }
}
