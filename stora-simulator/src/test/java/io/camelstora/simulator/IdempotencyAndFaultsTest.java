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
package io.camelstora.simulator;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Idempotency-Key replay (https://docs.stora.co/2025-09/guides/requests) and injected faults. */
class IdempotencyAndFaultsTest {

    @RegisterExtension
    static StoraSimulatorExtension stora = StoraSimulatorExtension.builder()
            .simulator(b -> b.rateLimitDisabled().seed(Seed.EMPTY))
            .build();

    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(stora.baseUrl(), stora.accessToken());
    }

    private int contacts() {
        return stora.simulator().control().count(ResourceKind.CONTACT);
    }

    @Test
    void sameKeyReplaysTheExactAnswerWithoutCreatingTwice() {
        ApiClient.Response first = api.post("/2025-09/contacts", "{\"email\":\"jane@example.com\"}", "key-1");
        ApiClient.Response second = api.post("/2025-09/contacts", "{\"email\":\"jane@example.com\"}", "key-1");
        assertEquals(201, first.status());
        assertEquals(201, second.status());
        assertArrayEquals(first.raw().body(), second.raw().body());
        assertEquals("true", second.header("Idempotent-Replayed"));
        assertEquals(1, contacts());

        ApiClient.Response other = api.post("/2025-09/contacts", "{\"email\":\"jane@example.com\"}", "key-2");
        assertEquals(422, other.status(), "a new key is a new request: the email is taken");
        assertEquals("/email", other.json().at("/error/details/0/pointer").asText());
        assertArrayEquals(other.raw().body(),
                api.post("/2025-09/contacts", "{\"email\":\"jane@example.com\"}", "key-2").raw().body());
    }

    @Test
    void storedAnswersIncludeServerErrorsAndExpireAfter24Hours() {
        stora.simulator().faults().failNext(1, 500);
        ApiClient.Response failed = api.post("/2025-09/contacts", "{\"email\":\"bob@example.com\"}", "key-500");
        assertEquals(500, failed.status());
        assertEquals("internal_server_error", failed.errorCode());
        assertEquals("api_error", failed.json().at("/error/type").asText());
        ApiClient.Response replay = api.post("/2025-09/contacts", "{\"email\":\"bob@example.com\"}", "key-500");
        assertEquals(500, replay.status(), "the 500 is replayed, as documented");
        assertEquals(0, contacts());

        stora.simulator().clock().advance(Duration.ofHours(24).plusSeconds(1));
        assertEquals(201, api.post("/2025-09/contacts", "{\"email\":\"bob@example.com\"}", "key-500").status());
        assertEquals(1, contacts());
    }

    @Test
    void responseLostAfterProcessingIsRecoveredByRetryingWithTheSameKey() {
        stora.simulator().faults().inject(Fault.dropAfterProcessing().on("POST", "/2025-09/contacts").times(1));
        HttpRequest.Builder request = api.request("/2025-09/contacts").header("Content-Type", "application/json")
                .header("Idempotency-Key", "lost")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"lost@example.com\"}"));
        assertThrows(IOException.class, () -> api.sendRaw(request));
        assertEquals(1, contacts(), "processed although the client never saw the answer");

        ApiClient.Response retry = api.post("/2025-09/contacts", "{\"email\":\"lost@example.com\"}", "lost");
        assertEquals(201, retry.status());
        assertEquals(1, contacts());
        assertEquals(0, stora.simulator().journal().requests("contacts/create").get(0).status(),
                "journal shows the dropped answer");
    }

    @Test
    void connectionDroppedBeforeProcessingChangesNothing() {
        stora.simulator().faults().dropNext(1, false);
        HttpRequest.Builder request = api.request("/2025-09/contacts").header("Content-Type", "application/json")
                .header("Idempotency-Key", "early")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"early@example.com\"}"));
        assertThrows(IOException.class, () -> api.sendRaw(request));
        assertEquals(0, contacts());
        assertEquals(201, api.post("/2025-09/contacts", "{\"email\":\"early@example.com\"}", "early").status());
    }

    @Test
    void errorsLatencyAndBurstsFollowMethodAndPathPatterns() {
        stora.simulator().faults().inject(Fault.error(503).on("GET", "/2025-09/contacts*").times(2));
        assertEquals(200, api.get("/2025-09/sites").status());
        assertEquals(503, api.get("/2025-09/contacts").status());
        assertEquals(503, api.get("/2025-09/contacts?limit=1").status());
        assertEquals(200, api.get("/2025-09/contacts").status());

        stora.simulator().faults().latency(Duration.ofMillis(300));
        long started = System.nanoTime();
        assertEquals(200, api.get("/2025-09/sites").status());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 300);
        stora.simulator().faults().clear();

        stora.simulator().faults().rateLimitBurst(2);
        ApiClient.Response limited = api.get("/2025-09/sites");
        assertEquals(429, limited.status());
        assertTrue(limited.header("RateLimit-Reset") != null);
        assertEquals(429, api.get("/2025-09/sites").status());
        assertEquals(200, api.get("/2025-09/sites").status());
        assertEquals(2, stora.simulator().journal().count429());
    }

    @Test
    void faultsCanBeInjectedOverTheControlApi() {
        ApiClient control = api.withToken(null);
        assertEquals(200,
                control.post("/_simulator/faults",
                        "{\"type\":\"error\",\"status\":502,\"method\":\"GET\",\"path\":\"/2025-09/sites\",\"times\":1}")
                        .status());
        assertEquals(1, control.get("/_simulator/faults").json().get("faults").size());
        assertEquals(502, api.get("/2025-09/sites").status());
        assertEquals(200, api.get("/2025-09/sites").status());
        assertEquals(200, control.delete("/_simulator/faults").status());
    }

    @Test
    void journalRecordsWhatTheClientSent() {
        api.post("/2025-09/contacts", "{\"email\":\"journal@example.com\"}", "journal-key");
        api.get("/2025-09/contacts?email=journal@example.com");
        RecordedRequest create = stora.simulator().journal().requests("contacts/create").get(0);
        assertEquals("POST", create.method());
        assertEquals("journal-key", create.idempotencyKey());
        assertTrue(create.authorization());
        assertEquals("Bearer ***", create.header("Authorization"));
        assertTrue(create.body().contains("journal@example.com"));
        RecordedRequest list = stora.simulator().journal().last();
        assertEquals("email=journal@example.com", list.query());
        assertEquals(1, stora.simulator().journal().countOperation("contacts/list"));
        assertNotEquals(create.requestId(), list.requestId());
        stora.simulator().journal().reset();
        assertEquals(0, stora.simulator().journal().total());
    }
}
