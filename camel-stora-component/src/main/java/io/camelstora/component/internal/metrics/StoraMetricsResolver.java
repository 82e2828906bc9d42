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
package io.camelstora.component.internal.metrics;

import java.util.Set;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the component's {@link StoraMetrics}. Micrometer is optional: this class never touches a Micrometer type, and
 * {@link MicrometerStoraMetrics} (which does) is loaded only once Micrometer was found on the classpath, so an
 * application without it runs with {@link StoraMetrics#NONE} and pays nothing.
 */
public final class StoraMetricsResolver {

    private static final Logger LOG = LoggerFactory.getLogger(StoraMetricsResolver.class);
    private static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";
    /** The bean name camel-micrometer binds its registry under (MicrometerConstants.METRICS_REGISTRY_NAME). */
    static final String CAMEL_MICROMETER_REGISTRY = "metricsRegistry";

    private StoraMetricsResolver() {
    }

    /**
     * @param  configured               the component's {@code meterRegistry} option: a Micrometer {@code MeterRegistry},
     *                                  or {@code null} to look one up in the Camel registry
     * @throws IllegalArgumentException when {@code configured} is not a {@code MeterRegistry}
     */
    public static StoraMetrics resolve(CamelContext context, Object configured) {
        boolean micrometer = context.getClassResolver().resolveClass(METER_REGISTRY) != null;
        if (configured != null) {
            if (!micrometer || !Micrometer.isMeterRegistry(configured)) {
                throw new IllegalArgumentException("meterRegistry of the stora component must be a " + METER_REGISTRY
                        + ", got " + configured.getClass().getName());
            }
            return Micrometer.metrics(configured);
        }
        if (!micrometer) {
            LOG.debug("Micrometer is not on the classpath: the stora component records no metrics");
            return StoraMetrics.NONE;
        }
        StoraMetrics found = Micrometer.lookup(context);
        if (found == null) {
            LOG.debug("No Micrometer MeterRegistry in the Camel registry: the stora component records no metrics");
            return StoraMetrics.NONE;
        }
        return found;
    }

    /** Kept apart so its Micrometer references are resolved only after the classpath check. */
    private static final class Micrometer {

        static boolean isMeterRegistry(Object o) {
            return o instanceof io.micrometer.core.instrument.MeterRegistry;
        }

        static StoraMetrics metrics(Object registry) {
            return new MicrometerStoraMetrics((io.micrometer.core.instrument.MeterRegistry) registry);
        }

        /** As camel-micrometer finds its registry: by its bean name, else the only one, else the composite one. */
        static StoraMetrics lookup(CamelContext context) {
            var registry = context.getRegistry().lookupByNameAndType(CAMEL_MICROMETER_REGISTRY,
                    io.micrometer.core.instrument.MeterRegistry.class);
            if (registry == null) {
                Set<io.micrometer.core.instrument.MeterRegistry> all = context.getRegistry()
                        .findByType(io.micrometer.core.instrument.MeterRegistry.class);
                if (all.size() == 1) {
                    registry = all.iterator().next();
                } else {
                    registry = all.stream()
                            .filter(r -> r instanceof io.micrometer.core.instrument.composite.CompositeMeterRegistry)
                            .findFirst().orElse(null);
                }
            }
            return registry == null ? null : new MicrometerStoraMetrics(registry);
        }
    }
}
