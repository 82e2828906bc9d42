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
package io.camelstora.component.limits;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.camelstora.component.StoraTestSupport;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Waiting for the rate limiter or for a retry's backoff never parks the routing thread (issue 5, item 4): the producer
 * hands the exchange back at once ({@code process} returns false) and completes it later on another thread. A producer
 * that slept on the calling thread would return true only after the wait, so these tests fail without the async path.
 */
class NoParkedRoutingThreadTest extends StoraTestSupport {

    private static final String CONTACT = "{\"contact\":{\"id\":\"con_1\"},\"meta\":{\"request_id\":\"r\"}}";

    @BeforeEach
    void reset() {
        wm.resetAll();
    }

    @Test
    void exchangesWaitingForTheLimiterLeaveTheCallingThreadAtOnce() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/2025-09/contacts/con_1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(CONTACT)));
        // one request per 300 ms: the first exchange has the slot, the three others must wait for it
        addAccount("slow", TOKEN, account -> {
            account.setRateLimitWindows("1/300ms");
            account.setRateLimitMargin(0);
        });
        Calls calls = send("slow:contacts/show?contactId=con_1", 4);

        assertEquals(List.of(true, false, false, false), calls.completedSynchronously,
                "the first call runs on the calling thread, the waiting ones hand the exchange back");
        calls.awaitAll();
        wm.verify(4, getRequestedFor(urlPathEqualTo("/2025-09/contacts/con_1")));
        assertEquals(3, calls.completedLaterOn.size());
        assertFalse(calls.completedLaterOn.contains(Thread.currentThread().getName()), calls.completedLaterOn::toString);
    }

    @Test
    void aRetryBackoffLeavesTheCallingThreadAtOnce() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/2025-09/contacts/con_1")).inScenario("retry").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        wm.stubFor(get(urlPathEqualTo("/2025-09/contacts/con_1")).inScenario("retry").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(CONTACT)));

        addAccount("backoff", TOKEN, account -> {
            account.setThrottle(false);
            account.setRetryInitialDelay(200);
            account.setRetryMaxDelay(400);
        });
        Calls calls = send("backoff:contacts/show?contactId=con_1", 1);

        assertEquals(List.of(false), calls.completedSynchronously, "the exchange is handed back during the backoff");
        calls.awaitAll();
        assertFalse(calls.completedLaterOn.contains(Thread.currentThread().getName()), calls.completedLaterOn::toString);
        wm.verify(2, getRequestedFor(urlPathEqualTo("/2025-09/contacts/con_1")));
    }

    /** Sends {@code count} exchanges through the producer's asynchronous API from this thread, without waiting. */
    private Calls send(String uri, int count) throws Exception {
        Endpoint endpoint = context.getEndpoint(uri);
        Producer producer = endpoint.createProducer();
        producer.start();
        AsyncProcessor processor = AsyncProcessorConverterHelper.convert(producer);
        Calls calls = new Calls(count);
        for (int i = 0; i < count; i++) {
            Exchange exchange = endpoint.createExchange();
            calls.exchanges.add(exchange);
            calls.completedSynchronously.add(processor.process(exchange, doneSync -> {
                if (!doneSync) {
                    calls.completedLaterOn.add(Thread.currentThread().getName());
                }
                calls.done.countDown();
            }));
        }
        return calls;
    }

    private static final class Calls {
        final List<Boolean> completedSynchronously = new ArrayList<>();
        final List<Exchange> exchanges = new ArrayList<>();
        /** The threads that completed the exchanges handed back, one entry per exchange. */
        final List<String> completedLaterOn = new CopyOnWriteArrayList<>();
        final CountDownLatch done;

        Calls(int count) {
            done = new CountDownLatch(count);
        }

        void awaitAll() throws InterruptedException {
            assertTrue(done.await(30, TimeUnit.SECONDS), "every exchange completed");
            for (Exchange exchange : exchanges) {
                assertNull(exchange.getException());
                assertEquals("con_1", exchange.getMessage().getBody(Map.class).get("id"));
            }
        }
    }
}
