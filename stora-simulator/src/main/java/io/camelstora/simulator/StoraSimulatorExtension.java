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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension running a {@link StoraSimulator} for a test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static StoraSimulatorExtension stora = StoraSimulatorExtension.builder()
 *         .simulator(b -> b.seed(Seed.SMALL).rateLimitDisabled())
 *         .build();
 * }</pre>
 *
 * Registered on a static field it starts before all tests and stops after them; on an instance field, around each
 * test. By default the simulator is {@linkplain StoraSimulator#reset() reset} before each test. Test methods may take
 * a {@link StoraSimulator} parameter.
 * <p>
 * {@link #configure(CamelContext)} points the {@code stora} component at the simulator. It sets the component
 * properties {@code baseUrl} (the simulator's {@link StoraSimulator#baseUrl()}) and {@code accessToken} (the
 * all-scopes static token): on the component itself through Camel's generic property binding when a {@code stora}
 * component can be resolved, and as the override properties {@code camel.component.stora.baseUrl} /
 * {@code camel.component.stora.accessToken} for Camel Main, plus {@code stora.baseUrl} / {@code stora.accessToken}
 * for {@code {{stora.baseUrl}}} placeholders in routes (YAML DSL included). Camel is an optional dependency of this
 * module: only this method needs camel-api and camel-support.
 */
public final class StoraSimulatorExtension
        implements
            BeforeAllCallback,
            AfterAllCallback,
            BeforeEachCallback,
            AfterEachCallback,
            ParameterResolver {

    public static final String BASE_URL_PLACEHOLDER = "stora.baseUrl";
    public static final String ACCESS_TOKEN_PLACEHOLDER = "stora.accessToken";

    private final Consumer<StoraSimulator.Builder> customizer;
    private final boolean resetBeforeEach;
    private StoraSimulator simulator;
    private boolean perTest;

    private StoraSimulatorExtension(Consumer<StoraSimulator.Builder> customizer, boolean resetBeforeEach) {
        this.customizer = customizer;
        this.resetBeforeEach = resetBeforeEach;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (simulator == null) {
            perTest = true;
            start();
        } else if (resetBeforeEach) {
            simulator.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == StoraSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return simulator();
    }

    private void start() {
        StoraSimulator.Builder builder = StoraSimulator.builder();
        customizer.accept(builder);
        simulator = builder.start();
    }

    private void stop() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    public StoraSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("The Stora simulator runs only while tests of the class run");
        }
        return simulator;
    }

    /** The value for the {@code stora} component's {@code baseUrl} option. */
    public String baseUrl() {
        return simulator().baseUrl();
    }

    /** The value for the {@code stora} component's {@code accessToken} option. */
    public String accessToken() {
        return simulator().accessToken();
    }

    /** {@code stora.baseUrl} and {@code stora.accessToken}, for property placeholders and test property sources. */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(BASE_URL_PLACEHOLDER, baseUrl());
        properties.put(ACCESS_TOKEN_PLACEHOLDER, accessToken());
        return properties;
    }

    /** Points the {@code stora} component of the context at the simulator (see the class documentation). */
    public void configure(CamelContext context) {
        var properties = context.getPropertiesComponent();
        properties.addOverrideProperty("camel.component.stora.baseUrl", baseUrl());
        properties.addOverrideProperty("camel.component.stora.accessToken", accessToken());
        properties().forEach(properties::addOverrideProperty);
        Component component = context.getComponent("stora", true);
        if (component != null) {
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("baseUrl", baseUrl());
            options.put("accessToken", accessToken());
            PropertyBindingSupport.build().withCamelContext(context).withTarget(component).withProperties(options)
                    .withMandatory(true).bind();
        }
    }

    public static final class Builder {
        private Consumer<StoraSimulator.Builder> customizer = b -> {
        };
        private boolean resetBeforeEach = true;

        private Builder() {
        }

        /** Simulator options, e.g. {@code b -> b.seed(Seed.EMPTY).rateLimitDisabled()}. */
        public Builder simulator(Consumer<StoraSimulator.Builder> customizer) {
            this.customizer = customizer;
            return this;
        }

        /** Whether each test starts from the seed state (default true). */
        public Builder resetBeforeEach(boolean reset) {
            this.resetBeforeEach = reset;
            return this;
        }

        public StoraSimulatorExtension build() {
            return new StoraSimulatorExtension(customizer, resetBeforeEach);
        }
    }
}
