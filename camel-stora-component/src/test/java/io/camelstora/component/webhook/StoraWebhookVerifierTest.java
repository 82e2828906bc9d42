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
package io.camelstora.component.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.camelstora.component.webhook.StoraWebhookSignatureException.Reason;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verifier against the algorithm of https://docs.stora.co/2025-09/guides/webhooks: a fixed vector computed once outside Java, and signatures
 * computed here with javax.crypto directly (never with the class under test).
 */
class StoraWebhookVerifierTest {

    /** The example secret of the Create a Webhook Endpoint reference page. */
    static final String SECRET = "01a9d2bc4f2301b5313a961ba198b0b900ea49478f9ba86fc8b409a5703a8131";
    static final String OTHER_SECRET = "5f1e0c3a9b7d2e4f6a8c0b1d3e5f7a9c2b4d6e8f0a1c3e5f7b9d1f3a5c7e9b0d";
    static final long T = 1737000000L;
    static final String BODY = "{\"event\":{\"id\":\"evt_1234567890\",\"type\":\"invoice.paid\",\"api_version\":\"2025-09\","
            + "\"created_at\":\"2025-01-15T10:30:00Z\",\"data\":{\"invoice\":{\"id\":\"inv_1\"}}}}";
    /**
     * Computed with: printf '%s' '1737000000.&lt;BODY&gt;' | openssl dgst -sha256 -hmac '&lt;SECRET&gt;'
     */
    static final String EXPECTED_V1 = "945a1e6dd448ab54a3f5c7e02f5ddf79c3d21465ff81be784a978e91e0358411";

    static final Instant AT_T = Instant.ofEpochSecond(T);
    final StoraWebhookVerifier verifier = new StoraWebhookVerifier(List.of(SECRET), Duration.ofSeconds(300));

    @Test
    void acceptsTheFixedVector() throws Exception {
        Instant signedAt = verifier.verify("t=" + T + ",v1=" + EXPECTED_V1, bytes(BODY), AT_T);
        assertEquals(AT_T, signedAt);
    }

    @Test
    void independentHmacAgreesWithTheFixedVector() {
        // guards the helper the other tests use
        assertEquals(EXPECTED_V1, hmac(SECRET, T + "." + BODY));
    }

    @Test
    void signatureHeaderHelperProducesWhatStoraSends() {
        assertEquals("t=" + T + ",v1=" + EXPECTED_V1, StoraWebhookVerifier.signatureHeader(SECRET, T, bytes(BODY)));
    }

    @Test
    void acceptsUppercaseHexAndSpacesAroundElements() throws Exception {
        verifier.verify(" t=" + T + " , v1=" + EXPECTED_V1.toUpperCase(), bytes(BODY), AT_T);
    }

    @Test
    void rejectsAModifiedBody() {
        String tampered = BODY.replace("inv_1", "inv_2");
        assertReason(Reason.MISMATCH, () -> verifier.verify("t=" + T + ",v1=" + EXPECTED_V1, bytes(tampered), AT_T));
    }

    @Test
    void rejectsAnotherTimestampWithTheSameSignature() {
        // the timestamp is signed: moving it into the window invalidates the signature
        long moved = T + 1;
        assertReason(Reason.MISMATCH,
                () -> verifier.verify("t=" + moved + ",v1=" + EXPECTED_V1, bytes(BODY), Instant.ofEpochSecond(moved)));
    }

    @Test
    void rejectsASignatureMadeWithAnotherSecret() {
        String header = "t=" + T + ",v1=" + hmac(OTHER_SECRET, T + "." + BODY);
        assertReason(Reason.MISMATCH, () -> verifier.verify(header, bytes(BODY), AT_T));
    }

    @Test
    void acceptsTimestampsAtTheEdgesOfTheToleranceInBothDirections() throws Exception {
        String header = "t=" + T + ",v1=" + EXPECTED_V1;
        verifier.verify(header, bytes(BODY), AT_T.plusSeconds(300));
        verifier.verify(header, bytes(BODY), AT_T.minusSeconds(300));
    }

    @Test
    void rejectsAReplayOutsideTheWindow() {
        String header = "t=" + T + ",v1=" + EXPECTED_V1;
        StoraWebhookSignatureException e = assertReason(Reason.TIMESTAMP_OUT_OF_TOLERANCE,
                () -> verifier.verify(header, bytes(BODY), AT_T.plusSeconds(301)));
        assertTrue(e.getMessage().contains("301 s old"), e.getMessage());
    }

    @Test
    void rejectsATimestampFromTheFuture() {
        String header = "t=" + T + ",v1=" + EXPECTED_V1;
        StoraWebhookSignatureException e = assertReason(Reason.TIMESTAMP_OUT_OF_TOLERANCE,
                () -> verifier.verify(header, bytes(BODY), AT_T.minusSeconds(301)));
        assertTrue(e.getMessage().contains("301 s in the future"), e.getMessage());
    }

    @Test
    void acceptsEverySecretOfARotation() throws Exception {
        StoraWebhookVerifier rotating = new StoraWebhookVerifier(List.of(OTHER_SECRET, SECRET), Duration.ofMinutes(5));
        rotating.verify("t=" + T + ",v1=" + EXPECTED_V1, bytes(BODY), AT_T);
        rotating.verify("t=" + T + ",v1=" + hmac(OTHER_SECRET, T + "." + BODY), bytes(BODY), AT_T);
        assertEquals(2, rotating.secretCount());
    }

    @Test
    void toleratesSeveralV1ValuesAndIgnoresOtherSchemes() throws Exception {
        String wrong = hmac(OTHER_SECRET, T + "." + BODY);
        verifier.verify("t=" + T + ",v1=" + wrong + ",v1=" + EXPECTED_V1 + ",v0=abc", bytes(BODY), AT_T);
        verifier.verify("v1=" + EXPECTED_V1 + ",t=" + T, bytes(BODY), AT_T);
    }

    @Test
    void rejectsMissingAndMalformedHeaders() {
        byte[] body = bytes(BODY);
        assertReason(Reason.MISSING, () -> verifier.verify(null, body, AT_T));
        assertReason(Reason.MISSING, () -> verifier.verify("  ", body, AT_T));
        assertReason(Reason.MALFORMED, () -> verifier.verify("v1=" + EXPECTED_V1, body, AT_T));
        assertReason(Reason.MALFORMED, () -> verifier.verify("t=" + T, body, AT_T));
        assertReason(Reason.MALFORMED, () -> verifier.verify("t=abc,v1=" + EXPECTED_V1, body, AT_T));
        assertReason(Reason.MALFORMED, () -> verifier.verify("t=-5,v1=" + EXPECTED_V1, body, AT_T));
        assertReason(Reason.MALFORMED, () -> verifier.verify("t=" + T + ",t=" + T + ",v1=" + EXPECTED_V1, body, AT_T));
        assertReason(Reason.MALFORMED, () -> verifier.verify("t=" + T + "," + EXPECTED_V1, body, AT_T));
        assertReason(Reason.MALFORMED, () -> verifier.verify("t=99999999999999999999,v1=" + EXPECTED_V1, body, AT_T));
    }

    @Test
    void rejectsAnEmptyV1() {
        assertReason(Reason.MISMATCH, () -> verifier.verify("t=" + T + ",v1=", bytes(BODY), AT_T));
    }

    @Test
    void messagesAndToStringNeverContainTheSecretOrTheExpectedSignature() {
        StoraWebhookSignatureException e = assertReason(Reason.MISMATCH,
                () -> verifier.verify("t=" + T + ",v1=" + "0".repeat(64), bytes(BODY), AT_T));
        assertFalse(e.getMessage().contains(EXPECTED_V1));
        assertFalse(e.getMessage().contains(SECRET));
        assertFalse(verifier.toString().contains(SECRET));
    }

    @Test
    void refusesNoSecretAndANonPositiveTolerance() {
        assertThrows(IllegalArgumentException.class, () -> new StoraWebhookVerifier(List.of(), Duration.ofMinutes(5)));
        assertThrows(IllegalArgumentException.class, () -> new StoraWebhookVerifier(List.of(" "), Duration.ofMinutes(5)));
        assertThrows(IllegalArgumentException.class, () -> new StoraWebhookVerifier(List.of(SECRET), Duration.ZERO));
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        int threads = 8;
        int perThread = 500;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int n = 0; n < threads; n++) {
                int thread = n;
                results.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < perThread; i++) {
                        String body = "{\"event\":{\"id\":\"evt_" + thread + "_" + i + "\"}}";
                        verifier.verify("t=" + T + ",v1=" + hmac(SECRET, T + "." + body), bytes(body), AT_T);
                        ok++;
                    }
                    return ok;
                }));
            }
            int total = 0;
            for (java.util.concurrent.Future<Integer> r : results) {
                total += r.get();
            }
            assertEquals(threads * perThread, total);
        } finally {
            pool.shutdownNow();
        }
    }

    interface Verification {
        void run() throws StoraWebhookSignatureException;
    }

    static StoraWebhookSignatureException assertReason(Reason reason, Verification verification) {
        StoraWebhookSignatureException e = assertThrows(StoraWebhookSignatureException.class, verification::run);
        assertEquals(reason, e.getReason(), e.getMessage());
        return e;
    }

    /** HMAC-SHA256 hex as the guide's Python example computes it, without the class under test. */
    static String hmac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
