/*
 * Copyright 2026 the camel-stora authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.camelstora.component;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelstora.component.catalog.PathParameter;
import io.camelstora.component.catalog.StoraEventType;
import io.camelstora.component.catalog.StoraOperation;
import io.camelstora.component.catalog.StoraResource;
import org.apache.camel.spi.UriPath;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalog says exactly what operations.md and webhook-events.md say, and the URI metadata matches the catalog. */
class CatalogContractTest {

    @Test
    void everyOperationOfTheContractIsInTheCatalogAsDocumented() {
        List<OperationsContract> contract = OperationsContract.load();
        assertEquals(93, contract.size(), "operations.md rows");
        assertEquals(93, StoraOperation.values().length, "catalog entries");
        for (OperationsContract row : contract) {
            StoraResource resource = StoraResource.fromUriName(row.resource()).orElseThrow(() -> new AssertionError(row.uri()));
            StoraOperation op = StoraOperation.find(resource, row.action()).orElseThrow(() -> new AssertionError(row.uri()));
            assertEquals(row.uri(), op.uri());
            assertEquals(row.method(), op.method().name(), row.uri());
            assertEquals(row.path(), op.pathTemplate(), row.uri());
            assertEquals(row.scope(), op.scope(), row.uri());
            assertEquals(row.title(), op.title(), row.uri());
            assertEquals(row.pathOptions(), op.pathParameters().stream().map(PathParameter::optionName).toList(), row.uri());
        }
    }

    @Test
    void uriPathEnumsListTheCatalog() throws Exception {
        Set<String> resources = new LinkedHashSet<>(StoraResource.uriNames());
        resources.add(StoraEndpoint.WEBHOOK);
        assertEquals(resources, enums("resource"));
        assertEquals(new LinkedHashSet<>(StoraOperation.actionNames()), enums("action"));
    }

    @Test
    void everyPathParameterHasAnEndpointOptionAndAHeaderConstant() throws Exception {
        Set<String> headerValues = new LinkedHashSet<>();
        for (Field f : StoraConstants.class.getFields()) {
            headerValues.add((String) f.get(null));
        }
        for (StoraOperation op : StoraOperation.values()) {
            for (PathParameter p : op.pathParameters()) {
                assertTrue(headerValues.contains(p.headerName()), op + " header " + p.headerName());
                String getter = "get" + Character.toUpperCase(p.optionName().charAt(0)) + p.optionName().substring(1);
                assertNotNull(StoraRequestOptions.class.getMethod(getter), op + " option " + p.optionName());
            }
        }
    }

    @Test
    void eventTypesAreTheFiftyOfTheContract() throws IOException {
        Pattern row = Pattern.compile("^\\| `([a-z_]+\\.[a-z_]+)` \\| (.+?) \\|$");
        Set<String> documented = new LinkedHashSet<>();
        try (InputStream in = getClass().getResourceAsStream("/stora-api/webhook-events.md")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                Matcher m = row.matcher(line.trim());
                if (m.matches()) {
                    documented.add(m.group(1));
                    assertEquals(m.group(2), StoraEventType.fromType(m.group(1)).orElseThrow().description());
                }
            }
        }
        assertEquals(50, documented.size());
        assertEquals(documented, new LinkedHashSet<>(StoraEventType.types()));
    }

    private static Set<String> enums(String field) throws NoSuchFieldException {
        UriPath path = StoraEndpoint.class.getDeclaredField(field).getAnnotation(UriPath.class);
        return new LinkedHashSet<>(Arrays.asList(path.enums().split(",")));
    }
}
