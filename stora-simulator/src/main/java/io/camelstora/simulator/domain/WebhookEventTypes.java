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
package io.camelstora.simulator.domain;

import java.util.List;
import java.util.Set;

/** The 50 event types of webhook-events.md. */
public final class WebhookEventTypes {

    public static final List<String> ALL = List.of(
            "contact.created", "contact.updated",
            "contract.created", "contract.signed",
            "coupon.created", "coupon.updated",
            "credit_note.created", "credit_note.updated",
            "deal.created", "deal.lost", "deal.reopened", "deal.updated", "deal.won",
            "identity_verification.cancelled", "identity_verification.failed",
            "identity_verification.processing", "identity_verification.succeeded",
            "invoice.created", "invoice.finalized", "invoice.marked_uncollectible", "invoice.paid", "invoice.updated",
            "note.created", "note.updated",
            "order.completed", "order.created", "order.finalized",
            "protection_level.created", "protection_level.updated",
            "subscription.cancelled", "subscription.created", "subscription.ended", "subscription.started",
            "task.completed", "task.created", "task.reopened", "task.updated",
            "tenancy.created", "tenancy.started",
            "unit_type.created", "unit_type.updated",
            "unit.available", "unit.created", "unit.deallocated", "unit.occupied", "unit.overlocked",
            "unit.repossessed", "unit.reserved", "unit.unavailable", "unit.updated");

    static final Set<String> SET = Set.copyOf(ALL);

    private WebhookEventTypes() {
    }
}
