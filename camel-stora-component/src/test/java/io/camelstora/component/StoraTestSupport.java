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

import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A CamelContext whose stora component points at a WireMock server with a static token.
 */
public abstract class StoraTestSupport extends CamelTestSupport {

    public static final String TOKEN = "test-access-token-0123456789";

    @RegisterExtension
    protected static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        StoraComponent stora = context.getComponent("stora", StoraComponent.class);
        stora.getConfiguration().setBaseUrl(wm.baseUrl());
        stora.getConfiguration().setAccessToken(TOKEN);
        return context;
    }

    /**
     * Another account: a stora component registered as {@code name} (URIs {@code name:resource/action}) on the same
     * server with its own token, its account options set by {@code options}.
     */
    protected StoraComponent addAccount(String name, String token, Consumer<StoraComponent> options) {
        StoraComponent account = new StoraComponent();
        account.getConfiguration().setBaseUrl(wm.baseUrl());
        account.getConfiguration().setAccessToken(token);
        options.accept(account);
        context.addComponent(name, account);
        return account;
    }

    /** Sends {@code body} with {@code headers} to {@code uri} and returns the exchange, failed or not. */
    protected Exchange call(String uri, Object body, Object... headerNamesAndValues) {
        return template.request(uri, e -> {
            e.getIn().setBody(body);
            for (int i = 0; i < headerNamesAndValues.length; i += 2) {
                e.getIn().setHeader((String) headerNamesAndValues[i], headerNamesAndValues[i + 1]);
            }
        });
    }
}
