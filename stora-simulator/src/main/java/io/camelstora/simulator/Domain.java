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

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.Store.Entity;
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
final class Domain {

    /** Behaviour switches that differ between the simulator and the real API (see the builder). */
    record Settings(boolean allowHttpWebhooks, boolean autoReserveOnPayment) {
    }

    final Store store;
    final SimulatedClock clock;
    final DomainCore core;
    final Contacts contacts;
    final OperatorResources operatorResources;
    final Units units;
    final Billing billing;
    final Tenancies tenancies;
    final Orders orders;
    final Checkout checkout;
    final Deals deals;
    final Tasks tasks;
    final NotesAndTimeline notesAndTimeline;
    final WebhookEndpoints webhookEndpoints;

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

    /** Asked by webhook delivery outside any request, so it takes the domain lock itself. */
    boolean isEndpointEnabled(String endpointId) {
        synchronized (this) {
            Entity endpoint = store.get(ResourceKind.WEBHOOK_ENDPOINT, endpointId);
            return endpoint != null && "enabled".equals(Json.text(endpoint.json, "status"));
        }
    }

    ObjectNode success(String message) {
        ObjectNode body = Json.object();
        body.putObject("success").put("message", message);
        return body;
    }
}
