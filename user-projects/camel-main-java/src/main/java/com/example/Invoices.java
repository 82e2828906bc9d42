package com.example;

import org.apache.camel.builder.RouteBuilder;

public class Invoices extends RouteBuilder {

    @Override
    public void configure() {
        from("stora:webhook?path=/stora/invoices&secret={{stora.webhook.secret}}&eventTypes=invoice.paid,credit_note.created")
                .routeId("invoices")
                .log("${header.CamelStoraWebhookEventType} ${body[number]}: ${body[total][formatted]}");
    }
}
