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
package io.camelstora.examples;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.main.Main;

/**
 * The camel-main application of the examples: application.properties, the flows in one DSL, and the properties that
 * point it at an account (the simulator or the real API). The application, the demo and the tests all start it here.
 */
public final class ExamplesMain {

    private ExamplesMain() {
    }

    public static Main create(Dsl dsl, Collection<Flow> flows, Map<String, String> properties) {
        // no main class: camel-main would scan its package and add every RouteBuilder of both DSLs
        Main main = new Main();
        properties.forEach(main::addOverrideProperty);
        if (dsl == Dsl.YAML) {
            main.configure().withRoutesIncludePattern(flows.stream().map(Flow::yamlLocation).collect(Collectors.joining(",")));
        } else {
            flows.forEach(flow -> main.configure().addRoutesBuilder(flow.javaRoutes()));
        }
        return main;
    }
}
