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

/**
 * What the simulated operator holds at start and after {@link StoraSimulator#reset()}. Seed data is generated from a
 * fixed random seed, so the same ids, names and timestamps come out on every run.
 */
public final class Seed {

    /** No data at all: every resource is created by the test (control API for operator-side ones). */
    public static final Seed EMPTY = new Seed(0, 0, false);

    /**
     * A small operator: 2 sites, 8 unit types with prices, 200 units, 500 contacts, orders in every state with their
     * tenancies, subscriptions, allocations, invoices and contracts, deals and stages, tasks, notes, timeline sources
     * and templates, products and categories, protection levels, coupons, credit notes, staff and identity verifications.
     */
    public static final Seed SMALL = new Seed(500, 200, true);

    private final int contacts;
    private final int units;
    private final boolean operator;

    private Seed(int contacts, int units, boolean operator) {
        this.contacts = contacts;
        this.units = units;
        this.operator = operator;
    }

    /** {@link #SMALL} with another number of contacts, e.g. 100,000 for benchmarks (loads in about a second). */
    public static Seed contacts(int contacts) {
        if (contacts < 100) {
            throw new IllegalArgumentException("The seeded orders and deals need at least 100 contacts");
        }
        return new Seed(contacts, SMALL.units, true);
    }

    public int contactCount() {
        return contacts;
    }

    public int unitCount() {
        return units;
    }

    public boolean hasOperator() {
        return operator;
    }

    @Override
    public String toString() {
        return operator ? "Seed[contacts=" + contacts + ", units=" + units + "]" : "Seed.EMPTY";
    }
}
