package com.example;

import io.camelstora.simulator.Seed;
import io.camelstora.simulator.StoraSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SignupRoutesTest {

    @RegisterExtension
    static StoraSimulatorExtension stora = StoraSimulatorExtension.builder()
            .simulator(b -> b.seed(Seed.SMALL).webhookTimeScale(0.001))
            .build();

    @Test
    void createsTheContact() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            stora.configure(context);               // points the stora component at the simulator
            context.addRoutes(new SignupRoutes());
            context.start();
            context.createProducerTemplate().sendBody("direct:signup", "{\"email\":\"jane@example.com\"}");
        }
        assertEquals(1, stora.simulator().journal().countOperation("contacts/create"));
    }
}
