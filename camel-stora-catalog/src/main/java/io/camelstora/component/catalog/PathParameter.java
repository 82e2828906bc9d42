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
package io.camelstora.component.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path parameter of an operation: {@code {contact_id}} in the path, {@code contactId} as endpoint option and
 * {@code CamelStoraContactId} as message header. The names are derived once, in the catalog, not on every request.
 */
public final class PathParameter {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private final String pathName;
    private final String optionName;
    private final String headerName;
    private final String placeholder;

    public PathParameter(String pathName) {
        this.pathName = pathName;
        this.optionName = camelCase(pathName);
        this.headerName = "CamelStora" + optionName.substring(0, 1).toUpperCase(Locale.ROOT) + optionName.substring(1);
        this.placeholder = "{" + pathName + "}";
    }

    /** The parameters of a path template, in order. */
    public static List<PathParameter> parse(String pathTemplate) {
        List<PathParameter> params = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(pathTemplate);
        while (m.find()) {
            params.add(new PathParameter(m.group(1)));
        }
        return List.copyOf(params);
    }

    private static String camelCase(String snakeCase) {
        StringBuilder sb = new StringBuilder(snakeCase.length());
        boolean upper = false;
        for (char c : snakeCase.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    /** The name in the path template: {@code contact_id}. */
    public String pathName() {
        return pathName;
    }

    /** The endpoint option: the camelCase form of the path name. */
    public String optionName() {
        return optionName;
    }

    /** The message header that overrides the endpoint option for one exchange. */
    public String headerName() {
        return headerName;
    }

    /**
     * Whether the value is a credential: the token of an image URL authorizes the download, so it must not reach
     * logs or exception messages.
     */
    public boolean isSecret() {
        return "token".equals(pathName);
    }

    /** The placeholder in the path template. */
    public String placeholder() {
        return placeholder;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathParameter p && pathName.equals(p.pathName);
    }

    @Override
    public int hashCode() {
        return pathName.hashCode();
    }

    @Override
    public String toString() {
        return "PathParameter[pathName=" + pathName + "]";
    }
}
