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
package io.camelstora.component.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The 50 webhook event types of the Stora Public API 2025-09 ({@code webhook-events.md}). The payload carries the
 * resource under {@code event.data.<resource key>}, the key being the part of the type before the dot.
 */
public enum StoraEventType {

    CONTACT_CREATED("contact.created", "Triggered when a contact is created."),
    CONTACT_UPDATED("contact.updated", "Triggered when the contact is updated."),
    CONTRACT_CREATED("contract.created", "Triggered when a contract is created."),
    CONTRACT_SIGNED("contract.signed", "Triggered when a contract is signed."),
    COUPON_CREATED("coupon.created", "Triggered when a coupon is created."),
    COUPON_UPDATED("coupon.updated", "Triggered when the coupon is updated."),
    CREDIT_NOTE_CREATED("credit_note.created", "Triggered when a new credit is created."),
    CREDIT_NOTE_UPDATED("credit_note.updated", "Triggered when a credit note is updated."),
    DEAL_CREATED("deal.created", "Triggered when a deal is created."),
    DEAL_LOST("deal.lost", "Triggered when a deal is lost."),
    DEAL_REOPENED("deal.reopened", "Triggered when a deal is reopened"),
    DEAL_UPDATED("deal.updated", "Triggered when a deal is updated."),
    DEAL_WON("deal.won", "Triggered when a deal is won."),
    IDENTITY_VERIFICATION_CANCELLED("identity_verification.cancelled", "Triggered when an identity verification is cancelled"),
    IDENTITY_VERIFICATION_FAILED("identity_verification.failed", "Triggered when an identity verification failed"),
    IDENTITY_VERIFICATION_PROCESSING("identity_verification.processing",
            "Triggered when an identity verification is processing"),
    IDENTITY_VERIFICATION_SUCCEEDED("identity_verification.succeeded", "Triggered when an identity verification succeeded"),
    INVOICE_CREATED("invoice.created", "Triggered when a new invoice is created."),
    INVOICE_FINALIZED("invoice.finalized", "Triggered when an invoice is finalized."),
    INVOICE_MARKED_UNCOLLECTIBLE("invoice.marked_uncollectible", "Triggered when an invoice is marked as uncollectible."),
    INVOICE_PAID("invoice.paid", "Triggered when an invoice is mark as paid."),
    INVOICE_UPDATED("invoice.updated", "Triggered when an invoice is updated."),
    NOTE_CREATED("note.created", "Triggered when a note is created."),
    NOTE_UPDATED("note.updated", "Triggered when a note is updated."),
    ORDER_COMPLETED("order.completed", "Triggered when the order is completed."),
    ORDER_CREATED("order.created", "Triggered when a new order is created."),
    ORDER_FINALIZED("order.finalized", "Triggered when a new order is finalized (ready to be paid)."),
    PROTECTION_LEVEL_CREATED("protection_level.created", "Triggered when a protection level is created."),
    PROTECTION_LEVEL_UPDATED("protection_level.updated", "Triggered when a protection level is updated."),
    SUBSCRIPTION_CANCELLED("subscription.cancelled", "Triggered when the subscription is cancelled."),
    SUBSCRIPTION_CREATED("subscription.created", "Triggered when the subscription is created."),
    SUBSCRIPTION_ENDED("subscription.ended", "Triggered when the subscription is ended."),
    SUBSCRIPTION_STARTED("subscription.started", "Triggered when the subscription is started."),
    TASK_COMPLETED("task.completed", "Triggered when the task is completed."),
    TASK_CREATED("task.created", "Triggered when a task is created."),
    TASK_REOPENED("task.reopened", "Triggered when a completed task is reopened."),
    TASK_UPDATED("task.updated", "Triggered when a task is updated."),
    TENANCY_CREATED("tenancy.created", "Triggered when a tenancy is created."),
    TENANCY_STARTED("tenancy.started", "Triggered when the tenancy is started."),
    UNIT_TYPE_CREATED("unit_type.created", "Triggered when a unit type is created."),
    UNIT_TYPE_UPDATED("unit_type.updated", "Triggered when a unit type is updated."),
    UNIT_AVAILABLE("unit.available", "Triggered when a unit is made available."),
    UNIT_CREATED("unit.created", "Triggered when a unit is created."),
    UNIT_DEALLOCATED("unit.deallocated", "Triggered when a unit is deallocated."),
    UNIT_OCCUPIED("unit.occupied", "Triggered when a unit is occupied."),
    UNIT_OVERLOCKED("unit.overlocked", "Triggered when a unit is overlocked."),
    UNIT_REPOSSESSED("unit.repossessed", "Triggered when a unit is repossessed."),
    UNIT_RESERVED("unit.reserved", "Triggered when a unit is reserved."),
    UNIT_UNAVAILABLE("unit.unavailable", "Triggered when a unit is made unavailable."),
    UNIT_UPDATED("unit.updated", "Triggered when a unit is updated.");

    /** Looked up on every webhook delivery. */
    private static final Map<String, StoraEventType> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(StoraEventType::type, e -> e));

    private final String type;
    private final String description;

    StoraEventType(String type, String description) {
        this.type = type;
        this.description = description;
    }

    /** The type as Stora sends it: {@code invoice.paid}. */
    public String type() {
        return type;
    }

    public String description() {
        return description;
    }

    /** The member of {@code event.data} that holds the resource: {@code invoice} for {@code invoice.paid}. */
    public String dataKey() {
        return type.substring(0, type.indexOf('.'));
    }

    public static Optional<StoraEventType> fromType(String type) {
        return Optional.ofNullable(type == null ? null : BY_TYPE.get(type));
    }

    /** All event types as Stora sends them, in catalog order. */
    public static List<String> types() {
        return Arrays.stream(values()).map(StoraEventType::type).toList();
    }

    @Override
    public String toString() {
        return type;
    }
}
