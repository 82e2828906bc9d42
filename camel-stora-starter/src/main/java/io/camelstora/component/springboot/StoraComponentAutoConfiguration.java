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

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Applies the {@code camel.component.stora.*} properties to the stora component when Camel creates it, the way Apache
 * Camel's own starters configure their components: a {@link ComponentCustomizer} copying the properties onto the
 * component. {@code camel.component.stora.enabled=false} (or {@code camel.component.enabled=false}) turns it off,
 * {@code camel.component.stora.customizer.enabled=false} keeps the properties but skips the copy.
 * <p>
 * A second account is a second stora component, a bean of the application ({@code @Bean("stora2")}): it gets the
 * properties under its own name, {@code camel.component.stora2.*}, bound to the same properties class, and never those
 * of {@code stora} (Camel's own starters would copy {@code camel.component.<scheme>.*} onto every instance).
 * <p>
 * Only the properties that are set are copied, bean references ({@code #bean:name}) resolved by
 * {@link StoraComponentConverter} as for {@code stora}: copying the whole bound class (as Camel's starters do) would
 * also copy its defaults, resetting whatever a component bean's factory method set that no property mentions.
 * <p>
 * Registered in META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, StoraComponentConverter.class})
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, StoraComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.stora"})
public class StoraComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;

    public StoraComponentAutoConfiguration(ApplicationContext applicationContext, CamelContext camelContext) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureStoraComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, propertiesSetFor(name), target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.stora.customizer") && target instanceof StoraComponent;
            }
        };
    }

    /** The options set under {@code camel.component.<name>}, bound as {@link StoraComponentConfiguration} binds them. */
    private Map<String, Object> propertiesSetFor(String name) {
        String prefix = "camel.component." + name;
        if (!ConfigurationPropertyName.isValid(prefix)) {
            throw new IllegalArgumentException("The stora component bean '" + name + "' cannot take Spring Boot"
                    + " properties: " + prefix + " is not a valid property prefix; name the bean in lower case"
                    + " letters, digits and dashes (e.g. stora2)");
        }
        ConfigurableEnvironment environment = (ConfigurableEnvironment) applicationContext.getEnvironment();
        ApplicationConversionService conversions = new ApplicationConversionService();
        conversions.addConverter(applicationContext.getBean(StoraComponentConverter.class));
        Binder binder = new Binder(ConfigurationPropertySources.get(environment),
                new PropertySourcesPlaceholdersResolver(environment), conversions);
        int depth = ConfigurationPropertyName.of(prefix).getNumberOfElements() + 1;
        Set<String> set = new HashSet<>(); // in Spring's uniform form: lower case, no dashes
        BindHandler recordSet = new AbstractBindHandler() {
            @Override
            public Object onSuccess(ConfigurationPropertyName property, Bindable<?> target, BindContext context,
                                    Object result) {
                if (property.getNumberOfElements() == depth) {
                    set.add(property.getLastElement(ConfigurationPropertyName.Form.UNIFORM));
                }
                return result;
            }
        };
        Map<String, Object> properties = binder.bind(prefix, Bindable.of(StoraComponentConfiguration.class), recordSet)
                .map(bound -> CamelPropertiesHelper.getNonNullProperties(camelContext, bound))
                .orElseGet(HashMap::new);
        properties.keySet().removeIf(option -> !set.contains(option.toLowerCase(Locale.ROOT)));
        return properties;
    }
}
