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
package io.camelstora.component.polling;

import java.io.File;
import java.util.List;
import java.util.Set;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camelstora.component.StoraComponent;
import io.camelstora.component.StoraConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.util.FileUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A CamelContext whose stora component points at {@link FakeLists}, a {@link PollWatcher} bound as {@code polls}, and
 * a state directory of its own under target/ for each test.
 */
abstract class PollingTestSupport extends CamelTestSupport {

    static final String TOKEN = "test-access-token-0123456789";
    static final Set<String> CREATED_AND_UPDATED = Set.of("created_at", "updated_at");
    static final Set<String> CREATED_ONLY = Set.of("created_at");

    static final FakeLists LISTS = new FakeLists();

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(LISTS)).build();

    final PollWatcher polls = new PollWatcher();
    File stateDirectory;

    @BeforeEach
    void serveLists(TestInfo test) {
        LISTS.reset();
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(FakeLists.NAME)));
        stateDirectory = new File("target/polling-state/" + getClass().getSimpleName() + "/"
                + test.getTestMethod().orElseThrow().getName());
        FileUtil.removeDir(stateDirectory);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        configure(context);
        return context;
    }

    /** Points the stora component of {@code context} at the fake lists and binds the poll watcher. */
    void configure(CamelContext context) {
        StoraComponent stora = context.getComponent("stora", StoraComponent.class);
        stora.getConfiguration().setBaseUrl(wm.baseUrl());
        stora.getConfiguration().setAccessToken(TOKEN);
        // polls every 10 ms would spend the account's 60 requests a minute in seconds and then wait for the window:
        // these tests are about what is polled; the shared limiter is tested on its own
        stora.setThrottle(false);
        context.getRegistry().bind("polls", polls);
    }

    /** A consumer URI polling every 10 ms from the start, with this test's state directory and poll watcher. */
    String poll(String resourceAndOptions) {
        String separator = resourceAndOptions.contains("?") ? "&" : "?";
        return "stora:" + resourceAndOptions + separator + "initialDelay=0&delay=10&pollStrategy=#polls&stateDirectory="
                + stateDirectory.getPath();
    }

    /** Starts {@code from(uri).to("mock:records")}. */
    MockEndpoint route(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("poll").to("mock:records");
            }
        });
        return getMockEndpoint("mock:records");
    }

    /**
     * Waits until {@code mock} received {@code count} exchanges in all, for up to a minute: the build machine is shared,
     * so the wait is generous, and it ends as soon as the count is reached.
     */
    static void expect(MockEndpoint mock, int count) throws InterruptedException {
        mock.expectedMessageCount(count);
        mock.setResultWaitTime(60_000);
        mock.assertIsSatisfied();
    }

    /** The CamelStoraPollRecordId and updated_at second of each record received, "c1@3". */
    static List<String> received(MockEndpoint mock) {
        return mock.getReceivedExchanges().stream().map(PollingTestSupport::describe).toList();
    }

    static String describe(Exchange e) {
        String updated = e.getMessage().getHeader(StoraConstants.POLL_RECORD_UPDATED_AT, String.class);
        long second = java.time.Duration.between(FakeLists.T0, java.time.Instant.parse(updated)).getSeconds();
        return e.getMessage().getHeader(StoraConstants.POLL_RECORD_ID, String.class) + "@" + second;
    }
}
