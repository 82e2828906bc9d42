package com.example;

import java.util.List;

import io.camelstora.simulator.StoraSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** The simulator (Vert.x, Jackson) and the component (Jackson, HttpClient 5) work together on this classpath. */
class WithoutBomTest {

    @RegisterExtension
    static StoraSimulatorExtension stora = StoraSimulatorExtension.builder().build();

    @Test
    void listsTheSites() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            stora.configure(context);
            context.start();
            assertFalse(context.createProducerTemplate().requestBody("stora:sites/list", null, List.class).isEmpty());
        }
    }
}
