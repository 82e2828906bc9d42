package com.example;

import org.apache.camel.builder.RouteBuilder;

public class SignupRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:signup")                          // body: the contact, a JSON text or a Map
                .routeId("signup")
                .to("stora:contacts/create");
    }
}
