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
package io.camelstora.kamelets.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.camelstora.component.catalog.HttpMethod;
import io.camelstora.component.catalog.PathParameter;
import io.camelstora.component.catalog.StoraEventType;
import io.camelstora.component.catalog.StoraOperation;
import io.camelstora.component.catalog.StoraResource;
import io.camelstora.kamelets.OperationInput.BodyMode;

/**
 * Generates the Kamelets a no-code user picks one by one, from the operation catalog, so that they follow it: an events
 * source per webhook event family ({@code stora-invoice-events-source}), a poll source per list
 * ({@code stora-contacts-poll-source}) and an action per write operation and state change
 * ({@code stora-finalize-order-action}).
 * <p>
 * The hand-written {@code stora-webhook-source} and {@code stora-poll-source} are the templates of the sources (their
 * properties, descriptions and routes, so a change there reaches every generated one); the account properties and
 * annotations come from {@code stora-sink}. Operations a hand-written action covers with properties mapped field by
 * field ({@link #HAND_WRITTEN}) get no generated one. Run by the build ({@code process-classes}), which writes
 * {@code src/generated/resources/kamelets} (committed; CI fails when the build changes it) and the same files into the
 * jar; {@code GeneratedKameletsTest} also compares the committed files with a regeneration.
 * <p>
 * Usage: {@code KameletGenerator <module dir> <version> <output dir>...}
 */
public final class KameletGenerator {

    /** The hand-written actions that cover an operation better than a generated one would (field-mapping properties). */
    public static final Map<StoraOperation, String> HAND_WRITTEN = Map.of(
            StoraOperation.TASKS_CREATE, "stora-create-task-action",
            StoraOperation.NOTES_CREATE, "stora-add-note-action",
            StoraOperation.UNITS_OVERLOCK, "stora-overlock-units-action");

    /**
     * What Stora requires of the request of an action and of the state it acts on, from the reference pages
     * (https://docs.stora.co/2025-09/api-reference) and guides (https://docs.stora.co/2025-09/guides/booking-flow,
     * https://docs.stora.co/2025-09/guides/allocations-and-access): written into the description, because a designer's
     * form shows the Kamelet's properties but not the fields the message or the Body template must hold. {@code example}
     * is the Body property's example (null: the reference documents no body), {@code bodyRequired} whether Stora
     * refuses the call without one.
     */
    public record Request(String needs, String example, boolean bodyRequired) {
    }

    public static final Map<StoraOperation, Request> REQUESTS = Map.ofEntries(
            Map.entry(StoraOperation.CONTACTS_CREATE, needs(
                    "Stora requires `email` (unique per operator); `full_name`, `phone_number`, `address`, `type`, `source`,"
                            + " `use_case` and `metadata` are optional.")),
            Map.entry(StoraOperation.ORDERS_CREATE, needs(
                    "Stora requires `site` ({\"id\": ...}) and at least one `unit_type` line item in `line_items`, each"
                            + " with `type`, `quantity`, `price.amount` (minor units) and `item.id`. To be finalized, the"
                            + " order presumably also needs `contact` ({\"id\": ...}, or the contact's fields with `email`),"
                            + " `billing_period` (one the unit type has a price for), `payment_method` (card, bacs_debit or"
                            + " sepa_debit) and `starts_at` (ISO 8601, or now): the booking-flow guide lists them as its key"
                            + " fields without saying which finalizing needs. A `finalize` object with `cancel_redirect_url`"
                            + " finalizes it in the same call.")),
            Map.entry(StoraOperation.ORDER_LINE_ITEMS_CREATE, needs(
                    "Stora requires `type` (unit_type, protection, product or security_deposit), `quantity`,"
                            + " `price.amount` (minor units) and `item.id` (the unit type, protection level or product)."
                            + " The order must be a draft.")),
            Map.entry(StoraOperation.ORDER_LINE_ITEMS_UPDATE, needs("The order must be a draft.")),
            Map.entry(StoraOperation.ORDERS_UPDATE, needs("The order must be a draft.")),
            Map.entry(StoraOperation.ORDERS_DELETE, needs("The order must be a draft (presumed: the reference page is not"
                    + " stored; the booking-flow guide says a finalized order is locked).")),
            Map.entry(StoraOperation.ORDER_LINE_ITEMS_DELETE, needs("The order must be a draft.")),
            Map.entry(StoraOperation.TIMELINE_EVENTS_CREATE, needs(
                    "Give `source` and `template` ({\"id\": ...}: a timeline source and template of the account) and the"
                            + " template's required variables in `variables` (the reference page is cut off before its"
                            + " required flags); `contact`, `site`, `description` and `external` link and describe the"
                            + " event.")),
            Map.entry(StoraOperation.WEBHOOK_ENDPOINTS_CREATE, needs(
                    "Stora requires `name`, `api_version` (2025-09), `url` (https) and `event_types` (a list of event"
                            + " types).")),
            Map.entry(StoraOperation.PRODUCTS_BASE_PRICE, basePrices()),
            Map.entry(StoraOperation.PROTECTION_LEVELS_BASE_PRICE, basePrices()),
            Map.entry(StoraOperation.UNIT_TYPES_BASE_PRICE, basePrices()),
            Map.entry(StoraOperation.ORDERS_FINALIZE, new Request(
                    "Body must hold `finalize.cancel_redirect_url`, where the customer lands when they abandon the checkout."
                            + " The order must be a draft with a unit type line item, and presumably a contact, billing"
                            + " period, payment method and start (the reference page is cut off before its rules); Stora"
                            + " answers with its `payment_url`.",
                    "{\"finalize\": {\"cancel_redirect_url\": \"https://example.com/booking/cancelled\"}}", true)),
            Map.entry(StoraOperation.UNITS_RESERVE, new Request(
                    "Body must hold `tenancy_id`, the tenancy to reserve the unit for. The unit must be available and the"
                            + " tenancy must not have started yet (else grant access).",
                    "{\"tenancy_id\": \"${body[id]}\"}", true)),
            Map.entry(StoraOperation.UNITS_GRANT_ACCESS, new Request(
                    "Body must hold `tenancy_id`, the tenancy to grant access to. The unit must be available, or reserved"
                            + " for that tenancy.",
                    "{\"tenancy_id\": \"${body[id]}\"}", true)),
            Map.entry(StoraOperation.UNITS_REMOVE_OVERLOCK, new Request(
                    "Body must hold `contact_id`; the contact must have overlocked units.",
                    "{\"contact_id\": \"${body[contact][id]}\"}", true)),
            Map.entry(StoraOperation.UNITS_DEALLOCATE, noBody("The unit must be reserved, occupied, overlocked or"
                    + " repossessed.")),
            Map.entry(StoraOperation.DEALS_LOSE, new Request(
                    "Body must hold `lost_reason` (accessibility_concern, better_deal_elsewhere, chose_competitor,"
                            + " price_concerns...). The deal must be open (presumed: the reference page does not say).",
                    "{\"lost_reason\": \"price_concerns\"}", true)),
            Map.entry(StoraOperation.DEALS_REOPEN, new Request(
                    "Body may hold the `stage` and `assignee` ({\"id\": ...}) the deal goes back to. The deal must be won"
                            + " or lost.",
                    "{\"stage\": {\"id\": \"${body[stage][id]}\"}}", false)),
            Map.entry(StoraOperation.DEALS_WIN, noBody("The deal must be open (presumed: the reference page does not say).")),
            Map.entry(StoraOperation.TASKS_OPEN, noBody("The task must be completed (presumed: the reference page does not"
                    + " say).")));

    private static Request needs(String needs) {
        return new Request(needs, null, false);
    }

    private static Request basePrices() {
        return needs("Its keys are billing periods, each with an amount in minor units:"
                + " {\"weekly\": {\"amount\": 999}, \"monthly\": {\"amount\": 3999}}.");
    }

    private static Request noBody(String needs) {
        return new Request("Stora's reference documents no body: leave Body empty. " + needs, null, false);
    }

    static final String HEADER = """
            # Generated by io.camelstora.kamelets.generate.KameletGenerator from the operation catalog at build time: do not edit.
            # camel-kamelet finds it on the classpath under kamelets/; the account properties are stora-sink's.
            """;
    static final Set<String> ACCOUNT_PROPERTIES = Set.of("baseUrl", "accessToken", "clientId", "clientSecret", "scopes");
    static final String HELPERS_DEPENDENCY = "mvn:io.camelstora:camel-stora-kamelets:";

    private final YAMLMapper yaml = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE).build();
    private final String version;
    private final JsonNode webhookSource;
    private final JsonNode pollSource;
    private final JsonNode sink;

    public KameletGenerator(Path handWritten, String version) throws IOException {
        this.version = version;
        this.webhookSource = yaml.readTree(handWritten.resolve("stora-webhook-source.kamelet.yaml").toFile());
        this.pollSource = yaml.readTree(handWritten.resolve("stora-poll-source.kamelet.yaml").toFile());
        this.sink = yaml.readTree(handWritten.resolve("stora-sink.kamelet.yaml").toFile());
    }

    public static void main(String[] args) throws IOException {
        Path module = Path.of(args[0]);
        KameletGenerator generator = new KameletGenerator(module.resolve("src/main/resources/kamelets"), args[1]);
        Map<String, String> files = generator.generate();
        for (String dir : Arrays.asList(args).subList(2, args.length)) {
            Path out = Path.of(dir);
            Files.createDirectories(out);
            try (Stream<Path> old = Files.list(out)) {
                for (Path file : old.filter(f -> f.getFileName().toString().endsWith(".kamelet.yaml")).toList()) {
                    if (!files.containsKey(file.getFileName().toString()) && isGenerated(file)) {
                        Files.delete(file); // an operation or event family the catalog no longer has
                    }
                }
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(out.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
        }
        System.out.println("Generated " + files.size() + " Kamelets");
    }

    private static boolean isGenerated(Path file) {
        try {
            return Files.readString(file).startsWith(HEADER.lines().findFirst().orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every generated Kamelet: file name to content, sorted by name. */
    public Map<String, String> generate() throws IOException {
        Map<String, JsonNode> kamelets = new java.util.TreeMap<>();
        for (String family : eventFamilies()) {
            put(kamelets, eventsSource(family));
        }
        for (StoraOperation list : pollableLists()) {
            put(kamelets, pollSource(list.resource()));
        }
        for (StoraOperation operation : generatedActions()) {
            put(kamelets, action(operation));
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> k : kamelets.entrySet()) {
            files.put(k.getKey() + ".kamelet.yaml", HEADER + yaml.writeValueAsString(k.getValue()));
        }
        return files;
    }

    private static void put(Map<String, JsonNode> kamelets, ObjectNode kamelet) {
        kamelets.put(kamelet.at("/metadata/name").asText(), kamelet);
    }

    /** {@code invoice}, {@code unit}...: the resources events are about, in catalog order. */
    public static List<String> eventFamilies() {
        return Stream.of(StoraEventType.values()).map(StoraEventType::dataKey).distinct().toList();
    }

    /** The lists a poll source can follow: those without a path parameter. */
    public static List<StoraOperation> pollableLists() {
        return Stream.of(StoraOperation.values()).filter(o -> o.isPaged() && o.pathParameters().isEmpty()).toList();
    }

    /** The write operations and state changes with a generated action: every non-GET one but OAuth's and the hand-written. */
    public static List<StoraOperation> generatedActions() {
        return Stream.of(StoraOperation.values())
                .filter(o -> o.method() != HttpMethod.GET && o.resource() != StoraResource.OAUTH
                        && !HAND_WRITTEN.containsKey(o))
                .toList();
    }

    /** {@code stora-finalize-order-action}, {@code stora-grant-access-to-unit-action}, {@code stora-set-product-base-price-action}. */
    public static String actionName(StoraOperation operation) {
        String object = singular(operation.resource().uriName()).replace('_', '-');
        return "stora-" + switch (operation.action()) {
            case "base_price" -> "set-" + object + "-base-price";
            case "grant_access" -> "grant-access-to-" + object;
            case "remove_overlock" -> "remove-overlock-units";
            default -> operation.action().replace('_', '-') + "-" + object;
        } + "-action";
    }

    /** How the generated action of {@code operation} makes its request body. */
    public static BodyMode bodyMode(StoraOperation operation) {
        if (!operation.hasBody()) {
            return BodyMode.NONE;
        }
        return Set.of("create", "update", "base_price").contains(operation.action()) ? BodyMode.MESSAGE : BodyMode.TEMPLATE;
    }

    ObjectNode eventsSource(String family) {
        String name = "stora-" + family.replace('_', '-') + "-events-source";
        String words = words(family);
        List<String> types = Stream.of(StoraEventType.values()).filter(e -> e.dataKey().equals(family))
                .map(StoraEventType::type).toList();
        ObjectNode kamelet = copy(webhookSource, name, "Stora " + title(words) + " Events Source",
                "Receive Stora's " + words + " events (" + String.join(", ", types) + "), verified by their signature and"
                        + " routed once each; the message is the "
                        + words
                        + " the event is about, as JSON.\n\n"
                        + "Pick one event type or all of them. Stora gets its 200 once the rest of the flow is done, so a failure makes it retry the event. The HTTP path is served by the runtime's platform-http server; register its URL in Stora (or turn on Auto Register) for these events.");
        ObjectNode properties = (ObjectNode) kamelet.at("/spec/definition/properties");
        ObjectNode eventType = yaml.createObjectNode();
        eventType.put("title", "Event Type");
        eventType.put("description", "The " + words + " event to receive; " + family + ".* receives all of them.");
        eventType.put("type", "string");
        ArrayNode choices = eventType.putArray("enum");
        choices.add(family + ".*");
        types.forEach(choices::add);
        eventType.put("default", family + ".*");
        ObjectNode reordered = yaml.createObjectNode();
        properties.properties().forEach(e -> {
            if (e.getKey().equals("eventTypes")) {
                reordered.set("eventType", eventType);
            } else {
                reordered.set(e.getKey(), e.getValue());
            }
        });
        ((ObjectNode) reordered.get("path")).put("default", "/stora/" + family.replace('_', '-') + "-events");
        ((ObjectNode) kamelet.at("/spec/definition")).set("properties", reordered);
        ObjectNode parameters = (ObjectNode) kamelet.at("/spec/template/from/parameters");
        ObjectNode templated = yaml.createObjectNode();
        parameters.properties().forEach(e -> templated.set(e.getKey(),
                e.getKey().equals("eventTypes") ? yaml.getNodeFactory().textNode("{{eventType}}") : e.getValue()));
        ((ObjectNode) kamelet.at("/spec/template/from")).set("parameters", templated);
        return kamelet;
    }

    ObjectNode pollSource(StoraResource resource) {
        String words = words(resource.uriName());
        String name = "stora-" + resource.uriName().replace('_', '-') + "-poll-source";
        ObjectNode kamelet = copy(pollSource, name, "Stora " + title(words) + " Poll Source",
                "Poll Stora's " + words
                        + " for the records created or changed since the last poll, one message per record, oldest change first.\n\n"
                        + "A cursor is kept per State Key (files in the State Directory), so a restart continues where the last poll stopped; delivery is at least once. Poll every Delay, or on a Cron schedule with Scheduler quartz (camel-quartz on the classpath). The message body is the record as JSON; headers: CamelStoraPollRecordId, CamelStoraPollRecordCreatedAt, CamelStoraPollRecordUpdatedAt.");
        ObjectNode definition = (ObjectNode) kamelet.at("/spec/definition");
        ((ObjectNode) definition.get("properties")).remove("resource");
        definition.remove("required");
        ((ObjectNode) kamelet.at("/spec/template/from")).put("uri", "stora:" + resource.uriName() + "/list");
        return kamelet;
    }

    ObjectNode action(StoraOperation operation) {
        String name = actionName(operation);
        String verbObject = name.substring("stora-".length(), name.length() - "-action".length());
        BodyMode mode = bodyMode(operation);
        StringBuilder description = new StringBuilder(operation.title()).append(" (").append(operation.uri())
                .append("), and continue with Stora's answer as JSON.\n\n");
        Request request = REQUESTS.get(operation);
        boolean bodyRequired = mode == BodyMode.TEMPLATE && request != null && request.bodyRequired();
        description.append(switch (mode) {
            case MESSAGE -> "The message is the request: a JSON object with the fields as the API names them.";
            case TEMPLATE -> "The message is not sent: Body, a JSON object that can quote the message, is the request"
                    + (bodyRequired ? "." : " (empty: no body).");
            case NONE -> "The message is not sent.";
        });
        if (request != null) {
            description.append(" ").append(request.needs());
        }
        if (!operation.pathParameters().isEmpty()) {
            description.append(" ")
                    .append(operation.pathParameters().size() == 1 ? "The id property is" : "The id properties are")
                    .append(" a Camel Simple template evaluated against the incoming message (a JSON body is read as a map).");
        }
        ObjectNode kamelet = copy(sink, name, "Stora " + title(verbObject.replace('-', ' ')) + " Action",
                description.toString());
        ((ObjectNode) kamelet.at("/metadata/labels")).put("camel.apache.org/kamelet.type", "action");
        ObjectNode definition = (ObjectNode) kamelet.at("/spec/definition");
        ObjectNode properties = yaml.createObjectNode();
        ArrayNode required = yaml.createArrayNode();
        for (PathParameter parameter : operation.pathParameters()) {
            ObjectNode property = properties.putObject(parameter.optionName());
            property.put("title", title(words(parameter.pathName())).replace(" Id", " ID"));
            property.put("description", "The " + words(parameter.pathName()).replace(" id", "") + " to "
                    + operation.action().replace('_', ' ') + " (" + parameter.pathName()
                    + "). Camel Simple expressions are evaluated against the incoming message (a JSON body is read as a map).");
            property.put("type", "string");
            property.put("example", "${body[id]}");
            required.add(parameter.optionName());
        }
        if (mode == BodyMode.TEMPLATE) {
            ObjectNode body = properties.putObject("body");
            body.put("title", "Body");
            body.put("description", "The request body: a JSON object, as a Camel Simple template evaluated against the "
                    + "incoming message." + (bodyRequired ? "" : " Empty sends no body."));
            body.put("type", "string");
            if (request != null && request.example() != null) {
                body.put("example", request.example());
            }
            if (bodyRequired) {
                required.add("body");
            }
        }
        definition.get("properties").properties().forEach(e -> {
            if (ACCOUNT_PROPERTIES.contains(e.getKey())) {
                properties.set(e.getKey(), e.getValue());
            }
        });
        definition.set("properties", properties);
        if (required.isEmpty()) {
            definition.remove("required");
        } else {
            definition.set("required", required);
        }
        ObjectNode types = yaml.createObjectNode();
        if (mode == BodyMode.MESSAGE) {
            types.putObject("in").put("mediaType", "application/json");
        }
        types.putObject("out").put("mediaType", "application/json");
        ((ObjectNode) kamelet.get("spec")).set("types", types);
        ArrayNode dependencies = (ArrayNode) kamelet.at("/spec/dependencies");
        dependencies.add(HELPERS_DEPENDENCY + version);

        ObjectNode template = yaml.createObjectNode();
        ObjectNode bean = template.putArray("beans").addObject();
        bean.put("name", "input");
        bean.put("type", "#class:io.camelstora.kamelets.OperationInput");
        ObjectNode beanProperties = bean.putObject("properties");
        beanProperties.put("kamelet", name);
        beanProperties.put("operation", operation.uri().substring("stora:".length()));
        beanProperties.put("bodyMode", mode.name());
        List<PathParameter> parameters = operation.pathParameters();
        // The templates are taken as written (nested=false): a JSON body ending in "}}" ({"finalize": {...}}) would
        // otherwise be parsed again as a property placeholder, and fail as one with "Missing {{"
        if (!parameters.isEmpty()) {
            beanProperties.put("parameter", "{{" + parameters.get(0).optionName() + "?nested=false}}");
        }
        if (parameters.size() > 1) {
            beanProperties.put("secondParameter", "{{" + parameters.get(1).optionName() + "?nested=false}}");
        }
        if (mode == BodyMode.TEMPLATE) {
            beanProperties.put("body", bodyRequired ? "{{body?nested=false}}" : "{{?body?nested=false}}");
        }
        ObjectNode from = template.putObject("from");
        from.put("uri", "kamelet:source");
        ArrayNode steps = from.putArray("steps");
        steps.addObject().putObject("process").put("ref", "{{input}}");
        ObjectNode to = steps.addObject().putObject("to");
        to.put("uri", operation.uri());
        ObjectNode toParameters = to.putObject("parameters");
        toParameters.put("outputType", "STRING");
        sink.at("/spec/template/from/steps/0/to/parameters").properties().forEach(e -> {
            if (ACCOUNT_PROPERTIES.contains(e.getKey())) {
                toParameters.set(e.getKey(), e.getValue());
            }
        });
        // the ids were for this call: a later stora step of the flow must not pick them up
        for (PathParameter parameter : parameters) {
            steps.addObject().putObject("removeHeader").put("name", parameter.headerName());
        }
        ObjectNode contentType = steps.addObject().putObject("setHeader");
        contentType.put("name", "Content-Type");
        contentType.put("constant", "application/json");
        ((ObjectNode) kamelet.get("spec")).set("template", template);
        return kamelet;
    }

    /** A copy of {@code base} renamed, with its own title and description. */
    private ObjectNode copy(JsonNode base, String name, String title, String description) {
        ObjectNode kamelet = base.deepCopy();
        ((ObjectNode) kamelet.get("metadata")).put("name", name);
        ((ObjectNode) kamelet.at("/metadata/annotations")).put("camel.apache.org/catalog.version", version);
        ObjectNode definition = (ObjectNode) kamelet.at("/spec/definition");
        definition.put("title", title);
        definition.put("description", description);
        return kamelet;
    }

    /** {@code order_line_items} to {@code order_line_item}. */
    static String singular(String plural) {
        if (plural.endsWith("ies")) {
            return plural.substring(0, plural.length() - 3) + "y";
        }
        return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
    }

    /** {@code credit_note} to {@code credit note}. */
    static String words(String snakeCase) {
        return snakeCase.replace('_', ' ');
    }

    /** {@code credit note} to {@code Credit Note}. */
    static String title(String words) {
        return Stream.of(words.split(" ")).map(w -> w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1))
                .collect(Collectors.joining(" "));
    }
}
