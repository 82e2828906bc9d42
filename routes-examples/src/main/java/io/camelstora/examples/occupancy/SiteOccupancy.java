package io.camelstora.examples.occupancy;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One row of the occupancy report: the units of a site by status (guides/core-concepts.md, "Unit states"; the API
 * writes the overlocked state {@code overlock}).
 *
 * @param occupancyPercent let units (occupied, overlocked, repossessed: a tenant's goods are inside) out of all units,
 *                         in percent with one decimal
 */
@JsonPropertyOrder({ "reportDate", "siteId", "siteName", "units", "available", "reserved", "occupied", "overlocked",
        "repossessed", "unavailable", "other", "occupancyPercent" })
public record SiteOccupancy(String reportDate, String siteId, String siteName, int units, int available, int reserved,
        int occupied, int overlocked, int repossessed, int unavailable, int other, BigDecimal occupancyPercent) {
}
