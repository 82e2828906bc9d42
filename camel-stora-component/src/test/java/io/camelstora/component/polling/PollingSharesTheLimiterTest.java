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
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.camelstora.component.StoraComponent;
import io.camelstora.component.limits.StoraAccountStats;
import io.camelstora.simulator.Seed;
import io.camelstora.simulator.StoraSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.FileUtil;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A polling consumer asking every 10 ms and a producer of the same account go through one limiter: against a server
 * enforcing the same (small) limits, nobody is answered 429 although the poller alone would overrun them.
 */
class PollingSharesTheLimiterTest {

    @Test
    void pollsAndCallsOfOneAccountStayUnderItsLimitsTogether() throws Exception {
        File state = new File("target/polling-state/PollingSharesTheLimiterTest");
        FileUtil.removeDir(state);
        try (StoraSimulator sim = StoraSimulator.builder().seed(Seed.EMPTY).rateLimit(4, 20).start();
                CamelContext context = new DefaultCamelContext()) {
            StoraComponent stora = context.getComponent("stora", StoraComponent.class);
            stora.getConfiguration().setBaseUrl(sim.baseUrl());
            stora.getConfiguration().setAccessToken(sim.accessToken());
            stora.setRateLimitPerSecond(4);
            stora.setRateLimitPerMinute(20);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("stora:contacts/list?initialDelay=0&delay=10&stateDirectory=" + state.getPath()).to("mock:polled");
                }
            });
            context.start();
            ProducerTemplate api = context.createProducerTemplate();
            NotifyBuilder polled = new NotifyBuilder(context).from("stora:contacts/list*").whenDone(3).create();
            for (int i = 0; i < 3; i++) {
                api.requestBody("stora:contacts/create", Map.of("email", "shared-" + i + "@example.com"));
            }
            assertTrue(polled.matches(30, TimeUnit.SECONDS), "the three contacts were polled");

            StoraAccountStats account = stora.getAccountStats().values().iterator().next();
            assertEquals(1, stora.getAccountStats().size(), "one account for the consumer and the producer");
            assertTrue(account.getThrottledRequests() > 0, "the poller was held back by the shared limiter");
            assertEquals(0, sim.journal().count429());
        }
    }
}
