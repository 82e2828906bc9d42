package com.example;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

@Component
public class StoraRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // served by the application's web server at server.port, path /stora/webhook
        from("stora:webhook?secret={{stora.webhook.secret}}&eventTypes=invoice.paid,unit.*")
                .routeId("stora-events")
                .log("${header.CamelStoraWebhookEventType} ${header.CamelStoraWebhookResourceId}");

        from("direct:signup")
                .routeId("signup")
                .to("stora:contacts/create");
    }
}
