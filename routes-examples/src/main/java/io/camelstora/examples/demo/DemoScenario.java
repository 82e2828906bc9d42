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
package io.camelstora.examples.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelstora.component.StoraConstants;
import io.camelstora.examples.crm.CrmStandIn;
import io.camelstora.simulator.StoraSimulator;
import io.camelstora.simulator.WebhookDelivery;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;

/**
 * The demo's story, played on the simulator while the example routes run: a booking through the website, the
 * customer's payment (the booking flow reserves her unit), move-in day, invoices paid, credited and uncollectible, a
 * deal won, and the nightly report. Each step waits until Stora's webhook deliveries it caused have been answered, so
 * the output reads in order.
 */
public final class DemoScenario {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StoraSimulator simulator;

    private final ProducerTemplate api;
    private final CrmStandIn crm;
    private final int serverPort;
    private final Path output;
    private final PrintStream out;
    private final DemoConsole.Colors colors;
    private final CamelContext context;
    private int step;

    public DemoScenario(StoraSimulator simulator, CamelContext context, CrmStandIn crm, int serverPort, Path output,
                        PrintStream out, DemoConsole.Colors colors) {
        this.simulator = simulator;

        this.api = context.createProducerTemplate();
        this.crm = crm;
        this.serverPort = serverPort;
        this.output = output;
        this.out = out;
        this.colors = colors;
        this.context = context;
    }

    public void run() throws Exception {
        step("A customer books a unit on the website, moving in tomorrow", "the website posts to the booking API");
        JsonNode unitType = unitTypeWithDeposit();
        Map<String, Object> booking = new LinkedHashMap<>();
        booking.put("reference", "web-1001");
        booking.put("email", "jane.doe@example.com");
        booking.put("full_name", "Jane Doe");
        booking.put("phone_number", "+447700900123");
        booking.put("site_id", unitType.path("site").path("id").asText());
        booking.put("unit_type_id", unitType.path("id").asText());
        booking.put("protection_level_id", firstId("stora:protection_levels/list?limit=1"));
        Instant moveIn = simulator.clock().nowSeconds().plus(Duration.ofDays(1));
        booking.put("starts_at", moveIn.toString());
        JsonNode confirmation = postBooking(booking);
        String orderId = confirmation.path("order_id").asText();
        awaitDeliveries();

        step("She pays on Stora's hosted checkout", "the simulator plays the customer: order.completed, tenancy.created,"
                + " invoices; the booking flow reserves her unit");
        simulator.control().payOrder(orderId);
        awaitDeliveries();
        String tenancyId = simulator.control().get(orderId).path("tenancy").path("id").asText();
        String unitId = allocatedUnit(tenancyId);

        step("Move-in day", "the simulator's clock reaches her start date: Stora turns the reservation into occupancy");
        simulator.clock().advance(Duration.between(simulator.clock().now(), moveIn));
        awaitDeliveries();
        // no example route listens to these events: the line shows what Stora did
        out.println(
                colors.dim(String.format("  %-24s", "[stora]")) + "tenancy.started " + tenancyId + "; unit.occupied " + unitId
                        + ", now " + simulator.control().get(unitId).path("status").asText());
        String depositInvoice = invoiceOf(tenancyId, false);
        String monthlyInvoice = invoiceOf(tenancyId, true);

        step("Her deposit is paid, and £5.00 of it credited back", "invoice.paid, credit_note.created");
        simulator.control().markInvoicePaid(depositInvoice);
        awaitDeliveries();
        simulator.control().createCreditNote(depositInvoice, 500, "other");
        awaitDeliveries();

        step("Her first monthly invoice cannot be collected", "invoice.marked_uncollectible");
        simulator.control().markInvoiceUncollectible(monthlyInvoice);
        awaitDeliveries();

        step("She pays it after all", "invoice.paid");
        simulator.control().markInvoicePaid(monthlyInvoice);
        awaitDeliveries();

        step("A salesperson wins a deal", "a BackOffice action, played here through the API");
        List<Map<String, Object>> open = api.requestBody("stora:deals/list?filter.status=open&limit=5", null, List.class);
        api.requestBodyAndHeader("stora:deals/win", null, StoraConstants.DEAL_ID, open.get(0).get("id"));
        awaitDeliveries();

        step("Night falls", "the occupancy report's cron fires");
        NotifyBuilder report = new NotifyBuilder(context).fromRoute("occupancy-report").whenCompleted(1).create();
        if (!report.matches(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("The occupancy report did not run within " + WAIT);
        }
        summary();
    }

    private void step(String title, String how) {
        out.println();
        out.println(colors.bold(++step + ". " + title) + colors.dim("  (" + how + ")"));
    }

    private JsonNode unitTypeWithDeposit() {
        List<Map<String, Object>> unitTypes = api.requestBody("stora:unit_types/list?limit=100", null, List.class);
        return unitTypes.stream().map(u -> simulator.control().get((String) u.get("id")))
                .filter(u -> u.path("require_security_deposit").asBoolean() && "bookable".equals(u.path("status").asText()))
                .findFirst().orElseThrow(() -> new IllegalStateException("The seed has no bookable unit type with a deposit"));
    }

    private String firstId(String uri) {
        List<Map<String, Object>> records = api.requestBody(uri, null, List.class);
        return (String) records.get(0).get("id");
    }

    private JsonNode postBooking(Map<String, Object> booking) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(booking);
        out.println(colors.dim("  website → POST /api/bookings " + body));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + serverPort + "/api/bookings"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        out.println(colors.dim("  website ← " + response.statusCode() + " " + response.body()));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The booking failed: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** The unit the booking flow allocated to the tenancy. */
    private String allocatedUnit(String tenancyId) {
        JsonNode allocations = simulator.control().get(tenancyId).path("unit_allocations");
        if (allocations.isEmpty()) {
            throw new IllegalStateException("The booking flow allocated no unit to " + tenancyId);
        }
        return simulator.control().get(allocations.get(0).path("id").asText()).path("unit").path("id").asText();
    }

    /** The tenancy's recurring invoice (of its subscription), or its one-off invoice (the deposit). */
    private String invoiceOf(String tenancyId, boolean recurring) {
        return simulator.webhooks().events("invoice.created").stream()
                .map(e -> simulator.control().get(e.resourceId()))
                .filter(i -> tenancyId.equals(i.path("tenancy").path("id").asText())
                        && recurring != i.path("subscription").isNull())
                .map(i -> i.path("id").asText()).findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "No " + (recurring ? "recurring" : "one-off") + " invoice for " + tenancyId));
    }

    private void awaitDeliveries() {
        simulator.webhooks().await(ds -> ds.stream().noneMatch(d -> d.status() == WebhookDelivery.Status.PENDING), WAIT);
    }

    private void summary() throws IOException {
        out.println();
        out.println(colors.bold("What the routes produced") + colors.dim("  (in " + output + ")"));
        printFile(output.resolve("ledger.csv"));
        try (var reports = Files.list(output)) {
            for (Path report : reports.filter(p -> p.getFileName().toString().startsWith("occupancy-")).sorted().toList()) {
                printFile(report);
            }
        }
        out.println("  CRM stand-in: " + crm.contacts().size() + " contact(s), " + crm.received().size() + " request(s)");
        crm.contacts().values().forEach(c -> out.println(colors.dim("    " + c)));
        List<WebhookDelivery> deliveries = simulator.webhooks().deliveries();
        out.println("  Stora: " + simulator.journal().total() + " API calls (" + simulator.journal().count429()
                + " answered 429), "
                + deliveries.size() + " webhook deliveries, "
                + deliveries.stream().filter(d -> d.status() == WebhookDelivery.Status.SUCCEEDED).count() + " acknowledged");
        out.println("  Journal by operation: " + simulator.journal().operationCounts());
        out.println("  Camel log: " + output.resolve("camel.log"));
    }

    private void printFile(Path file) throws IOException {
        out.println("  " + file.getFileName() + ":");
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
        text.lines().forEach(line -> out.println(colors.dim("    " + line)));
    }

}
