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

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;

/** The delivery of one event to one endpoint: its attempts so far and how it ended. */
public final class WebhookDelivery {

    public enum Status {
        /** Being sent, or waiting for a retry. */
        PENDING,
        SUCCEEDED,
        /** Every attempt (the first and 6 retries) failed. */
        FAILED,
        /** The endpoint was disabled or deleted before a scheduled retry. */
        CANCELLED
    }

    /**
     * One HTTP attempt.
     *
     * @param statusCode the endpoint's HTTP status, or 0 when the attempt failed without one (error, timeout)
     * @param error      what went wrong without a status, else null
     */
    public record Attempt(int number, String requestId, Instant time, int statusCode, String error, long durationMillis) {

        public boolean succeeded() {
            return statusCode >= 200 && statusCode < 300;
        }
    }

    private final String id;
    private final EmittedEvent event;
    private final String endpointId;
    private final String url;
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private volatile Status status = Status.PENDING;
    volatile ScheduledFuture<?> scheduledRetry;

    WebhookDelivery(String id, EmittedEvent event, String endpointId, String url) {
        this.id = id;
        this.event = event;
        this.endpointId = endpointId;
        this.url = url;
    }

    public String id() {
        return id;
    }

    public EmittedEvent event() {
        return event;
    }

    public String eventId() {
        return event.id();
    }

    public String eventType() {
        return event.type();
    }

    public String endpointId() {
        return endpointId;
    }

    public String url() {
        return url;
    }

    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    public Status status() {
        return status;
    }

    void addAttempt(Attempt attempt) {
        attempts.add(attempt);
    }

    void status(Status status) {
        this.status = status;
    }

    @Override
    public String toString() {
        return id + " " + event.type() + " -> " + url + " " + status + " after " + attempts.size() + " attempt(s)";
    }
}
