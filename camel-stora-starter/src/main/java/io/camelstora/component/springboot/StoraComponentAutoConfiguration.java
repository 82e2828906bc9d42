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
package io.camelstora.component.springboot;

import io.camelstora.component.StoraComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies the {@code camel.component.stora.*} properties to the stora component when Camel creates it, the way Apache
 * Camel's own starters configure their components: a {@link ComponentCustomizer} copying every property that is set
 * onto the component. {@code camel.component.stora.enabled=false} (or {@code camel.component.enabled=false}) turns it
 * off, {@code camel.component.stora.customizer.enabled=false} keeps the properties but skips the copy.
 * <p>
 * A second account is a second stora component, a bean of the application ({@code @Bean("stora2")}): it gets the
 * properties under its own name, {@code camel.component.stora2.*}, bound to the same properties class, and never those
 * of {@code stora} (Camel's own starters would copy {@code camel.component.<scheme>.*} onto every instance).
 * <p>
 * Registered in META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, StoraComponentConverter.class})
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, StoraComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.stora"})
public class StoraComponentAutoConfiguration {

    private static final String DEFAULT_NAME = "stora";

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final StoraComponentConfiguration configuration;

    public StoraComponentAutoConfiguration(ApplicationContext applicationContext, CamelContext camelContext,
                                           StoraComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureStoraComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                if (DEFAULT_NAME.equals(name)) {
                    CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
                    return;
                }
                String prefix = "camel.component." + name;
                if (!ConfigurationPropertyName.isValid(prefix)) {
                    throw new IllegalArgumentException("The stora component bean '" + name + "' cannot take Spring Boot"
                            + " properties: " + prefix + " is not a valid property prefix; name the bean in lower case"
                            + " letters, digits and dashes (e.g. stora2)");
                }
                Binder.get(applicationContext.getEnvironment()).bind(prefix, StoraComponentConfiguration.class)
                        .ifBound(properties -> CamelPropertiesHelper.copyProperties(camelContext, properties, target));
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.stora.customizer") && target instanceof StoraComponent;
            }
        };
    }
}
