package com.example;

import java.util.Map;

import io.camelstora.component.StoraConstants;
import org.apache.camel.builder.RouteBuilder;

public class RenameContact extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:rename-contact")                                    // body: a Map {"id": "con_...", "name": "Jane Smith"}
                .routeId("rename-contact")
                .setHeader(StoraConstants.CONTACT_ID, simple("${body[id]}"))
                .process(e -> e.getMessage().setBody(Map.of("full_name", e.getMessage().getBody(Map.class).get("name"))))
                .to("stora:contacts/update");
    }
}
