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
package io.camelstora.component;

import java.util.List;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Camel's health checks as tests read them: the readiness results of one context, with their details. */
public final class HealthChecks {

    private HealthChecks() {
    }

    /** Adds the consumers repository: what camel-main's {@code camel.health.consumersEnabled} turns on. */
    public static void withConsumerChecks(CamelContext context) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        registry.register((HealthCheckRepository) registry.resolveById("consumers"));
    }

    /** Every readiness result, each check with its details as {@code camel.health.exposureLevel=full} shows them. */
    public static List<HealthCheck.Result> readiness(CamelContext context) {
        HealthCheckRegistry.get(context).setExposureLevel("full");
        return List.copyOf(HealthCheckHelper.invokeReadiness(context));
    }

    /** The readiness result of the check {@code id}. */
    public static HealthCheck.Result readiness(CamelContext context, String id) {
        return readiness(context).stream().filter(r -> r.getCheck().getId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + id));
    }

    /** The readiness result of the consumer of route {@code routeId}. */
    public static HealthCheck.Result consumer(CamelContext context, String routeId) {
        return readiness(context, "consumer:" + routeId);
    }

    /** The readiness result of the context's only Stora account, if it has one. */
    public static Optional<HealthCheck.Result> account(CamelContext context) {
        List<HealthCheck.Result> results = readiness(context).stream()
                .filter(r -> r.getCheck().getId().startsWith("stora-account:")).toList();
        assertTrue(results.size() <= 1, results::toString);
        return results.stream().findFirst();
    }

    /** The readiness result of the context's one Stora account. */
    public static HealthCheck.Result theAccount(CamelContext context) {
        return account(context).orElseThrow(() -> new AssertionError("no stora-account check in " + readiness(context)));
    }
}
