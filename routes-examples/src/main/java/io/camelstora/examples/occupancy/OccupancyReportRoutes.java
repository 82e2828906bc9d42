package io.camelstora.examples.occupancy;

import org.apache.camel.builder.RouteBuilder;

/** A nightly occupancy report per site as a spreadsheet-ready CSV. The YAML twin: routes/occupancy-report.camel.yaml. */
public class OccupancyReportRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("quartz:examples/occupancy-report?cron={{examples.report.cron}}")
                .routeId("occupancy-report")
                .setHeader(OccupancyReport.REPORT_DATE, simple("${date:now:yyyy-MM-dd}"))
                // every page of every list, fetched lazily as the report reads them, within the account's rate limits
                .to("stora:sites/list?fetchAllPages=true")
                .setVariable("sites", body())
                .to("stora:units/list?fetchAllPages=true&limit=100")
                .bean(new OccupancyReport(), "csv")
                // written under a temporary name, then renamed: a reader never sees half a report
                .to("file:{{examples.report.dir}}?fileName=occupancy-${header.ReportDate}.csv&tempPrefix=.writing-&charset=utf-8")
                .log("Occupancy report written to ${header.CamelFileNameProduced}");
    }
}
