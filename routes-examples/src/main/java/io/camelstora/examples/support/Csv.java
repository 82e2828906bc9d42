package io.camelstora.examples.support;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/** CSV as spreadsheets and accounting imports read it: RFC 4180 quoting, CRLF line ends, snake_case column names. */
public final class Csv {

    public static final CsvMapper MAPPER = CsvMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            // quotes only the values that need it (a comma, a quote, a line break), as spreadsheets write CSV
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private Csv() {
    }

    /** The columns of {@code type} (a record), in its {@code @JsonPropertyOrder}. */
    public static CsvSchema schema(Class<?> type) {
        return MAPPER.schemaFor(type).withLineSeparator("\r\n");
    }
}
