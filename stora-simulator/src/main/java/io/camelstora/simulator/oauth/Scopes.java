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
package io.camelstora.simulator.oauth;

import java.util.Set;

/** The scopes of https://docs.stora.co/2025-09/guides/authorization. */
public final class Scopes {

    public static final Set<String> ALL = Set.of(
            "public.access_token:read", "public.application:read",
            "public.contact:read", "public.contact:write",
            "public.contract:read", "public.contract_template:read", "public.coupon:read", "public.credit_note:read",
            "public.deal:read", "public.deal:write", "public.deal_stage:read",
            "public.identity_verification:read", "public.invoice:read",
            "public.note:read", "public.note:write",
            "public.order:read", "public.order:write",
            "public.product:read", "public.product:write", "public.product_category:read",
            "public.protection_level:read", "public.protection_level:write",
            "public.site:read", "public.staff:read", "public.subscription:read",
            "public.task:read", "public.task:write", "public.tenancy:read",
            "public.timeline_event:read", "public.timeline_event:write",
            "public.timeline_source:read", "public.timeline_template:read",
            "public.unit:read", "public.unit:write", "public.unit_allocation:read",
            "public.unit_type:read", "public.unit_type:write",
            "public.webhook_endpoint:read", "public.webhook_endpoint:write");

    private Scopes() {
    }
}
