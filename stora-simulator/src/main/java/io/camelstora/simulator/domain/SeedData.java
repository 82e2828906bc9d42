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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.ResourceKind;
import io.camelstora.simulator.Seed;
import io.camelstora.simulator.domain.Store.Entity;
import io.camelstora.simulator.support.ImageTokens;
import io.camelstora.simulator.support.Json;

/**
 * Generates the seed operator. Bookings go through the same {@link Domain} flow as API calls (create, finalize,
 * pay), so seeded tenancies, subscriptions, allocations and invoices are consistent with what the API produces;
 * contacts are inserted directly so 100,000 of them load in about a second. The clock is pinned while loading.
 */
public final class SeedData {

    public static final long RANDOM_SEED = 20250901L;
    private static final Instant EPOCH = Instant.parse("2025-01-06T09:00:00Z");
    /** Start of seeded tenancies that have not begun yet: far enough ahead to stay in the future. */
    private static final String FUTURE_START = "2030-01-01T00:00:00Z";

    private static final String[] FIRST_NAMES = {"Olivia", "Noah", "Amelia", "George", "Isla", "Oliver", "Ava", "Arthur",
            "Mia", "Leo", "Ivy", "Harry", "Freya", "Oscar", "Lily", "Archie", "Florence", "Henry", "Grace", "Theo"};
    private static final String[] LAST_NAMES = {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson",
            "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall",
            "Wood", "Clarke"};
    private static final String[] TYPES = {"domestic", "company", "student", "charity", "local_authority"};
    private static final String[] SOURCES = {"booking", "walkin", "phone", "quotation_request", "registered_interest",
            "import"};
    private static final String[] USE_CASES = {"moving_home", "more_space", "business_needs", "refurb", "travelling", "other"};

    private final Domain domain;
    private final Store store;
    private final ImageTokens images;
    /** Fixes the simulated clock while seeding (null releases it), so seeded timestamps are the same on every run. */
    private final Consumer<Instant> pinClock;
    private final Random random = new Random(RANDOM_SEED);
    private Instant time = EPOCH;

    private SeedData(Domain domain, ImageTokens images, Consumer<Instant> pinClock) {
        this.pinClock = pinClock;
        this.domain = domain;
        this.store = domain.store;
        this.images = images;
    }

    public static void load(Domain domain, Seed seed, ImageTokens images, Consumer<Instant> pinClock) {
        domain.store.clear(RANDOM_SEED);
        domain.resetCounters();
        if (!seed.hasOperator()) {
            return;
        }
        try {
            new SeedData(domain, images, pinClock).generate(seed);
        } finally {
            pinClock.accept(null);
            // Seeding is not an event anyone subscribed to.
            domain.core.rollback();
        }
    }

    private void tick() {
        time = time.plus(Duration.ofMinutes(1));
        pinClock.accept(time);
    }

    private Entity insert(ResourceKind kind, ObjectNode fields) {
        tick();
        ObjectNode json = domain.core.newResource(kind);
        json.setAll(fields);
        return store.insert(kind, json);
    }

    private void generate(Seed seed) {
        List<Entity> staff = staff();
        List<Entity> sites = sites();
        List<Entity> categories = categories();
        List<Entity> products = products(sites, categories);
        List<Entity> protections = protectionLevels();
        List<Entity> coupons = coupons();
        List<Entity> unitTypes = unitTypes(sites, coupons);
        units(unitTypes, seed.unitCount());
        List<Entity> stages = dealStages();
        List<Entity> templates = contractTemplates();
        List<Entity> sources = timelineSources();
        timelineTemplates();
        List<Entity> contacts = contacts(seed.contactCount());
        bookings(contacts, sites, unitTypes, protections, products, coupons, templates);
        deals(contacts, unitTypes, protections, stages, staff);
        tasksAndNotes(contacts, sites, staff);
        identityVerifications(contacts);
        timelineEvents(contacts, sites, sources);
    }

    private List<Entity> staff() {
        List<Entity> staff = new ArrayList<>();
        String[] names = {"Sam Carter", "Priya Shah", "Tom Reilly", "Hannah Moore", "Luis Ortega"};
        for (String name : names) {
            ObjectNode json = Json.object();
            json.put("email", name.toLowerCase().replace(' ', '.') + "@acme-storage.test");
            json.put("name", name);
            staff.add(insert(ResourceKind.STAFF, json));
        }
        return staff;
    }

    private List<Entity> sites() {
        List<Entity> sites = new ArrayList<>();
        String[][] data = {{"Manchester City Centre", "42 Deansgate", "Manchester", "M3 2EG", "0161 123 4567"},
                {"Belfast Harbour", "7 Dock Street", "Belfast", "BT1 3AB", "028 9012 3456"}};
        for (String[] site : data) {
            ObjectNode json = Json.object();
            ObjectNode hours = json.putObject("access_hours");
            for (String day : List.of("friday", "monday", "saturday", "sunday", "thursday", "tuesday", "wednesday")) {
                ObjectNode slot = hours.putObject(day);
                slot.put("close", "22:00");
                slot.put("open", "06:00");
                slot.put("status", "set_hours");
            }
            ObjectNode address = json.putObject("address");
            address.put("city", site[2]);
            address.put("line_1", site[1]);
            address.putNull("line_2");
            address.put("postal_code", site[3]);
            json.put("description", "24/7 access, CCTV monitored.");
            json.putObject("directions").put("google_maps_url", "https://maps.google.com/?q=" + site[0].replace(' ', '+'));
            json.putObject("images").putNull("default");
            json.put("name", site[0]);
            json.put("opened_at", "2024-03-01T09:00:00Z");
            json.put("phone", site[4]);
            Entity entity = insert(ResourceKind.SITE, json);
            ObjectNode images = (ObjectNode) entity.json.get("images");
            ObjectNode variants = images.putObject("default");
            for (String variant : List.of("original", "small", "medium", "large")) {
                variants.put(variant,
                        domain.core.baseUrl() + "/2025-09/images/" + this.images.token(entity.id, variant) + "/site-photo.jpg");
            }
            sites.add(entity);
        }
        return sites;
    }

    private List<Entity> categories() {
        List<Entity> categories = new ArrayList<>();
        for (String name : List.of("Access", "Boxes", "Charge/Fee", "Locks", "Merchandise", "Packaging", "Padlocks", "Security",
                "Services", "Unit upgrades", "Utilities")) {
            tick();
            ObjectNode json = Json.object();
            json.put("id", store.newId(ResourceKind.PRODUCT_CATEGORY));
            json.put("name", name);
            categories.add(store.insert(ResourceKind.PRODUCT_CATEGORY, json));
        }
        return categories;
    }

    private List<Entity> products(List<Entity> sites, List<Entity> categories) {
        List<Entity> products = new ArrayList<>();
        for (Entity site : sites) {
            products.add(product(site, categories.get(6), "Padlock", "one_time", 999, "PADLOCK"));
            products.add(product(site, categories.get(1), "Moving boxes (10)", "one_time", 1499, "BOXES-10"));
            products.add(product(site, categories.get(10), "Climate control", "recurring", 1000, "CLIMATE"));
        }
        return products;
    }

    private Entity product(Entity site, Entity category, String name, String chargeType, long amount, String code) {
        ObjectNode json = Json.object();
        json.put("accounting_code", code);
        json.set("category", Json.ref(category.id));
        json.put("charge_type", chargeType);
        json.put("description", name + " at " + Json.text(site.json, "name"));
        json.put("name", name);
        json.set("prices",
                prices(chargeType.equals("one_time") ? new String[]{"one_time"} : new String[]{"weekly", "monthly"}, amount));
        json.set("site", Json.ref(site.id));
        json.putNull("sku");
        return insert(ResourceKind.PRODUCT, json);
    }

    private ArrayNode prices(String[] periods, long monthlyAmount) {
        ArrayNode prices = Json.array();
        for (String period : periods) {
            ObjectNode price = prices.addObject();
            price.put("billing_period", period);
            long amount = period.equals("weekly") ? monthlyAmount * 12 / 52 : monthlyAmount;
            price.set("price", domain.core.money(amount));
            price.put("stripe_price_id", "price_" + Long.toHexString(random.nextLong()));
        }
        return prices;
    }

    private List<Entity> protectionLevels() {
        List<Entity> levels = new ArrayList<>();
        long[][] tiers = {{100_000_00L, 499}, {200_000_00L, 999}, {500_000_00L, 1999}};
        for (long[] tier : tiers) {
            ObjectNode json = Json.object();
            json.putNull("account_code");
            json.set("cover_level", domain.core.money(tier[0]));
            json.set("prices", prices(new String[]{"weekly", "monthly"}, tier[1]));
            json.put("public", true);
            json.put("stripe_product_id", "prod_" + Long.toHexString(random.nextLong()));
            levels.add(insert(ResourceKind.PROTECTION_LEVEL, json));
        }
        return levels;
    }

    private List<Entity> coupons() {
        List<Entity> coupons = new ArrayList<>();
        coupons.add(insert(ResourceKind.COUPON,
                coupon("percentage", 50, "monthly", null, "repeating", 2, "50% off first two months", true, true, false)));
        ObjectNode amount = coupon("amount", 0, null, "5OFF", "forever", null, "£5.00 off", false, true, false);
        amount.remove("percent");
        amount.set("amount", domain.core.money(500));
        coupons.add(insert(ResourceKind.COUPON, amount));
        coupons.add(insert(ResourceKind.COUPON,
                coupon("percentage", 10, null, "UNIT10", "once", null, "10% off the unit", true, false, true)));
        return coupons;
    }

    private static ObjectNode coupon(String type, int percent, String billingPeriod, String code, String duration,
                                     Integer months,
                                     String name, boolean isPublic, boolean subscriptions, boolean unitTypes) {
        ObjectNode json = Json.object();
        ObjectNode apply = json.putObject("auto_apply_to");
        apply.put("products", false);
        apply.put("protections", false);
        apply.put("subscriptions", subscriptions);
        apply.put("unit_types", unitTypes);
        json.put("billing_period", billingPeriod);
        json.put("code", code);
        json.put("duration", duration);
        json.putNull("max_redemptions");
        if (months == null) {
            json.putNull("months");
        } else {
            json.put("months", months);
        }
        json.put("name", name);
        json.put("percent", percent);
        json.put("public", isPublic);
        json.putNull("title");
        json.put("type", type);
        return json;
    }

    private List<Entity> unitTypes(List<Entity> sites, List<Entity> coupons) {
        List<Entity> types = new ArrayList<>();
        Object[][] data = {{"Locker", "10 sq ft", 3, 3, 4, 2900L, false}, {"Small unit", "25 sq ft", 5, 5, 8, 5900L, false},
                {"Medium unit", "10x12 ft", 10, 12, 11, 9500L, true}, {"Container", "20 ft container", 8, 20, 8, 14900L, true}};
        for (Entity site : sites) {
            String siteSlug = Json.text(site.json, "name").toLowerCase().replace(' ', '-');
            for (Object[] type : data) {
                String name = (String) type[0];
                String slug = name.toLowerCase().replace(' ', '-');
                ObjectNode json = Json.object();
                ObjectNode link = json.putObject("_links").putObject("sf:new_order");
                link.put("href", "/sites/" + siteSlug + "/" + slug + "/order/contact-details?unit_type_slug=" + slug);
                link.put("title", "New order");
                ObjectNode dimensions = json.putObject("dimensions");
                dimensions.put("height", (Integer) type[4]);
                dimensions.put("length", (Integer) type[3]);
                dimensions.put("measurement_unit", "ft");
                dimensions.put("width", (Integer) type[2]);
                json.put("dynamic_pricing", false);
                json.putObject("images").putNull("default");
                json.put("name", name);
                json.set("prices", prices(new String[]{"weekly", "monthly"}, (Long) type[5]));
                json.set("promotion", name.equals("Medium unit") ? Json.ref(coupons.get(0).id) : Json.NODES.nullNode());
                boolean deposit = (Boolean) type[6];
                json.put("require_insurance_coverage", deposit);
                json.put("require_security_deposit", deposit);
                json.set("security_deposit", deposit ? domain.core.money(5000) : Json.NODES.nullNode());
                ArrayNode points = json.putArray("selling_points");
                points.add("Drive-up access");
                points.add("Ground floor");
                json.set("site", Json.ref(site.id));
                json.put("size_description", (String) type[1]);
                json.put("slug", slug);
                json.put("status", "bookable");
                json.put("stripe_product_id", "prod_" + Long.toHexString(random.nextLong()));
                types.add(insert(ResourceKind.UNIT_TYPE, json));
            }
        }
        return types;
    }

    private void units(List<Entity> unitTypes, int count) {
        for (int i = 0; i < count; i++) {
            Entity type = unitTypes.get(i % unitTypes.size());
            ObjectNode json = Json.object();
            String site = Json.refId(type.json, "site");
            json.put("reference_id",
                    (site.equals(Json.refId(unitTypes.get(0).json, "site")) ? "MAN-" : "BEL-") + String.format("%03d", i + 1));
            json.set("site", Json.ref(site));
            json.put("status", "available");
            json.putNull("unit_allocation");
            json.set("unit_type", Json.ref(type.id));
            insert(ResourceKind.UNIT, json);
        }
    }

    private List<Entity> dealStages() {
        List<Entity> stages = new ArrayList<>();
        String[] names = {"New enquiry", "Qualified", "Viewing booked", "Negotiation"};
        for (int i = 0; i < names.length; i++) {
            ObjectNode json = Json.object();
            json.put("name", names[i]);
            json.put("position", i + 1);
            stages.add(insert(ResourceKind.DEAL_STAGE, json));
        }
        return stages;
    }

    private List<Entity> contractTemplates() {
        List<Entity> templates = new ArrayList<>();
        for (String name : List.of("Indoor Storage Contract", "Container Storage Contract")) {
            ObjectNode json = Json.object();
            json.put("name", name);
            templates.add(insert(ResourceKind.CONTRACT_TEMPLATE, json));
        }
        return templates;
    }

    private List<Entity> timelineSources() {
        List<Entity> sources = new ArrayList<>();
        Object[][] data = {{"My CRM", "https://my-crm.example.com", false},
                {"Messaging App", "https://messagingapp.com", true}};
        for (Object[] source : data) {
            ObjectNode json = Json.object();
            json.put("global", (Boolean) source[2]);
            json.put("name", (String) source[0]);
            json.put("website_url", (String) source[1]);
            sources.add(insert(ResourceKind.TIMELINE_SOURCE, json));
        }
        return sources;
    }

    private void timelineTemplates() {
        String[][] data = {
                {"Sent Campaign", "sent campaign '{{ campaign_name }}'{% if global_context %} for {{ contact }}{% endif %}.",
                        "campaign_name"},
                {"Email Opened",
                        "recorded {% if global_context %} {{ contact }} opened{% else %} opening of{% endif %} '{{ campaign_name }}'.",
                        "campaign_name"},
                {"Deal Stage Changed", "moved {{ deal_name }} from {{ previous_state }} to {{ new_state }}.", "deal_name"}};
        for (String[] template : data) {
            ObjectNode json = Json.object();
            json.put("global", true);
            json.put("message", template[1]);
            json.put("name", template[0]);
            ObjectNode variables = json.putObject("variables");
            variables.putArray("custom").add(template[2]);
            variables.putArray("predefined").add("contact");
            insert(ResourceKind.TIMELINE_TEMPLATE, json);
        }
    }

    private List<Entity> contacts(int count) {
        List<Entity> contacts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
            String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
            tick();
            ObjectNode json = domain.core.newResource(ResourceKind.CONTACT);
            if (i % 3 == 0) {
                ObjectNode address = json.putObject("address");
                address.put("city", i % 2 == 0 ? "Manchester" : "Belfast");
                address.put("country_alpha2", "GB");
                address.put("line_1", (i % 200 + 1) + " High Street");
                address.putNull("line_2");
                address.put("postal_code", i % 2 == 0 ? "M1 1AA" : "BT1 1AA");
                address.putNull("state");
            } else {
                json.putNull("address");
            }
            json.putNull("company_registration_number");
            json.put("email", first.toLowerCase() + "." + last.toLowerCase() + "." + (i + 1) + "@example.com");
            json.put("full_name", first + " " + last);
            ObjectNode check = json.putObject("identity_check");
            check.put("required", false);
            check.put("status", "not_attempted");
            json.putNull("marketing_source");
            json.putObject("metadata");
            json.put("phone_number", String.format("+4477009%05d", i % 100000));
            json.put("source", SOURCES[random.nextInt(SOURCES.length)]);
            json.put("status", "lead");
            json.putNull("stripe_customer_id");
            json.putNull("tax_id");
            json.put("tenancies_count", 0);
            json.put("type", TYPES[random.nextInt(TYPES.length)]);
            json.put("use_case", USE_CASES[random.nextInt(USE_CASES.length)]);
            contacts.add(store.insert(ResourceKind.CONTACT, json));
        }
        return contacts;
    }

    /** 60 completed bookings (a few future, a few overlocked), 10 draft and 5 finalized orders. */
    private void bookings(List<Entity> contacts, List<Entity> sites, List<Entity> unitTypes, List<Entity> protections,
                          List<Entity> products, List<Entity> coupons, List<Entity> templates) {
        for (int i = 0; i < 75; i++) {
            Entity contact = contacts.get(i);
            Entity unitType = unitTypes.get(i % unitTypes.size());
            String siteId = Json.refId(unitType.json, "site");
            ObjectNode body = Json.object();
            body.set("site", Json.ref(siteId));
            body.set("contact", Json.ref(contact.id));
            body.put("billing_period", i % 4 == 0 ? "weekly" : "monthly");
            body.put("payment_method", i % 5 == 0 ? "bacs_debit" : "card");
            boolean future = i % 10 == 3;
            body.put("starts_at", future ? FUTURE_START : "now");
            if (i % 7 == 0) {
                body.set("coupon", Json.ref(coupons.get(i % coupons.size()).id));
            }
            if (i % 2 == 0) {
                body.set("contract_template", Json.ref(templates.get(i % templates.size()).id));
            }
            ArrayNode lines = body.putArray("line_items");
            lines.add(line("unit_type", unitType, priceOf(unitType, body.get("billing_period").asText())));
            if (i % 3 == 0) {
                Entity protection = protections.get(i % protections.size());
                lines.add(line("protection", protection, priceOf(protection, body.get("billing_period").asText())));
            }
            if (i % 4 == 1) {
                Entity product = products.get((i % 2) + (siteId.equals(sites.get(0).id) ? 0 : 3));
                lines.add(line("product", product, priceOf(product, "one_time")));
            }
            if (unitType.json.path("require_security_deposit").asBoolean()) {
                lines.add(line("security_deposit", unitType, 5000));
            }
            tick();
            Entity order = domain.orders.createOrder(body);
            if (i >= 70) {
                continue;
            }
            tick();
            ObjectNode finalize = Json.object();
            finalize.putObject("finalize").put("cancel_redirect_url", "https://acme-storage.test/booking/cancelled");
            domain.orders.finalizeOrder(order.id, finalize);
            if (i >= 60) {
                continue;
            }
            tick();
            // The operator's history: every seeded booking got its unit when it completed (auto-reservation or staff),
            // whatever the simulator's autoReserveOnPayment setting for the bookings made in a test.
            domain.checkout.payOrder(order.id, true);
            settle(order, i);
        }
    }

    private void settle(Entity order, int i) {
        String tenancyId = Json.refId(order.json, "tenancy");
        for (Entity invoice : new ArrayList<>(store.all(ResourceKind.INVOICE))) {
            if (tenancyId.equals(Json.refId(invoice.json, "tenancy")) && "open".equals(Json.text(invoice.json, "status"))
                    && i % 6 != 5) {
                tick();
                domain.billing.markInvoicePaid(invoice.id);
                if (i % 12 == 0) {
                    domain.billing.createCreditNote(invoice.id, 500, "other");
                }
            }
        }
        for (Entity contract : new ArrayList<>(store.all(ResourceKind.CONTRACT))) {
            if (tenancyId.equals(Json.refId(contract.json, "tenancy")) && "pending".equals(Json.text(contract.json, "status"))
                    && i % 4 == 0) {
                tick();
                domain.billing.signContract(contract.id);
            }
        }
        // Overlock some customers with unpaid invoices, among those already moved in.
        if (i % 6 == 5 && i % 10 != 3) {
            ObjectNode body = Json.object();
            body.put("contact_id", Json.refId(order.json, "contact"));
            tick();
            domain.units.overlock(body, false);
        }
    }

    private static long priceOf(Entity priced, String billingPeriod) {
        for (var price : priced.json.path("prices")) {
            if (billingPeriod.equals(Json.text(price, "billing_period"))) {
                return price.path("price").path("amount").asLong();
            }
        }
        return priced.json.path("prices").path(0).path("price").path("amount").asLong();
    }

    private static ObjectNode line(String type, Entity item, long amount) {
        ObjectNode line = Json.object();
        line.put("type", type);
        line.put("quantity", 1);
        line.putObject("price").put("amount", amount);
        line.set("item", Json.ref(item.id));
        return line;
    }

    private void deals(List<Entity> contacts, List<Entity> unitTypes, List<Entity> protections,
                       List<Entity> stages, List<Entity> staff) {
        for (int i = 0; i < 30; i++) {
            Entity contact = contacts.get(100 + i);
            ObjectNode body = Json.object();
            body.put("name", Json.text(contact.json, "full_name") + " storage");
            body.set("contact", Json.ref(contact.id));
            body.set("stage", Json.ref(stages.get(i % stages.size()).id));
            Entity unitType = unitTypes.get(i % unitTypes.size());
            // the deal is for a unit type of its own site: an order made from it can get a unit there
            body.set("site", Json.ref(Json.refId(unitType.json, "site")));
            body.set("assignee", Json.ref(staff.get(i % staff.size()).id));
            body.put("note", "£" + (50 + i) + " per month");
            body.put("value_estimate", "£" + (50 + i) + " per month");
            ArrayNode lines = body.putArray("line_items");
            ObjectNode unit = lines.addObject();
            unit.put("type", "unit_type");
            unit.set("item", Json.ref(unitType.id));
            if (i % 2 == 0) {
                ObjectNode protection = lines.addObject();
                protection.put("type", "protection");
                protection.set("item", Json.ref(protections.get(i % protections.size()).id));
            }
            tick();
            Entity deal = domain.deals.createDeal(body, staff.get(0).id);
            tick();
            if (i % 5 == 1) {
                domain.deals.winDeal(deal.id);
            } else if (i % 5 == 2) {
                ObjectNode lose = Json.object();
                lose.put("lost_reason", "price_concerns");
                domain.deals.loseDeal(deal.id, lose);
            }
        }
    }

    private void tasksAndNotes(List<Entity> contacts, List<Entity> sites, List<Entity> staff) {
        List<Entity> units = new ArrayList<>(store.all(ResourceKind.UNIT));
        for (int i = 0; i < 40; i++) {
            ObjectNode body = Json.object();
            body.put("title", i % 2 == 0 ? "Call back " + Json.text(contacts.get(i).json, "full_name")
                    : "Inspect unit " + Json.text(units.get(i).json, "reference_id"));
            body.put("description", "<p>Follow-up " + (i + 1) + ".</p>");
            body.put("due_at", Json.time(time.plus(Duration.ofDays(2 + i % 7))));
            body.set("site", Json.ref(sites.get(i % 2).id));
            body.set("assignee", Json.ref(staff.get(i % staff.size()).id));
            body.set("resource", Json.ref(i % 2 == 0 ? contacts.get(i).id : units.get(i).id));
            tick();
            Entity task = domain.tasks.createTask(body, staff.get(1).id);
            if (i % 4 == 0) {
                tick();
                domain.tasks.completeTask(task.id, true);
            }
            ObjectNode note = Json.object();
            note.put("content", i % 2 == 0 ? "Prefers email contact." : "Door sticks slightly.");
            note.set("resource", Json.ref(i % 2 == 0 ? contacts.get(i).id : units.get(i).id));
            tick();
            domain.notesAndTimeline.createNote(note, "tok_0123456789abcdef");
        }
    }

    private void identityVerifications(List<Entity> contacts) {
        String[] outcomes = {"succeeded", "failed", "processing", "cancelled"};
        for (int i = 0; i < 20; i++) {
            tick();
            Entity verification = domain.contacts.createIdentityVerification(contacts.get(i).id);
            String outcome = outcomes[i % outcomes.length];
            if (!outcome.equals("processing")) {
                tick();
                domain.contacts.setIdentityVerificationStatus(verification.id, outcome,
                        outcome.equals("failed") ? "document_expired" : null);
            }
        }
    }

    private void timelineEvents(List<Entity> contacts, List<Entity> sites, List<Entity> sources) {
        Entity template = store.all(ResourceKind.TIMELINE_TEMPLATE).stream()
                .filter(t -> "Deal Stage Changed".equals(Json.text(t.json, "name")))
                .findFirst().orElseThrow();
        for (int i = 0; i < 10; i++) {
            ObjectNode body = Json.object();
            body.set("source", Json.ref(sources.get(0).id));
            body.set("template", Json.ref(template.id));
            body.set("contact", Json.ref(contacts.get(100 + i).id));
            body.set("site", Json.ref(sites.get(i % 2).id));
            body.put("description", "CRM deal moved to Negotiation stage");
            ObjectNode external = body.putObject("external");
            external.put("id", "deal_" + (98000 + i));
            external.put("url", "https://crm.example.com/deals/" + (98000 + i));
            ObjectNode variables = body.putObject("variables");
            variables.put("deal_name", "10x10 Unit - 12 months");
            variables.put("previous_state", "Qualified");
            variables.put("new_state", "Negotiation");
            tick();
            domain.notesAndTimeline.createTimelineEvent(body, "app_seed");
        }
    }
}
