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
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.camelstora.component.webhook.StoraWebhookSignatureException.Reason;

/**
 * Verifies the {@code X-Stora-Signature} header of a Stora webhook delivery (https://docs.stora.co/2025-09/guides/webhooks): {@code t=<unix
 * seconds>,v1=<hex HMAC-SHA256>}, the HMAC being computed with the endpoint's secret over {@code <t>.<raw body>}.
 * <p>
 * Usable without Camel. Several secrets may be accepted at once, so a secret can be rotated without rejecting events
 * signed with the previous one; several {@code v1} values in one header are tolerated, and a delivery is genuine when
 * any of them matches any secret. Comparisons take constant time ({@link MessageDigest#isEqual}), and the timestamp
 * must be within the tolerance of {@code now} in both directions, which bounds replays of captured deliveries and
 * rejects timestamps from the future.
 * <p>
 * Instances are immutable and thread-safe.
 */
public final class StoraWebhookVerifier {

    /** The tolerance Stora's guide suggests for the replay check. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();
    /** Unix seconds fit 11 digits until the year 5138; longer values are not timestamps. */
    private static final int MAX_TIMESTAMP_DIGITS = 12;

    private final List<Mac> prototypes;
    private final Duration tolerance;

    /**
     * @param secrets   the secrets to accept, as Stora shows them (the 64 hex characters, used as UTF-8 bytes like
     *                  the guide's examples do); at least one
     * @param tolerance how far the signature's timestamp may be from the verifying clock, in either direction
     */
    public StoraWebhookVerifier(List<String> secrets, Duration tolerance) {
        if (secrets == null || secrets.isEmpty()) {
            throw new IllegalArgumentException("At least one webhook signing secret is needed");
        }
        if (tolerance == null || tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("The signature tolerance must be positive, got " + tolerance);
        }
        List<Mac> macs = new ArrayList<>(secrets.size());
        for (String secret : secrets) {
            if (secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("A webhook signing secret is empty");
            }
            macs.add(newMac(secret));
        }
        this.prototypes = List.copyOf(macs);
        this.tolerance = tolerance;
    }

    /** A verifier of one secret with the default tolerance of five minutes. */
    public static StoraWebhookVerifier of(String secret) {
        return new StoraWebhookVerifier(List.of(secret), DEFAULT_TOLERANCE);
    }

    /**
     * Checks a delivery.
     *
     * @param  signatureHeader                the value of {@code X-Stora-Signature}, may be {@code null}
     * @param  rawBody                        the request body exactly as received, before any parsing or decoding
     * @param  now                            the verifying clock
     * @return                                the signature's timestamp
     * @throws StoraWebhookSignatureException saying why the delivery is not genuine
     */
    public Instant verify(String signatureHeader, byte[] rawBody, Instant now) throws StoraWebhookSignatureException {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new StoraWebhookSignatureException(Reason.MISSING, "No X-Stora-Signature header");
        }
        String timestamp = null;
        List<byte[]> candidates = new ArrayList<>(2);
        for (String element : signatureHeader.split(",")) {
            int eq = element.indexOf('=');
            if (eq <= 0) {
                throw new StoraWebhookSignatureException(Reason.MALFORMED,
                        "X-Stora-Signature element without a name=value form");
            }
            String name = element.substring(0, eq).trim();
            String value = element.substring(eq + 1).trim();
            if (name.equals("t")) {
                if (timestamp != null) {
                    throw new StoraWebhookSignatureException(Reason.MALFORMED, "X-Stora-Signature has more than one timestamp");
                }
                timestamp = value;
            } else if (name.equals("v1")) {
                candidates.add(value.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
            }
            // other schemes (v0, a future v2) are ignored, as signature schemes of this kind are meant to be extended
        }
        if (timestamp == null || !isDigits(timestamp)) {
            throw new StoraWebhookSignatureException(Reason.MALFORMED, "X-Stora-Signature has no valid t=<unix seconds>");
        }
        if (candidates.isEmpty()) {
            throw new StoraWebhookSignatureException(Reason.MALFORMED, "X-Stora-Signature has no v1 signature");
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        Duration age = Duration.between(signedAt, now);
        if (age.abs().compareTo(tolerance) > 0) {
            throw new StoraWebhookSignatureException(Reason.TIMESTAMP_OUT_OF_TOLERANCE,
                    "The signature timestamp is " + (age.isNegative() ? age.negated().toSeconds() + " s in the future"
                            : age.toSeconds() + " s old") + "; the tolerance is " + tolerance.toSeconds() + " s");
        }
        boolean match = false;
        for (Mac prototype : prototypes) {
            byte[] expected = hex(sign(prototype, timestamp, rawBody));
            for (byte[] candidate : candidates) {
                // no early exit: every comparison runs whatever matched before
                match |= MessageDigest.isEqual(expected, candidate);
            }
        }
        if (!match) {
            throw new StoraWebhookSignatureException(Reason.MISMATCH, "No v1 signature matches the configured secrets");
        }
        return signedAt;
    }

    /**
     * The header value Stora would send for {@code rawBody} signed at {@code timestamp}: for tests of routes and for
     * tools replaying deliveries.
     */
    public static String signatureHeader(String secret, long timestampSeconds, byte[] rawBody) {
        String t = Long.toString(timestampSeconds);
        return "t=" + t + ",v1=" + new String(hex(sign(newMac(secret), t, rawBody)), StandardCharsets.US_ASCII);
    }

    public Duration getTolerance() {
        return tolerance;
    }

    /** The number of accepted secrets; the secrets themselves are never exposed. */
    public int secretCount() {
        return prototypes.size();
    }

    @Override
    public String toString() {
        return "StoraWebhookVerifier[secrets=" + prototypes.size() + ", tolerance=" + tolerance + "]";
    }

    private static byte[] sign(Mac prototype, String timestamp, byte[] rawBody) {
        Mac mac = copy(prototype);
        mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) '.');
        mac.update(rawBody == null ? new byte[0] : rawBody);
        return mac.doFinal();
    }

    private static byte[] hex(byte[] digest) {
        return HEX.formatHex(digest).getBytes(StandardCharsets.US_ASCII);
    }

    private static Mac newMac(String secret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // every Java platform has HmacSHA256, and any non-empty key is valid for it
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** A keyed copy: cloning skips the provider lookup and key schedule of a new instance; Macs are not thread-safe. */
    private static Mac copy(Mac prototype) {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("The HmacSHA256 provider cannot copy a keyed Mac", e);
        }
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty() || s.length() > MAX_TIMESTAMP_DIGITS) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
