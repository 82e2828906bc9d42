package io.camelstora.simulator;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.camelstora.simulator.Store.Entity;

/**
 * The simulated operator's state and its business rules, shared by the HTTP API and the control API. Every
 * public entry point runs under {@code synchronized (domain)}; events raised during a call are published only when
 * the call succeeds ({@link #commit()}), so a rejected request emits nothing.
 *
 * <p>This is the facade the routes, the control API and the seed call: the rules of each resource live in a class of
 * their own ({@link Contacts}, {@link Orders}, {@link Units}...), all sharing one {@link DomainCore}. None of them
 * locks anything: the caller's lock on this object guards them all.
 */
final class Domain {

    /** Behaviour switches that differ between the simulator and the real API (see the builder). */
    record Settings(boolean allowHttpWebhooks, boolean autoReserveOnPayment) {
    }

    final Store store;
    final SimulatedClock clock;
    private final DomainCore core;
    private final Contacts contacts;
    private final OperatorResources operatorResources;
    private final Units units;
    private final Billing billing;
    private final Tenancies tenancies;
    private final Orders orders;
    private final Checkout checkout;
    private final Deals deals;
    private final Tasks tasks;
    private final NotesAndTimeline notesAndTimeline;
    private final WebhookEndpoints webhookEndpoints;

    Domain(Store store, SimulatedClock clock, Webhooks webhooks, Settings settings) {
        this.store = store;
        this.clock = clock;
        this.core = new DomainCore(store, clock, webhooks, settings);
        this.contacts = new Contacts(core);
        this.operatorResources = new OperatorResources(core);
        this.units = new Units(core);
        this.billing = new Billing(core);
        this.tenancies = new Tenancies(core);
        this.orders = new Orders(core, contacts);
        this.checkout = new Checkout(core, orders, units, billing);
        this.deals = new Deals(core);
        this.tasks = new Tasks(core);
        this.notesAndTimeline = new NotesAndTimeline(core);
        this.webhookEndpoints = new WebhookEndpoints(core);
    }

    void resetCounters() {
        billing.resetInvoiceNumber();
        core.rollback();
    }

    void baseUrl(String baseUrl) {
        core.baseUrl(baseUrl);
    }

    String baseUrl() {
        return core.baseUrl();
    }

    // ------------------------------------------------------------------ events and rendering -> DomainCore

    void emit(String type, Entity entity) {
        core.emit(type, entity);
    }

    /** Publishes the events of a successful call. */
    void commit() {
        core.commit();
    }

    /** Drops the events of a failed call. */
    void rollback() {
        core.rollback();
    }

    /** Asked by webhook delivery outside any request, so it takes the domain lock itself. */
    boolean isEndpointEnabled(String endpointId) {
        synchronized (this) {
            Entity endpoint = store.get(ResourceKind.WEBHOOK_ENDPOINT, endpointId);
            return endpoint != null && "enabled".equals(Json.text(endpoint.json, "status"));
        }
    }

    ObjectNode render(Entity entity) {
        return core.render(entity);
    }

    ObjectNode newResource(ResourceKind kind) {
        return core.newResource(kind);
    }

    ObjectNode money(long amount) {
        return core.money(amount);
    }

    ObjectNode success(String message) {
        ObjectNode body = Json.object();
        body.putObject("success").put("message", message);
        return body;
    }

    // ------------------------------------------------------------------ contacts and identity verifications -> Contacts

    Entity createContact(ObjectNode body, String pointerPrefix) {
        return contacts.createContact(body, pointerPrefix);
    }

    Entity updateContact(String id, ObjectNode body) {
        return contacts.updateContact(id, body);
    }

    void deleteContact(String id) {
        contacts.deleteContact(id);
    }

    Entity createIdentityVerification(String contactId) {
        return contacts.createIdentityVerification(contactId);
    }

    Entity setIdentityVerificationStatus(String id, String status, String errorCode) {
        return contacts.setIdentityVerificationStatus(id, status, errorCode);
    }

    // ------------------------------------------------------------------ base prices, operator-side resources -> OperatorResources

    Entity setBasePrices(ResourceKind kind, String id, ObjectNode body) {
        return operatorResources.setBasePrices(kind, id, body);
    }

    Entity createOperatorResource(ResourceKind kind, ObjectNode fields) {
        return operatorResources.createOperatorResource(kind, fields);
    }

    Entity updateOperatorResource(ResourceKind kind, String id, ObjectNode fields) {
        return operatorResources.updateOperatorResource(kind, id, fields);
    }

    // ------------------------------------------------------------------ orders -> Orders

    Entity createOrder(ObjectNode body) {
        return orders.createOrder(body);
    }

    Entity updateOrder(String id, ObjectNode body) {
        return orders.updateOrder(id, body);
    }

    void deleteOrder(String id) {
        orders.deleteOrder(id);
    }

    Entity validateOrder(String id) {
        return orders.validateOrder(id);
    }

    Entity finalizeOrder(String id, ObjectNode body) {
        return orders.finalizeOrder(id, body);
    }

    List<Entity> lineItems(String orderId) {
        return orders.lineItems(orderId);
    }

    Entity createLineItem(String orderId, ObjectNode body) {
        return orders.createLineItem(orderId, body);
    }

    Entity updateLineItem(String orderId, String lineItemId, ObjectNode body) {
        return orders.updateLineItem(orderId, lineItemId, body);
    }

    void deleteLineItem(String orderId, String lineItemId) {
        orders.deleteLineItem(orderId, lineItemId);
    }

    // ------------------------------------------------------------------ checkout -> Checkout

    Entity payOrder(String orderId) {
        return checkout.payOrder(orderId);
    }

    Entity payOrder(String orderId, boolean autoReserve) {
        return checkout.payOrder(orderId, autoReserve);
    }

    // ------------------------------------------------------------------ invoices, contracts, credit notes -> Billing

    Entity finalizeInvoice(String id) {
        return billing.finalizeInvoice(id);
    }

    Entity markInvoicePaid(String id) {
        return billing.markInvoicePaid(id);
    }

    Entity markInvoiceUncollectible(String id) {
        return billing.markInvoiceUncollectible(id);
    }

    Entity voidInvoice(String id) {
        return billing.voidInvoice(id);
    }

    Entity createCreditNote(String invoiceId, long amount, String reason) {
        return billing.createCreditNote(invoiceId, amount, reason);
    }

    Entity createContract(String tenancyId, String templateId) {
        return billing.createContract(tenancyId, templateId);
    }

    Entity signContract(String id) {
        return billing.signContract(id);
    }

    // ------------------------------------------------------------------ units -> Units

    Entity reserveUnit(String unitId, ObjectNode body) {
        return units.reserveUnit(unitId, body);
    }

    Entity grantAccess(String unitId, ObjectNode body) {
        return units.grantAccess(unitId, body);
    }

    Entity deallocateUnit(String unitId) {
        return units.deallocateUnit(unitId);
    }

    List<String> overlock(ObjectNode body, boolean remove) {
        return units.overlock(body, remove);
    }

    Entity setUnitStatus(String unitId, String status) {
        return units.setUnitStatus(unitId, status);
    }

    // ------------------------------------------------------------------ tenancies and subscriptions -> Tenancies

    Entity startTenancy(String id) {
        return tenancies.startTenancy(id);
    }

    List<Entity> moveInDue() {
        return tenancies.moveInDue();
    }

    Entity subscriptionEvent(String id, String event, String reason) {
        return tenancies.subscriptionEvent(id, event, reason);
    }

    // ------------------------------------------------------------------ deals -> Deals

    Entity createDeal(ObjectNode body, String creatorId) {
        return deals.createDeal(body, creatorId);
    }

    Entity updateDeal(String id, ObjectNode body) {
        return deals.updateDeal(id, body);
    }

    Entity winDeal(String id) {
        return deals.winDeal(id);
    }

    Entity loseDeal(String id, ObjectNode body) {
        return deals.loseDeal(id, body);
    }

    Entity reopenDeal(String id, ObjectNode body) {
        return deals.reopenDeal(id, body);
    }

    // ------------------------------------------------------------------ tasks -> Tasks

    Entity createTask(ObjectNode body, String creatorId) {
        return tasks.createTask(body, creatorId);
    }

    Entity updateTask(String id, ObjectNode body) {
        return tasks.updateTask(id, body);
    }

    Entity completeTask(String id, boolean complete) {
        return tasks.completeTask(id, complete);
    }

    // ------------------------------------------------------------------ notes and timeline events -> NotesAndTimeline

    Entity createNote(ObjectNode body, String creatorId) {
        return notesAndTimeline.createNote(body, creatorId);
    }

    Entity updateNote(String id, ObjectNode body) {
        return notesAndTimeline.updateNote(id, body);
    }

    Entity createTimelineEvent(ObjectNode body, String creatorId) {
        return notesAndTimeline.createTimelineEvent(body, creatorId);
    }

    Entity updateTimelineEvent(String id, ObjectNode body) {
        return notesAndTimeline.updateTimelineEvent(id, body);
    }

    // ------------------------------------------------------------------ webhook endpoints -> WebhookEndpoints

    Entity createWebhookEndpoint(ObjectNode body, String creatorId) {
        return webhookEndpoints.createWebhookEndpoint(body, creatorId);
    }

    ObjectNode renderWithSecret(Entity endpoint) {
        return webhookEndpoints.renderWithSecret(endpoint);
    }

    String endpointSecret(String endpointId) {
        return webhookEndpoints.endpointSecret(endpointId);
    }

    Entity updateWebhookEndpoint(String id, ObjectNode body) {
        return webhookEndpoints.updateWebhookEndpoint(id, body);
    }

    void deleteWebhookEndpoint(String id) {
        webhookEndpoints.deleteWebhookEndpoint(id);
    }

    Entity setWebhookEndpointEnabled(String id, boolean enabled) {
        return webhookEndpoints.setWebhookEndpointEnabled(id, enabled);
    }
}
