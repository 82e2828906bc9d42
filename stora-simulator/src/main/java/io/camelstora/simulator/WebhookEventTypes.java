package io.camelstora.simulator;

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
