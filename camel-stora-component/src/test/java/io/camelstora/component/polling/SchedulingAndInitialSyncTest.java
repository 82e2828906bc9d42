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

import java.util.List;

import io.camelstora.component.StoraEndpoint;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.pollconsumer.quartz.QuartzScheduledPollConsumerScheduler;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Where a new consumer starts, how often it polls, and that it shares its account's client. */
class SchedulingAndInitialSyncTest extends PollingTestSupport {

    @Test
    void initialSyncNoneReportsOnlyWhatChangesAfterTheFirstPollByTheApisClock() throws Exception {
        // the fake API's clock (which stamps the records) is a year and more behind ours: "now" must be the API's,
        // or every change made after the start would look older than the start and be lost
        FakeLists.FakeList contacts = LISTS.list("contacts", "contacts", CREATED_AND_UPDATED, true);
        contacts.create("old1", 1).create("old2", 2).clockAt(10);
        MockEndpoint mock = route(poll("contacts/list?initialSync=none"));
        polls.awaitMore(2);
        assertEquals(0, mock.getReceivedCounter(), "existing records are not reported");

        LISTS.atomically(() -> contacts.update("old1", 11).create("new1", 12));
        expect(mock, 2);
        polls.awaitMore(2);
        assertEquals(List.of("old1@11", "new1@12"), received(mock), "changes after the start, oldest first");
    }

    @Test
    void initialSyncNoneReportsWhatChangedDuringTheInitialDelay() throws Exception {
        // none starts when the consumer starts, not at its first poll an initialDelay later
        FakeLists.FakeList contacts = LISTS.list("contacts", "contacts", CREATED_AND_UPDATED, true);
        contacts.create("old1", 1).clockAt(5);
        MockEndpoint mock = route("stora:contacts/list?initialSync=none&initialDelay=1500&delay=10&pollStrategy=#polls"
                + "&stateDirectory=" + stateDirectory.getPath());
        contacts.create("during", 6);
        expect(mock, 1);
        polls.awaitMore(2);
        assertEquals(List.of("during@6"), received(mock));
    }

    @Test
    void initialSyncSinceStartsAtTheGivenTimeInclusive() throws Exception {
        FakeLists.FakeList contacts = LISTS.list("contacts", "contacts", CREATED_AND_UPDATED, true);
        contacts.create("c1", 1).create("c2", 2).create("c3", 3).create("c5", 5);
        MockEndpoint mock = route(poll("contacts/list?initialSync=since:" + FakeLists.at(3) + "&overlap=1h"));
        expect(mock, 2);
        polls.awaitMore(2);
        assertEquals(List.of("c3@3", "c5@5"), received(mock), "an overlap reaching before the start reports nothing older");
        assertEquals(FakeLists.at(3), LISTS.requests().get(0).get("updated_after"));
    }

    @Test
    void quartzCronPollsAndSharesTheAccountClient() throws Exception {
        FakeLists.FakeList units = LISTS.list("units", "units", CREATED_ONLY, true);
        units.create("u1", 1);
        String uri = "stora:units/list?scheduler=quartz&scheduler.cron=0/1+*+*+*+*+?&pollStrategy=#polls&stateDirectory="
                + stateDirectory.getPath();
        MockEndpoint mock = route(uri);
        expect(mock, 1);

        mock.reset();
        units.update("u1", 5);
        expect(mock, 1);
        assertEquals(List.of("u1@5"), received(mock));

        ScheduledPollConsumer consumer = (ScheduledPollConsumer) context.getRoute("poll").getConsumer();
        assertInstanceOf(QuartzScheduledPollConsumerScheduler.class, consumer.getScheduler());
        // polls go through the client (rate limiter, token, connections) producers of the account use
        StoraEndpoint producer = context.getEndpoint("stora:units/show", StoraEndpoint.class);
        assertSame(producer.getClient(), ((StoraEndpoint) consumer.getEndpoint()).getClient());
    }

    @Test
    void camelsBackoffOptionsSkipPollsAfterAFailure() throws Exception {
        // no list served: every poll fails with the API's 404; after one failure, skip the next 1000 runs
        route(poll("contacts/list?backoffErrorThreshold=1&backoffMultiplier=1000"));
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) context.getRoute("poll").getConsumer();

        awaitBackoffCounter(consumer, 1);
        int requestsWhenBackingOff = wm.findAll(getRequestedFor(urlPathEqualTo("/2025-09/contacts"))).size();
        awaitBackoffCounter(consumer, 5);

        assertEquals(requestsWhenBackingOff, wm.findAll(getRequestedFor(urlPathEqualTo("/2025-09/contacts"))).size(),
                "the skipped runs sent nothing");
        assertEquals(1, consumer.getErrorCounter());
    }

    private static void awaitBackoffCounter(ScheduledPollConsumer consumer, int skipped) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (consumer.getBackoffCounter() < skipped) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("backoff counter " + consumer.getBackoffCounter() + ", expected " + skipped);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void theDefaultDelaySparesTheRateLimit() {
        StoraEndpoint endpoint = context.getEndpoint("stora:contacts/list", StoraEndpoint.class);
        assertEquals(StoraEndpoint.DEFAULT_POLL_DELAY, endpoint.getDelay());
        assertEquals(300_000, context.getEndpoint("stora:contacts/list?delay=5m", StoraEndpoint.class).getDelay());
    }
}
