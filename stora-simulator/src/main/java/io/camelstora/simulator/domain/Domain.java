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

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.ResourceKind;
import io.camelstora.simulator.SimulatedClock;
import io.camelstora.simulator.domain.Store.Entity;
import io.camelstora.simulator.support.Json;

/**
 * The simulated operator's state and its business rules, shared by the HTTP API and the control API. Every
 * public entry point runs under {@code synchronized (domain)}; events raised during a call are published only when
 * the call succeeds ({@link DomainCore#commit()}), so a rejected request emits nothing.
 *
 * <p>The rules of each resource live in a class of their own ({@link Contacts}, {@link Orders}, {@link Units}...), all
 * sharing one {@link DomainCore}; callers reach them through this object's fields ({@code domain.orders.createOrder}).
 * None of them locks anything: the caller's lock on this object guards them all.
 */
public final class Domain {

    /** Behaviour switches that differ between the simulator and the real API (see the builder). */
    public record Settings(boolean allowHttpWebhooks, boolean autoReserveOnPayment) {
    }

    public final Store store;
    public final SimulatedClock clock;
    public final DomainCore core;
    public final Contacts contacts;
    public final OperatorResources operatorResources;
    public final Units units;
    public final Billing billing;
    public final Tenancies tenancies;
    public final Orders orders;
    public final Checkout checkout;
    public final Deals deals;
    public final Tasks tasks;
    public final NotesAndTimeline notesAndTimeline;
    public final WebhookEndpoints webhookEndpoints;

    public Domain(Store store, SimulatedClock clock, EventPublisher webhooks, Settings settings) {
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

    /** Asked by webhook delivery outside any request, so it takes the domain lock itself. */
    public boolean isEndpointEnabled(String endpointId) {
        synchronized (this) {
            Entity endpoint = store.get(ResourceKind.WEBHOOK_ENDPOINT, endpointId);
            return endpoint != null && "enabled".equals(Json.text(endpoint.json, "status"));
        }
    }

    public ObjectNode success(String message) {
        ObjectNode body = Json.object();
        body.putObject("success").put("message", message);
        return body;
    }
}
