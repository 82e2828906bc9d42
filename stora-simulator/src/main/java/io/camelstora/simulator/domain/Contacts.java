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

import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelstora.simulator.ResourceKind;
import io.camelstora.simulator.domain.Store.Entity;
import io.camelstora.simulator.support.Json;

import static io.camelstora.simulator.domain.Metadata.mergedMetadata;
import static io.camelstora.simulator.domain.Metadata.newMetadata;
import static io.camelstora.simulator.domain.RequestFields.optionalEnum;
import static io.camelstora.simulator.domain.RequestFields.passThrough;

/** Contacts (unique email, enum fields) and the identity verifications the control API plays for them. */
public final class Contacts {

    static final Set<String> CONTACT_TYPES = Set.of("domestic", "company", "student", "charity", "local_authority");
    static final Set<String> CONTACT_SOURCES = Set.of("pre_open", "incomplete_booking", "registered_interest", "price_interest",
            "quotation_request", "booking", "popup", "external_enquiry", "phone", "walkin", "import", "other");
    static final Set<String> MARKETING_SOURCES = Set.of("used_before", "recommendation", "received_leaflet",
            "seen_building_signs",
            "seen_advert", "facebook_marketplace", "google_search", "other_online_search", "social_media", "email", "radio",
            "other");
    static final Set<String> USE_CASES = Set.of("business_needs", "moving_home", "more_space", "refurb", "travelling", "other");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final DomainCore core;
    private final Store store;

    Contacts(DomainCore core) {
        this.core = core;
        this.store = core.store;
    }

    public Entity createContact(ObjectNode body, String pointerPrefix) {
        ApiError.Collector errors = new ApiError.Collector();
        String email = validateEmail(body, null, pointerPrefix, errors);
        validateContactEnums(body, errors);
        ObjectNode metadata = newMetadata(body.get("metadata"), errors);
        errors.throwIfAny();
        ObjectNode json = core.newResource(ResourceKind.CONTACT);
        json.putNull("address");
        json.putNull("company_registration_number");
        json.put("email", email);
        json.putNull("full_name");
        ObjectNode check = json.putObject("identity_check");
        check.put("required", false);
        check.put("status", "not_attempted");
        json.putNull("marketing_source");
        json.set("metadata", metadata);
        json.putNull("phone_number");
        json.putNull("source");
        json.put("status", "lead");
        json.putNull("stripe_customer_id");
        json.putNull("tax_id");
        json.put("tenancies_count", 0);
        json.putNull("type");
        json.putNull("use_case");
        passThrough(json, body,
                Set.of("email", "metadata", "status", "tenancies_count", "stripe_customer_id", "identity_check"));
        Entity contact = store.insert(ResourceKind.CONTACT, json);
        core.emit("contact.created", contact);
        return contact;
    }

    public Entity updateContact(String id, ObjectNode body) {
        Entity contact = store.require(ResourceKind.CONTACT, id);
        ApiError.Collector errors = new ApiError.Collector();
        String oldEmail = Json.text(contact.json, "email");
        String email = body.has("email") ? validateEmail(body, id, "", errors) : oldEmail;
        validateContactEnums(body, errors);
        ObjectNode metadata = mergedMetadata(contact.json.get("metadata"), body.get("metadata"), errors);
        errors.throwIfAny();
        passThrough(contact.json, body,
                Set.of("metadata", "status", "tenancies_count", "stripe_customer_id", "identity_check"));
        if (metadata != null) {
            contact.json.set("metadata", metadata);
        }
        store.indexEmail(oldEmail, email, id);
        core.touch(contact);
        core.emit("contact.updated", contact);
        return contact;
    }

    public void deleteContact(String id) {
        Entity contact = store.require(ResourceKind.CONTACT, id);
        if (contact.json.path("tenancies_count").asInt() > 0) {
            throw ApiError.conflict("A contact with tenancies cannot be deleted");
        }
        store.remove(contact);
    }

    String validateEmail(ObjectNode body, String selfId, String pointerPrefix, ApiError.Collector errors) {
        String pointer = pointerPrefix + "/email";
        JsonNode value = body.get("email");
        if (value == null || value.isNull() || value.asText().isBlank()) {
            errors.add(pointer, "value at `" + pointer + "` is required");
            return null;
        }
        String email = value.asText().trim();
        if (!value.isTextual() || !EMAIL.matcher(email).matches()) {
            errors.add(pointer, "value at `" + pointer + "` does not match format: email");
            return null;
        }
        String existing = store.contactIdByEmail(email);
        if (existing != null && !existing.equals(selfId)) {
            errors.add(pointer, "value at `" + pointer + "` has already been taken");
        }
        return email;
    }

    static void validateContactEnums(ObjectNode body, ApiError.Collector errors) {
        optionalEnum(body, "type", CONTACT_TYPES, errors);
        optionalEnum(body, "source", CONTACT_SOURCES, errors);
        optionalEnum(body, "marketing_source", MARKETING_SOURCES, errors);
        optionalEnum(body, "use_case", USE_CASES, errors);
    }

    // ------------------------------------------------------------------ identity verifications (control)

    public Entity createIdentityVerification(String contactId) {
        Entity contact = store.require(ResourceKind.CONTACT, contactId);
        ObjectNode json = core.newResource(ResourceKind.IDENTITY_VERIFICATION);
        json.set("contact", Json.ref(contact.id));
        json.putNull("error_code");
        json.put("status", "processing");
        Entity verification = store.insert(ResourceKind.IDENTITY_VERIFICATION, json);
        ((ObjectNode) contact.json.with("identity_check")).put("status", "processing");
        core.touch(contact);
        core.emit("identity_verification.processing", verification);
        return verification;
    }

    public Entity setIdentityVerificationStatus(String id, String status, String errorCode) {
        Entity verification = store.require(ResourceKind.IDENTITY_VERIFICATION, id);
        if (!Set.of("processing", "succeeded", "failed", "cancelled").contains(status)) {
            throw new IllegalArgumentException("Unknown identity verification status: " + status);
        }
        verification.json.put("status", status);
        if ("failed".equals(status)) {
            verification.json.put("error_code", errorCode == null ? "document_unverified_other" : errorCode);
        } else {
            verification.json.putNull("error_code");
        }
        core.touch(verification);
        Entity contact = store.get(ResourceKind.CONTACT, Json.refId(verification.json, "contact"));
        if (contact != null) {
            ((ObjectNode) contact.json.with("identity_check")).put("status", status);
            core.touch(contact);
        }
        core.emit("identity_verification." + status, verification);
        return verification;
    }
}
