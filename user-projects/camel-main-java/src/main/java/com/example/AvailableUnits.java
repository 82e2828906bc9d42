package com.example;

import org.apache.camel.builder.RouteBuilder;

public class AvailableUnits extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:available-units?repeatCount=1")
                .routeId("available-units")
                .to("stora:units/list?filter.status=available&fetchAllPages=true")
                .split(body()).streaming()
                    .log("${body[reference_id]} is available");
    }
}
