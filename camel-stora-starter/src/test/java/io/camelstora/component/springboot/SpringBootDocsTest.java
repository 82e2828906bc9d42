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

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelstora.component.StoraComponent;
import io.camelstora.component.StoraConfiguration;
import io.camelstora.component.StoraOutputType;
import io.camelstora.component.auth.FileTokenStore;
import io.camelstora.component.auth.TokenStore;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The auto-configuration as docs/spring-boot.md describes it, in application contexts without a web server: the page's
 * properties bind and reach the component, a value that is not a bean reference fails naming its property, and the
 * enabled and customizer switches do what they say.
 */
class SpringBootDocsTest {

    static final Path PAGE = Path.of("..", "docs", "spring-boot.md");

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, StoraComponentConverter.class,
                    StoraComponentAutoConfiguration.class))
            .withBean("processedStoraEvents", IdempotentRepository.class,
                    () -> MemoryIdempotentRepository.memoryIdempotentRepository(10))
            .withPropertyValues("STORA_ACCESS_TOKEN=token-from-the-environment");

    @Test
    void thePropertiesOfThePageConfigureTheComponent() throws IOException {
        List<String> properties = documentedProperties();
        assertTrue(properties.size() >= 6, properties.toString());
        runner.withPropertyValues(properties.toArray(String[]::new)).run(context -> {
            assertNull(context.getStartupFailure());
            StoraConfiguration stora = storaConfiguration(context.getBean(CamelContext.class));
            StoraComponent component = context.getBean(CamelContext.class).getComponent("stora", StoraComponent.class);
            assertEquals("token-from-the-environment", stora.getAccessToken());
            assertEquals(StoraOutputType.JSON_NODE, stora.getOutputType());
            assertEquals(20000, component.getResponseTimeout());
            assertEquals(2, component.getMaxRetries());
            assertEquals("/var/lib/my-app/stora", stora.getStateDirectory());
            assertSame(context.getBean("processedStoraEvents"), stora.getIdempotentRepository());
        });
    }

    /**
     * docs/accounts.md: a second account is a second stora component bean, configured by the properties under its
     * own name, and the properties of stora stay stora's.
     */
    @Test
    void aSecondComponentBeanTakesThePropertiesUnderItsName() throws IOException {
        Matcher block = Pattern.compile("```properties\n(camel.component.stora.access-token.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("..", "docs", "accounts.md"), StandardCharsets.UTF_8));
        assertTrue(block.find(), "the Spring Boot properties of docs/accounts.md");
        Properties properties = new Properties();
        properties.load(new StringReader(block.group(1)));
        List<String> values = new ArrayList<>(List.of("STORA_TOKEN=main-token", "PARTNER_TOKEN=partner-token"));
        properties.forEach((k, v) -> values.add(k + "=" + v));
        runner.withBean("stora2", StoraComponent.class, StoraComponent::new).withPropertyValues(values.toArray(String[]::new))
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    CamelContext camel = context.getBean(CamelContext.class);
                    StoraComponent stora = camel.getComponent("stora", StoraComponent.class);
                    StoraComponent stora2 = camel.getComponent("stora2", StoraComponent.class);
                    assertSame(context.getBean("stora2"), stora2);
                    assertEquals("main-token", stora.getConfiguration().getAccessToken());
                    assertEquals("partner-token", stora2.getConfiguration().getAccessToken());
                    assertEquals(30_000, stora2.getMaxRateLimitWait());
                    assertEquals(false, stora2.isRetries());
                    assertEquals(true, stora.isRetries());
                    assertEquals(300_000, stora.getMaxRateLimitWait());
                });
    }

    /**
     * A second component bean keeps what its factory method set unless a property under its name says otherwise, and
     * takes bean references as stora does: the properties that are not set are not applied as the defaults.
     */
    @Test
    void aSecondComponentBeanKeepsItsOwnSettingsAndTakesBeanReferences() {
        FileTokenStore tokens = new FileTokenStore(Path.of("target", "operator-42-tokens.json"));
        runner.withBean("operator42Tokens", TokenStore.class, () -> tokens)
                .withBean("stora2", StoraComponent.class, () -> {
                    StoraComponent stora2 = new StoraComponent();
                    stora2.getConfiguration().setBaseUrl("https://sandbox.example");
                    stora2.setRetries(false);
                    stora2.setRateLimitPerSecond(5);
                    return stora2;
                })
                .withPropertyValues("camel.component.stora2.client-id=partner-app",
                        "camel.component.stora2.token-store=#bean:operator42Tokens",
                        "camel.component.stora2.max-rate-limit-wait=30s")
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    StoraComponent stora2 = context.getBean(CamelContext.class).getComponent("stora2", StoraComponent.class);
                    assertSame(tokens, stora2.getConfiguration().getTokenStore());
                    assertEquals("partner-app", stora2.getConfiguration().getClientId());
                    assertEquals(30_000, stora2.getMaxRateLimitWait());
                    // set in code, not in a property: kept
                    assertEquals("https://sandbox.example", stora2.getConfiguration().getBaseUrl());
                    assertEquals(false, stora2.isRetries());
                    assertEquals(5, stora2.getRateLimitPerSecond());
                });
    }

    @Test
    void enumsInAnyCaseAndDurationsInAnyForm() {
        runner.withPropertyValues("camel.component.stora.output-type=json-node", "camel.component.stora.connect-timeout=PT1M",
                "camel.component.stora.retry-max-delay=2500").run(context -> {
                    StoraConfiguration stora = storaConfiguration(context.getBean(CamelContext.class));
                    StoraComponent component = context.getBean(CamelContext.class).getComponent("stora", StoraComponent.class);
                    assertEquals(StoraOutputType.JSON_NODE, stora.getOutputType());
                    assertEquals(60000, component.getConnectTimeout());
                    assertEquals(2500, component.getRetryMaxDelay());
                });
    }

    @Test
    void anObjectOptionThatIsNotABeanReferenceFailsNamingTheProperty() {
        runner.withPropertyValues("camel.component.stora.idempotent-repository=processedStoraEvents").run(context -> {
            assertNotNull(context.getStartupFailure());
            StringBuilder messages = new StringBuilder();
            for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            assertTrue(messages.toString().contains("camel.component.stora.idempotent-repository"), messages.toString());
            assertTrue(messages.toString().contains("#bean:"), messages.toString());
        });
    }

    @Test
    void theCustomizerSwitchKeepsTheComponentAsConfiguredInCode() {
        runner.withPropertyValues("camel.component.stora.base-url=http://elsewhere.example",
                "camel.component.stora.customizer.enabled=false").run(context -> {
                    StoraConfiguration stora = storaConfiguration(context.getBean(CamelContext.class));
                    assertEquals(StoraConfiguration.DEFAULT_BASE_URL, stora.getBaseUrl());
                });
        runner.withPropertyValues("camel.component.stora.base-url=http://elsewhere.example",
                "camel.component.stora.enabled=false").run(context -> {
                    assertTrue(context.getBeansOfType(StoraComponentConfiguration.class).isEmpty());
                    StoraConfiguration stora = storaConfiguration(context.getBean(CamelContext.class));
                    assertEquals(StoraConfiguration.DEFAULT_BASE_URL, stora.getBaseUrl());
                });
    }

    private static StoraConfiguration storaConfiguration(CamelContext camel) {
        return camel.getComponent("stora", StoraComponent.class).getConfiguration();
    }

    /** The key=value lines of the page's properties blocks. */
    private static List<String> documentedProperties() throws IOException {
        Matcher m = Pattern.compile("```properties\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(PAGE, StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        while (m.find()) {
            Properties block = new Properties();
            block.load(new StringReader(m.group(1)));
            block.forEach((k, v) -> lines.add(k + "=" + v));
        }
        return lines;
    }
}
