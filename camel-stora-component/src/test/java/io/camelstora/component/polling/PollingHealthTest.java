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

import java.time.Instant;
import java.util.Map;

import io.camelstora.component.HealthChecks;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A polling consumer's health through Camel's consumers repository: Camel's scheduled-poll verdict (DOWN once a poll
 * failed, UP again after one succeeds) with the cursor, how far behind the list the consumer is and its latest poll.
 */
class PollingHealthTest extends PollingTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        HealthChecks.withConsumerChecks(context);
        return context;
    }

    @Test
    void showsCursorLagAndLastPollAndGoesDownWhileTheListCannotBeRead() throws Exception {
        FakeLists.FakeList contacts = LISTS.list("contacts", "contacts", CREATED_AND_UPDATED, true);
        contacts.create("c1", 1).create("c2", 2).create("c3", 3);
        MockEndpoint mock = route(poll("contacts/list"));
        expect(mock, 3);
        // two more polls: the first one has then finished, including what Camel does after the poll strategy's commit
        polls.awaitMore(2);

        HealthCheck.Result up = HealthChecks.consumer(context, "poll");
        assertEquals(HealthCheck.State.UP, up.getState(), () -> up.getMessage().orElse(""));
        Map<String, Object> details = up.getDetails();
        assertEquals("stora.contacts", details.get("poll.state.key"));
        assertEquals(FakeLists.at(3), details.get("poll.cursor"));
        assertEquals("success", details.get("poll.last.outcome"));
        assertEquals(false, details.get("poll.last.more"));
        // an idle poll read everything up to when it began reading: the list's own clock, after the last write
        Instant caughtUpTo = Instant.parse((String) details.get("poll.caught.up.to"));
        assertTrue(caughtUpTo.isAfter(Instant.parse(FakeLists.at(3))), caughtUpTo::toString);
        long lag = (Long) details.get("poll.lag.ms");
        // lag = when the check ran less caughtUpTo
        assertTrue(lag > 0, "lag " + lag);
        assertFalse(caughtUpTo.plusMillis(lag).isAfter(Instant.now()), "lag " + lag);

        // the list disappears: the API answers 404 invalid_endpoint
        LISTS.reset();
        // a second failure: the first one has then been counted by Camel, which it does after the strategy's rollback
        polls.awaitFailed(2);
        HealthCheck.Result down = HealthChecks.consumer(context, "poll");
        assertEquals(HealthCheck.State.DOWN, down.getState());
        assertTrue(down.getMessage().orElseThrow().startsWith("Consumer failed polling"), down.getMessage().orElseThrow());
        assertTrue(down.getError().orElseThrow().getMessage().contains("invalid_endpoint"),
                down.getError().orElseThrow()::getMessage);
        assertEquals("failure", down.getDetails().get("poll.last.outcome"));
        assertEquals(FakeLists.at(3), down.getDetails().get("poll.cursor"), "a failed poll keeps the cursor");
        assertFalse(String.valueOf(down.getDetails()).contains(TOKEN));

        LISTS.list("contacts", "contacts", CREATED_AND_UPDATED, true).create("c1", 1).create("c2", 2).create("c3", 3);
        polls.awaitMore(2);
        assertEquals(HealthCheck.State.UP, HealthChecks.consumer(context, "poll").getState());
    }
}
