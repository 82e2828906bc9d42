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
package io.camelstora.component.metrics;

import io.camelstora.component.StoraComponent;
import io.camelstora.component.StoraTestSupport;
import io.camelstora.component.internal.metrics.StoraMetrics;
import io.camelstora.component.internal.metrics.StoraMetricsResolver;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Micrometer is optional: this test runs in its own surefire execution with micrometer-core removed from the class
 * path (see the pom), so any Micrometer class the component touched would fail it with NoClassDefFoundError.
 */
class WithoutMicrometerTest extends StoraTestSupport {

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    @Test
    void theComponentWorksAndRecordsNothing() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("io.micrometer.core.instrument.MeterRegistry"),
                "this test must run without micrometer-core");
        wm.stubFor(get(urlPathEqualTo("/2025-09/sites")).willReturn(okJson("{\"sites\":[],\"meta\":{}}")));
        context.start();

        assertNull(call("stora:sites/list", null).getException());
        StoraComponent stora = context.getComponent("stora", StoraComponent.class);
        assertSame(StoraMetrics.NONE, stora.getMetrics());
        assertEquals(1, stora.getAccountStats().values().iterator().next().getRequests());
        assertTrue(HealthCheckHelper.invokeReadiness(context).stream()
                .anyMatch(r -> r.getCheck().getId().startsWith("stora-account:") && r.getState() == HealthCheck.State.UP));
    }

    @Test
    void aMeterRegistryOptionThatIsNotOneFailsSayingWhatItMustBe() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StoraMetricsResolver.resolve(context, "not a registry"));
        assertEquals("meterRegistry of the stora component must be a io.micrometer.core.instrument.MeterRegistry, got"
                + " java.lang.String", e.getMessage());
    }
}
