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

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelstora.component.http.StoraResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RateLimitResetTest {

    private static final long NOW = 1_800_000_000_500L; // epoch millis, half a second past a second

    private static StoraResponse response(String reset, Long serverDateMillis) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (reset != null) {
            headers.put("ratelimit-reset", List.of(reset));
        }
        if (serverDateMillis != null) {
            headers.put("date", List.of(DateTimeFormatter.RFC_1123_DATE_TIME
                    .format(Instant.ofEpochMilli(serverDateMillis).atZone(ZoneOffset.UTC))));
        }
        return new StoraResponse(429, headers, new byte[0]);
    }

    @Test
    void waitsUntilTheResetEpochSecond() {
        assertEquals(2500, RateLimitReset.pauseMillis(response("1800000003", NOW), NOW, 1));
    }

    @Test
    void measuresOnTheServersClockWhenOursIsOff() {
        long ourClockTenSecondsAhead = NOW + 10_000;
        // the server's Date says NOW (to the second): the reset is 3 s after that on its clock
        assertEquals(3000, RateLimitReset.pauseMillis(response("1800000003", NOW), ourClockTenSecondsAhead, 1));
    }

    @Test
    void readsSmallValuesAsDeltaSeconds() {
        assertEquals(7000, RateLimitReset.pauseMillis(response("7", null), NOW, 1));
    }

    @Test
    void fallsBackWhenTheHeaderIsMissingUnreadableOrPast() {
        assertEquals(1000, RateLimitReset.pauseMillis(response(null, null), NOW, 1));
        assertEquals(2000, RateLimitReset.pauseMillis(response("soon", null), NOW, 2));
        assertEquals(4000, RateLimitReset.pauseMillis(response("1799999990", NOW), NOW, 3));
        assertEquals(60_000, RateLimitReset.pauseMillis(response(null, null), NOW, 30), "capped at a minute");
    }
}
