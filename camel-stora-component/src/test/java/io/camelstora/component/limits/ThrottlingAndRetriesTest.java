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

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.camelstora.component.StoraComponent;
import io.camelstora.component.StoraConstants;
import io.camelstora.component.http.StoraApiException;
import io.camelstora.component.http.StoraRateLimitException;
import io.camelstora.component.limits.RateLimitedStoraServer.Arrival;
import io.camelstora.component.limits.RateLimitedStoraServer.Fault;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The component against a server that enforces two sliding windows (10 per 250 ms and 40 per second: Stora's 10/s and
 * 60/min shrunk so a burst of 200 takes seconds), with the same windows configured on the component. Assertions are
 * on what the server saw: counts, keys, statuses and its own arrival clock.
 */
class ThrottlingAndRetriesTest extends CamelTestSupport {

    private static final String WINDOWS = "10/250ms,40/1s";

    private final RateLimitedStoraServer server = newServer();

    private static RateLimitedStoraServer newServer() {
        try {
            return new RateLimitedStoraServer(RateLimits.parseWindows(WINDOWS), 500);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        configure(context.getComponent("stora", StoraComponent.class), "limits-test-token");
        return context;
    }

    private void configure(StoraComponent stora, String token) {
        stora.getConfiguration().setBaseUrl(server.baseUrl());
        stora.getConfiguration().setAccessToken(token);
        stora.setRateLimitWindows(WINDOWS);
        stora.setRateLimitMargin(50);
        stora.setMaxRateLimitWait(60_000);
        stora.setRetryInitialDelay(50);
        stora.setRetryMaxDelay(200);
    }

    /** Another account, a component registered as {@code name}: the options of this test's, then {@code options}. */
    private void account(String name, Consumer<StoraComponent> options) {
        StoraComponent account = new StoraComponent();
        configure(account, name + "-token");
        options.accept(account);
        context.addComponent(name, account);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private StoraAccountStats stats() {
        return stats("stora");
    }

    private StoraAccountStats stats(String component) {
        Map<String, StoraAccountStats> all = context.getComponent(component, StoraComponent.class).getAccountStats();
        assertEquals(1, all.size(), "one account, one limiter: " + all.keySet());
        return all.values().iterator().next();
    }

    @Test
    void burstOf200CallsFromThreeEndpointsGetsNo429() throws Exception {
        String[] uris = {"stora:contacts/list?limit=10", "stora:sites/list", "stora:contacts/show?contactId=con_7"};
        List<CompletableFuture<Exchange>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            calls.add(template.asyncSend(uris[i % uris.length], e -> e.getIn().setBody(null)));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        for (CompletableFuture<Exchange> call : calls) {
            assertNull(call.get().getException(), () -> "failed: " + call.join().getException());
        }
        assertEquals(0, server.rateLimitedCount(), "429 responses");
        assertEquals(200, server.arrivals().size());
        StoraAccountStats stats = stats();
        assertEquals(200, stats.getRequests());
        assertTrue(stats.getThrottledRequests() >= 150, "at most 40 of 200 fit the first second: " + stats);
        assertEquals(0, stats.getRateLimitedResponses());

        Exchange last = calls.get(199).get();
        assertNotNull(last.getMessage().getHeader(StoraConstants.RATE_LIMIT_LIMIT, Long.class));
        assertNotNull(last.getMessage().getHeader(StoraConstants.RATE_LIMIT_REMAINING, Long.class));
        assertNotNull(last.getMessage().getHeader(StoraConstants.RATE_LIMIT_RESET, Long.class));
    }

    @Test
    void a429PausesEveryCallerOfTheAccountUntilRateLimitReset() throws Exception {
        long reset = System.currentTimeMillis() / 1000 + 2; // between 1 and 2 s ahead
        server.forceRateLimitUntil(reset);

        CompletableFuture<Exchange> refused = template.asyncSend("stora:contacts/show?contactId=con_1", e -> {
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (stats().getRateLimitedResponses() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(1, stats().getRateLimitedResponses(), "the first call was refused");

        // other endpoints of the same account, sent while the account is paused
        List<CompletableFuture<Exchange>> others = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            others.add(template.asyncSend(i % 2 == 0 ? "stora:sites/list" : "stora:contacts/list?limit=5", e -> {
            }));
        }
        assertNull(refused.get(30, TimeUnit.SECONDS).getException());
        for (CompletableFuture<Exchange> other : others) {
            assertNull(other.get(30, TimeUnit.SECONDS).getException());
        }

        List<Arrival> arrivals = server.arrivals();
        assertEquals(8, arrivals.size(), "the refused call, its replay and six others: " + arrivals);
        assertEquals(429, arrivals.get(0).status());
        assertEquals(1, server.rateLimitedCount(), "nobody called before the reset: " + arrivals);
        for (Arrival a : arrivals.subList(1, arrivals.size())) {
            assertTrue(a.epochMillis() >= reset * 1000, "arrived before RateLimit-Reset " + reset + ": " + a);
            assertEquals(200, a.status());
        }
        assertEquals(1, stats().getRateLimitReplays());
    }

    @Test
    void postWhoseResponseWasLostIsRetriedWithTheSameKeyAndCreatesOnce() {
        server.enqueue(Fault.dropAfterProcessing());

        Exchange result = template.request("stora:contacts/create", e -> e.getIn().setBody(Map.of("full_name", "Ann Lee")));

        assertNull(result.getException());
        assertEquals("con_new_1", result.getMessage().getBody(Map.class).get("id"));
        List<Arrival> arrivals = server.arrivals();
        assertEquals(2, arrivals.size(), arrivals::toString);
        assertEquals(0, arrivals.get(0).status(), "the first response was dropped");
        assertEquals(201, arrivals.get(1).status());
        assertNotNull(arrivals.get(0).idempotencyKey());
        assertEquals(arrivals.get(0).idempotencyKey(), arrivals.get(1).idempotencyKey());
        assertEquals(1, server.createdCount(), "one contact, the retry got the stored response");
        assertEquals(1, stats().getRetries());
    }

    @Test
    void postAnswered500IsNotRetried() {
        server.enqueue(Fault.status(500));

        Exchange result = template.request("stora:contacts/create", e -> e.getIn().setBody(Map.of("full_name", "Ann Lee")));

        StoraApiException error = assertInstanceOf(StoraApiException.class, result.getException());
        assertEquals(500, error.getStatus());
        assertEquals(1, server.arrivals().size(), "sent once: the key's stored 500 would only come back");
        assertEquals(0, server.createdCount());
        assertEquals(0, stats().getRetries());
    }

    @Test
    void getIsRetriedAfter503ButPostIsNot() {
        server.enqueue(Fault.status(503), Fault.status(502));
        Exchange get = template.request("stora:contacts/show?contactId=con_3", e -> {
        });
        assertNull(get.getException());
        assertEquals("con_3", get.getMessage().getBody(Map.class).get("id"));
        assertEquals(3, server.arrivals().size());
        assertEquals(2, stats().getRetries());

        server.enqueue(Fault.status(503));
        Exchange post = template.request("stora:contacts/create", e -> e.getIn().setBody(Map.of("full_name", "Bo")));
        assertEquals(503, assertInstanceOf(StoraApiException.class, post.getException()).getStatus());
        assertEquals(4, server.arrivals().size(), "the POST went once");
        assertEquals(2, stats().getRetries());
    }

    @Test
    void retriesGiveUpAfterMaxRetries() {
        server.enqueue(Fault.status(503), Fault.status(503), Fault.status(503), Fault.status(503), Fault.status(503));
        Exchange get = template.request("stora:contacts/show?contactId=con_3", e -> {
        });
        assertEquals(503, assertInstanceOf(StoraApiException.class, get.getException()).getStatus());
        assertEquals(4, server.arrivals().size(), "the first attempt and maxRetries (3) retries");
        assertEquals(3, stats().getRetries());
        assertEquals(1, stats().getRetriesExhausted());
    }

    @Test
    void retriesGiveUpAfterRetryMaxDurationEvenWithRetriesLeft() {
        Fault[] unavailable = new Fault[21];
        Arrays.fill(unavailable, Fault.status(503));
        server.enqueue(unavailable);
        // delays of about 50, 100, 200, 200... ms: 20 retries take seconds, retryMaxDuration stops them after 300 ms
        account("briefRetries", account -> {
            account.setMaxRetries(20);
            account.setRetryMaxDuration(300);
        });
        Exchange get = template.request("briefRetries:contacts/show?contactId=con_3", e -> {
        });
        assertEquals(503, assertInstanceOf(StoraApiException.class, get.getException()).getStatus());
        int attempts = server.arrivals().size();
        assertTrue(attempts > 1 && attempts <= 8, "retried, then stopped by retryMaxDuration long before maxRetries: "
                + attempts + " attempts");
        assertEquals(attempts - 1, stats("briefRetries").getRetries());
        assertEquals(1, stats("briefRetries").getRetriesExhausted());
    }

    @Test
    void retriesCanBeTurnedOffPerAccount() {
        server.enqueue(Fault.status(503));
        // another account is another component, with its own options
        account("noRetries", account -> account.setRetries(false));
        Exchange get = template.request("noRetries:contacts/show?contactId=con_3", e -> {
        });
        assertEquals(503, assertInstanceOf(StoraApiException.class, get.getException()).getStatus());
        assertEquals(1, server.arrivals().size());
    }

    @Test
    void aCallThatWouldWaitLongerThanMaxRateLimitWaitFailsUnsent() {
        account("smallPlan", account -> {
            account.setRateLimitWindows("2/1m");
            account.setMaxRateLimitWait(1000);
        });
        String uri = "smallPlan:contacts/show?contactId=con_3";
        assertNull(template.request(uri, e -> {
        }).getException());
        assertNull(template.request(uri, e -> {
        }).getException());

        Exchange third = template.request(uri, e -> {
        });

        StoraRateLimitException error = assertInstanceOf(StoraRateLimitException.class, third.getException());
        assertEquals(0, error.getStatus(), "not sent");
        assertTrue(error.getMessage().contains("maxRateLimitWait"), error.getMessage());
        assertTrue(error.getMessage().contains("2 per 1m"), error.getMessage());
        assertEquals(2, server.arrivals().size());
    }

    @Test
    void throttleOffLetsA429Surface() {
        server.forceRateLimitUntil(System.currentTimeMillis() / 1000 + 60);
        account("unthrottled", account -> account.setThrottle(false));
        Exchange get = template.request("unthrottled:contacts/show?contactId=con_3", e -> {
        });
        StoraApiException error = assertInstanceOf(StoraApiException.class, get.getException());
        assertEquals(429, error.getStatus());
        assertEquals("too_many_requests", error.getCode());
        assertNotNull(error.getRateLimitReset());
        assertEquals(1, server.arrivals().size());
    }

    @Test
    void aPauseLongerThanMaxRateLimitWaitFailsTheReplayUnsent() {
        server.forceRateLimitUntil(System.currentTimeMillis() / 1000 + 30);
        account("impatient", account -> account.setMaxRateLimitWait(1500));
        Exchange get = template.request("impatient:contacts/show?contactId=con_3", e -> {
        });
        StoraRateLimitException error = assertInstanceOf(StoraRateLimitException.class, get.getException());
        assertEquals(0, error.getStatus(), "the replay was not sent");
        assertTrue(error.getMessage().contains("maxRateLimitWait (1.5s)"), error.getMessage());
        assertTrue(error.getMessage().contains("paused after a 429"), error.getMessage());
        assertEquals(1, server.arrivals().size());
    }

    @Test
    void stillRateLimitedAfterMaxRateLimitWaitFailsNamingTheOption() {
        server.keepRateLimitingUntil(System.currentTimeMillis() + 10_000);
        account("patient", account -> account.setMaxRateLimitWait(1500));
        Exchange get = template.request("patient:contacts/show?contactId=con_3", e -> {
        });
        StoraRateLimitException error = assertInstanceOf(StoraRateLimitException.class, get.getException());
        assertEquals(429, error.getStatus());
        assertEquals("too_many_requests", error.getCode());
        assertTrue(error.getMessage().contains("still rate limited"), error.getMessage());
        assertTrue(error.getMessage().contains("maxRateLimitWait"), error.getMessage());
        int refused = server.rateLimitedCount();
        assertTrue(refused >= 2, "replayed at least once before giving up: " + server.arrivals());
        assertEquals(refused, server.arrivals().size());
    }
}
