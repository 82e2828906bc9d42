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
package io.camelstora.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.camelstora.component.StoraComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Producer overhead: N calls of {@code stora:contacts/show} against a local stub, and the same N calls made by a plain
 * camel-http route to the same stub, in paired rounds of one run. Prints both medians and the median of the per-round
 * ratios (target <= 1.10). The stora side does more than the baseline: it parses the JSON, unwraps the contact and
 * hands the route a Map, where camel-http hands over the response stream.
 * <p>
 * The component's own throttle (an option of the account, so of the component) is switched off here: this measures the cost of the producer (request building, JSON
 * parsing, unwrapping), not the rate limit.
 * <pre>mvn -B -q -pl camel-stora-benchmarks exec:java -Dexec.mainClass=io.camelstora.benchmarks.ProducerOverheadBenchmark
 *   [-Dcalls=5000] [-Drounds=5] [-DstoraOptions=&outputType=JSON_NODE]</pre>
 */
public final class ProducerOverheadBenchmark {

    public static void main(String[] args) throws Exception {
        int calls = Integer.getInteger("calls", 5000);
        int rounds = Integer.getInteger("rounds", 9);
        try (StubApi stub = new StubApi(); CamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().addInitialProperty("stub", stub.baseUrl());
            context.getComponent("stora", StoraComponent.class).setThrottle(false);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:stora")
                            .to("stora:contacts/show?contactId=con_0ac0514ed0711462&baseUrl={{stub}}&accessToken=bench-token"
                                    + System.getProperty("storaOptions", ""));
                    from("direct:http")
                            .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                            .setHeader("Authorization", constant("Bearer bench-token"))
                            .setHeader("Accept", constant("application/json"))
                            .to("{{stub}}/2025-09/contacts/con_0ac0514ed0711462".replace("{{stub}}", stub.baseUrl()));
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();

            run(template, "direct:stora", calls); // warm-up both paths
            run(template, "direct:http", calls);
            List<Long> stora = new ArrayList<>();
            List<Long> http = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                // alternate which side goes first, and pair each round: a load spike on a shared machine then hits
                // both sides of a pair or is voted out by the median
                boolean storaFirst = i % 2 == 0;
                long first = run(template, storaFirst ? "direct:stora" : "direct:http", calls);
                long second = run(template, storaFirst ? "direct:http" : "direct:stora", calls);
                stora.add(storaFirst ? first : second);
                http.add(storaFirst ? second : first);
                ratios.add((double) stora.get(i) / http.get(i));
            }
            long storaMedian = median(stora);
            long httpMedian = median(http);
            Collections.sort(ratios);
            System.out.printf("calls per round: %d, rounds: %d (medians)%n", calls, rounds);
            System.out.printf("stora:contacts/show      %8.1f ms  (%.1f us/call)%n", storaMedian / 1e6,
                    storaMedian / 1e3 / calls);
            System.out.printf("camel-http baseline      %8.1f ms  (%.1f us/call)%n", httpMedian / 1e6,
                    httpMedian / 1e3 / calls);
            System.out.printf(
                    "ratio stora / http       %8.3f  (median of the per-round ratios, %.3f to %.3f; target <= 1.10)%n",
                    ratios.get(ratios.size() / 2), ratios.get(0), ratios.get(ratios.size() - 1));
        }
    }

    private static long run(ProducerTemplate template, String uri, int calls) {
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            Exchange result = template.request(uri, e -> {
            });
            if (result.getException() != null) {
                throw new IllegalStateException(uri + " failed", result.getException());
            }
        }
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
