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

import java.time.Duration;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.domain.ApiError;
import io.camelstora.simulator.domain.Domain;
import io.camelstora.simulator.domain.Store;
import io.camelstora.simulator.support.Json;

/**
 * What happens outside the API: the customer paying, the operator working in BackOffice, time passing. Each call
 * changes state exactly as the real system would and emits the matching webhook events. Methods return the
 * resource as the API would show it. Business-rule violations throw {@link ApiError} (409 {@code conflict}).
 */
public final class Control {

    private final Domain domain;

    Control(Domain domain) {
        this.domain = domain;
    }

    private ObjectNode run(Supplier<Store.Entity> action) {
        synchronized (domain) {
            domain.store.changed();
            try {
                Store.Entity entity = action.get();
                domain.core.commit();
                return domain.core.render(entity);
            } catch (RuntimeException e) {
                domain.core.rollback();
                throw e;
            }
        }
    }

    /**
     * The customer pays a finalized order: order.completed, tenancy.created, subscription.created, the invoices and the
     * contract (tenancy.started and subscription.started for a tenancy that starts now). No unit is allocated unless
     * the simulator was built with {@code autoReserveOnPayment(true)}: orders created through the API leave allocation
     * to the integration (units/reserve or units/grant_access).
     */
    public ObjectNode payOrder(String orderId) {
        return run(() -> domain.checkout.payOrder(orderId));
    }

    public ObjectNode finalizeInvoice(String invoiceId) {
        return run(() -> domain.billing.finalizeInvoice(invoiceId));
    }

    /** invoice.paid and invoice.updated. */
    public ObjectNode markInvoicePaid(String invoiceId) {
        return run(() -> domain.billing.markInvoicePaid(invoiceId));
    }

    /** invoice.marked_uncollectible and invoice.updated. */
    public ObjectNode markInvoiceUncollectible(String invoiceId) {
        return run(() -> domain.billing.markInvoiceUncollectible(invoiceId));
    }

    /** invoice.updated. */
    public ObjectNode voidInvoice(String invoiceId) {
        return run(() -> domain.billing.voidInvoice(invoiceId));
    }

    /** credit_note.created (and invoice.updated for the credited invoice). */
    public ObjectNode createCreditNote(String invoiceId, long amount, String reason) {
        return run(() -> domain.billing.createCreditNote(invoiceId, amount, reason));
    }

    /** credit_note.updated after shallow-merging the fields. */
    public ObjectNode updateCreditNote(String creditNoteId, ObjectNode fields) {
        return run(() -> domain.operatorResources.updateOperatorResource(ResourceKind.CREDIT_NOTE, creditNoteId, fields));
    }

    /** contract.created: a pending contract for a tenancy. */
    public ObjectNode createContract(String tenancyId, String contractTemplateId) {
        return run(() -> domain.billing.createContract(tenancyId, contractTemplateId));
    }

    /** contract.signed. */
    public ObjectNode signContract(String contractId) {
        return run(() -> domain.billing.signContract(contractId));
    }

    /** identity_verification.processing. */
    public ObjectNode startIdentityVerification(String contactId) {
        return run(() -> domain.contacts.createIdentityVerification(contactId));
    }

    /** identity_verification.{processing,succeeded,failed,cancelled}; errorCode only for failed (e.g. document_expired). */
    public ObjectNode setIdentityVerificationStatus(String verificationId, String status, String errorCode) {
        return run(() -> domain.contacts.setIdentityVerificationStatus(verificationId, status, errorCode));
    }

    /** coupon.created, from coupon fields as in https://docs.stora.co/2025-09/api-reference/coupons. */
    public ObjectNode createCoupon(ObjectNode fields) {
        return run(() -> domain.operatorResources.createOperatorResource(ResourceKind.COUPON, fields));
    }

    /** coupon.updated. */
    public ObjectNode updateCoupon(String couponId, ObjectNode fields) {
        return run(() -> domain.operatorResources.updateOperatorResource(ResourceKind.COUPON, couponId, fields));
    }

    /** protection_level.created. */
    public ObjectNode createProtectionLevel(ObjectNode fields) {
        return run(() -> domain.operatorResources.createOperatorResource(ResourceKind.PROTECTION_LEVEL, fields));
    }

    /** protection_level.updated. */
    public ObjectNode updateProtectionLevel(String protectionLevelId, ObjectNode fields) {
        return run(() -> domain.operatorResources.updateOperatorResource(ResourceKind.PROTECTION_LEVEL, protectionLevelId,
                fields));
    }

    /** unit_type.created; give at least {@code site}, {@code name}, {@code status} and {@code prices}. */
    public ObjectNode createUnitType(ObjectNode fields) {
        return run(() -> domain.operatorResources.createOperatorResource(ResourceKind.UNIT_TYPE, fields));
    }

    /** unit_type.updated. */
    public ObjectNode updateUnitType(String unitTypeId, ObjectNode fields) {
        return run(() -> domain.operatorResources.updateOperatorResource(ResourceKind.UNIT_TYPE, unitTypeId, fields));
    }

    /** unit.created: a new available unit of a unit type, at the unit type's site. */
    public ObjectNode createUnit(String unitTypeId, String referenceId) {
        return run(() -> {
            Store.Entity type = domain.store.require(ResourceKind.UNIT_TYPE, unitTypeId);
            ObjectNode fields = Json.object();
            fields.put("reference_id", referenceId);
            fields.set("site", Json.ref(Json.refId(type.json, "site")));
            fields.put("status", "available");
            fields.putNull("unit_allocation");
            fields.set("unit_type", Json.ref(unitTypeId));
            return domain.operatorResources.createOperatorResource(ResourceKind.UNIT, fields);
        });
    }

    /** unit.updated. */
    public ObjectNode updateUnit(String unitId, ObjectNode fields) {
        return run(() -> domain.operatorResources.updateOperatorResource(ResourceKind.UNIT, unitId, fields));
    }

    /** Operator-managed statuses: {@code unavailable}, {@code available} (from unavailable), {@code repossessed}. */
    public ObjectNode setUnitStatus(String unitId, String status) {
        return run(() -> domain.units.setUnitStatus(unitId, status));
    }

    /**
     * A timeline source, as an operator or a partner app registers it in BackOffice (the API only lists and shows
     * them): {@code name}, {@code website_url}, {@code global}. No webhook event.
     */
    public ObjectNode createTimelineSource(ObjectNode fields) {
        return run(() -> domain.operatorResources.createOperatorResource(ResourceKind.TIMELINE_SOURCE, fields));
    }

    /**
     * A timeline template (BackOffice only, like sources): {@code name}, {@code message} with Liquid variables,
     * {@code variables} ({@code custom}, {@code predefined}), {@code global}. No webhook event.
     */
    public ObjectNode createTimelineTemplate(ObjectNode fields) {
        return run(() -> domain.operatorResources.createOperatorResource(ResourceKind.TIMELINE_TEMPLATE, fields));
    }

    /** A site (sites have no webhook events); for tests that start from {@link Seed#EMPTY}. */
    public ObjectNode createSite(ObjectNode fields) {
        return run(() -> domain.operatorResources.createOperatorResource(ResourceKind.SITE, fields));
    }

    /**
     * Move-in day, now: tenancy.started, and the tenancy's reserved units become occupied (unit.occupied). A start
     * date in the future is brought forward to now. 409 when the tenancy has already started.
     */
    public ObjectNode startTenancy(String tenancyId) {
        return run(() -> domain.tenancies.startTenancy(tenancyId));
    }

    public ObjectNode startSubscription(String subscriptionId) {
        return run(() -> domain.tenancies.subscriptionEvent(subscriptionId, "started", null));
    }

    public ObjectNode cancelSubscription(String subscriptionId, String reason) {
        return run(() -> domain.tenancies.subscriptionEvent(subscriptionId, "cancelled", reason));
    }

    public ObjectNode endSubscription(String subscriptionId) {
        return run(() -> domain.tenancies.subscriptionEvent(subscriptionId, "ended", null));
    }

    /** Emits any of the 50 event types for a resource in its current state, without changing it. */
    public ObjectNode emit(String eventType, String resourceId) {
        return run(() -> {
            Store.Entity entity = domain.store.find(resourceId);
            if (entity == null) {
                throw ApiError.notFound("resource", resourceId);
            }
            if (!eventType.startsWith(entity.kind.webhookKey() + ".")) {
                throw new IllegalArgumentException(eventType + " is not an event of " + entity.kind.webhookKey());
            }
            domain.core.emit(eventType, entity);
            return entity;
        });
    }

    /**
     * With {@code true}, a record changed twice within one second keeps the same {@code updated_at} (the real API's
     * timestamps have one-second precision, and nothing says it moves them on); by default the second change moves it
     * a second ahead, so every change has a timestamp of its own.
     */
    public void keepUpdatedAtWithinSecond(boolean keep) {
        domain.core.keepUpdatedAtWithinSecond(keep);
    }

    /** The resource with this id as the API shows it, or null. */
    public ObjectNode get(String id) {
        synchronized (domain) {
            Store.Entity entity = domain.store.find(id);
            return entity == null ? null : domain.core.render(entity);
        }
    }

    /** How many resources of a kind exist. */
    public int count(ResourceKind kind) {
        synchronized (domain) {
            return domain.store.count(kind);
        }
    }

    /** The signing secret of a webhook endpoint (shown by the API only when it is created). */
    public String webhookSecret(String endpointId) {
        synchronized (domain) {
            return domain.webhookEndpoints.endpointSecret(endpointId);
        }
    }

    /**
     * Moves the simulated clock: token expiry, the idempotency window, timestamps, and move-in day for every tenancy
     * whose start date is reached (tenancy.started, reserved units occupied).
     */
    public void advanceClock(Duration duration) {
        domain.clock.advance(duration);
    }

    /** Move-in day for the tenancies the clock has reached; run by the clock whenever it is advanced. */
    void moveInDue() {
        synchronized (domain) {
            domain.store.changed();
            try {
                domain.tenancies.moveInDue();
                domain.core.commit();
            } catch (RuntimeException e) {
                domain.core.rollback();
                throw e;
            }
        }
    }
}
