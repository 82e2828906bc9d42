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
package io.camelstora.component.internal.webhook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.camelstora.component.catalog.StoraEventType;

/**
 * The {@code eventTypes} option: exact types and {@code *} wildcards, each checked against the catalog's 50 event
 * types when the endpoint is created, so a typo fails the route instead of silently dropping every event.
 * <p>
 * A delivered type the catalog does not know yet (Stora adding an event) passes when a wildcard covers it.
 */
final class EventTypeFilter {

    private final List<String> entries;
    private final List<Pattern> patterns;

    private EventTypeFilter(List<String> entries) {
        this.entries = entries;
        this.patterns = entries.stream().map(EventTypeFilter::toPattern).toList();
    }

    /**
     * @param  option                   the comma-separated option value; {@code null} or blank for every event
     * @throws IllegalArgumentException naming the entries that match no event type
     */
    static EventTypeFilter parse(String option) {
        if (option == null || option.isBlank()) {
            return new EventTypeFilter(List.of());
        }
        List<String> entries = Arrays.stream(option.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct()
                .toList();
        EventTypeFilter filter = new EventTypeFilter(entries);
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Pattern p = filter.patterns.get(i);
            if (StoraEventType.types().stream().noneMatch(t -> p.matcher(t).matches())) {
                unknown.add(entries.get(i));
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("eventTypes of stora:webhook: " + String.join(", ", unknown)
                    + " match no Stora event type. Use exact types or * wildcards (unit.*) of: "
                    + String.join(", ", StoraEventType.types()));
        }
        return filter;
    }

    /** Whether an event of this type reaches the route. */
    boolean accepts(String type) {
        if (patterns.isEmpty()) {
            return true;
        }
        for (Pattern p : patterns) {
            if (p.matcher(type).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The known event types selected, in catalog order: what a registered endpoint subscribes to. */
    List<String> subscribedTypes() {
        return StoraEventType.types().stream().filter(this::accepts).toList();
    }

    boolean isAll() {
        return patterns.isEmpty();
    }

    @Override
    public String toString() {
        return isAll() ? "*" : String.join(",", entries);
    }

    private static Pattern toPattern(String glob) {
        return Pattern.compile(Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*")));
    }
}
