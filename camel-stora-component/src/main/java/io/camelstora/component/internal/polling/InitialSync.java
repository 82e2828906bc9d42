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
package io.camelstora.component.internal.polling;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Where a consumer with no stored cursor starts: {@code all} records, {@code none} (only what changes from now on) or
 * {@code since:<ISO-8601>}.
 *
 * @param value the option as written
 * @param since the start for {@code since:}, {@code null} otherwise
 * @param all   whether every existing record is reported
 */
public record InitialSync(String value, Instant since, boolean all) {

    public static final String ALL = "all";
    public static final String NONE = "none";
    public static final String SINCE = "since:";

    /**
     * @throws IllegalArgumentException naming the valid forms
     */
    public static InitialSync parse(String value, String uri) {
        String v = value == null ? "" : value.trim();
        if (v.equalsIgnoreCase(ALL)) {
            return new InitialSync(ALL, null, true);
        }
        if (v.equalsIgnoreCase(NONE)) {
            return new InitialSync(NONE, null, false);
        }
        if (v.regionMatches(true, 0, SINCE, 0, SINCE.length())) {
            String timestamp = v.substring(SINCE.length()).trim();
            try {
                return new InitialSync(v, timestamp(timestamp), false);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("initialSync of " + uri + " is '" + value + "': '" + timestamp
                        + "' is not an ISO-8601 timestamp such as 2025-01-12T15:30:00Z");
            }
        }
        throw new IllegalArgumentException("initialSync of " + uri + " is '" + value
                + "'; use all, none or since:<ISO-8601 timestamp> (since:2025-01-12T15:30:00Z)");
    }

    /**
     * Where the very first poll starts: the {@code since:} instant, the current time (to the second) for {@code none},
     * {@code null} (the beginning) for {@code all}.
     */
    Instant start(Instant now) {
        if (all) {
            return null;
        }
        return since != null ? since : now.truncatedTo(ChronoUnit.SECONDS);
    }

    /** Parses {@code 2025-01-12T15:30:00Z} or {@code 2025-01-12T16:30:00+01:00}. */
    static Instant timestamp(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }
}
