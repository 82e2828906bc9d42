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
package io.camelstora.examples.collections;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelstora.examples.support.StoraMaps;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/**
 * The request bodies of the collections flow: when an invoice becomes uncollectible, the contact's units are
 * overlocked (https://docs.stora.co/2025-09/guides/allocations-and-access), the contact's timeline records why, and staff get a task to chase the
 * payment.
 */
public final class CollectionsRequests {

    /** Exchange property: the unit ids {@code stora:units/overlock} answered in {@code meta.unit_ids}. */
    public static final String OVERLOCKED_UNITS = "overlockedUnits";

    private final String timelineSourceId;
    private final String timelineTemplateId;
    private final String assigneeId;
    private final Duration taskDue;
    private final Clock clock;

    /**
     * @param timelineSourceId   the timeline source of this integration ({@code stora:timeline_sources/list})
     * @param timelineTemplateId the timeline template of the event ({@code stora:timeline_templates/list})
     * @param assigneeId         the staff member the task goes to; blank for none
     * @param taskDue            how long staff have for the task, ISO-8601 ({@code P1D})
     */
    public CollectionsRequests(String timelineSourceId, String timelineTemplateId, String assigneeId, String taskDue) {
        this(timelineSourceId, timelineTemplateId, assigneeId, Duration.parse(taskDue), Clock.systemUTC());
    }

    CollectionsRequests(String timelineSourceId, String timelineTemplateId, String assigneeId, Duration taskDue, Clock clock) {
        if (timelineSourceId == null || timelineSourceId.isBlank() || timelineTemplateId == null
                || timelineTemplateId.isBlank()) {
            throw new IllegalArgumentException("The collections flow needs examples.collections.timelineSourceId and"
                    + " examples.collections.timelineTemplateId (stora:timeline_sources/list,"
                    + " stora:timeline_templates/list)");
        }
        this.timelineSourceId = timelineSourceId;
        this.timelineTemplateId = timelineTemplateId;
        this.assigneeId = assigneeId == null || assigneeId.isBlank() ? null : assigneeId;
        this.taskDue = taskDue;
        this.clock = clock;
    }

    /** The body of {@code stora:units/overlock} and {@code stora:units/remove_overlock}: every unit of the contact. */
    public Map<String, Object> byContact(@Body Map<String, Object> invoice) {
        return Map.of("contact_id", requireContact(invoice));
    }

    /** The body of {@code stora:timeline_events/create}: on the contact's timeline, linked to the invoice. */
    public Map<String, Object> timelineEvent(@ExchangeProperty("invoice") Map<String, Object> invoice,
                                             @ExchangeProperty(OVERLOCKED_UNITS) List<?> units) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("source", Map.of("id", timelineSourceId));
        event.put("template", Map.of("id", timelineTemplateId));
        event.put("contact", Map.of("id", requireContact(invoice)));
        putRef(event, "site", StoraMaps.id(invoice, "site"));
        putRef(event, "invoice", StoraMaps.text(invoice, "id"));
        event.put("description", "Invoice " + number(invoice) + " (" + due(invoice) + ") marked uncollectible: "
                + unitsText(units) + " overlocked");
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("invoice_number", number(invoice));
        variables.put("amount_due", due(invoice));
        variables.put("overlocked_units", units == null ? 0 : units.size());
        event.put("variables", variables);
        return event;
    }

    /** The body of {@code stora:tasks/create}: chase the payment, about the contact, at the invoice's site. */
    public Map<String, Object> task(@ExchangeProperty("invoice") Map<String, Object> invoice,
                                    @ExchangeProperty(OVERLOCKED_UNITS) List<?> units,
                                    @Header("CamelStoraWebhookEventId") String eventId) {
        String contactName = StoraMaps.text(invoice, "contact", "full_name");
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("title",
                "Chase payment of invoice " + number(invoice) + (contactName == null ? "" : " (" + contactName + ")"));
        task.put("description", "<p>Invoice " + escape(number(invoice)) + " was marked uncollectible; " + escape(due(invoice))
                + " is due. " + (units == null || units.isEmpty() ? "No unit was overlocked: the contact has no"
                        + " occupied unit." : escape(unitsText(units)) + " overlocked until it is paid.")
                + "</p>");
        task.put("due_at", Instant.now(clock).plus(taskDue).truncatedTo(ChronoUnit.SECONDS).toString());
        putRef(task, "site", StoraMaps.id(invoice, "site"));
        task.put("resource", Map.of("id", requireContact(invoice)));
        putRef(task, "assignee", assigneeId);
        task.put("metadata", Map.of("invoice_id", String.valueOf(StoraMaps.text(invoice, "id")), "stora_event_id",
                String.valueOf(eventId)));
        return task;
    }

    private static String requireContact(Map<String, Object> invoice) {
        String contact = StoraMaps.id(invoice, "contact");
        if (contact == null) {
            throw new IllegalArgumentException("Invoice " + StoraMaps.text(invoice, "id") + " has no contact");
        }
        return contact;
    }

    private static String number(Map<String, Object> invoice) {
        String number = StoraMaps.text(invoice, "number");
        return number == null ? StoraMaps.text(invoice, "id") : number;
    }

    private static String due(Map<String, Object> invoice) {
        String formatted = StoraMaps.text(invoice, "amount_due", "formatted");
        return formatted == null ? StoraMaps.text(invoice, "total", "formatted") : formatted;
    }

    private static String unitsText(List<?> units) {
        if (units == null || units.isEmpty()) {
            return "no unit";
        }
        return units.size() == 1 ? "1 unit" : units.size() + " units";
    }

    private static void putRef(Map<String, Object> body, String field, String id) {
        if (id != null) {
            body.put(field, Map.of("id", id));
        }
    }

    /** The task description is HTML (https://docs.stora.co/2025-09/api-reference/tasks); invoice numbers and amounts come from Stora, still escape. */
    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
