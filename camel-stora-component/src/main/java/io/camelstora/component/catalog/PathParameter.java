package io.camelstora.component.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path parameter of an operation: {@code {contact_id}} in the path, {@code contactId} as endpoint option and
 * {@code CamelStoraContactId} as message header.
 */
public record PathParameter(String pathName) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    /** The parameters of a path template, in order. */
    public static List<PathParameter> parse(String pathTemplate) {
        List<PathParameter> params = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(pathTemplate);
        while (m.find()) {
            params.add(new PathParameter(m.group(1)));
        }
        return List.copyOf(params);
    }

    /** The endpoint option: the camelCase form of the path name. */
    public String optionName() {
        StringBuilder sb = new StringBuilder(pathName.length());
        boolean upper = false;
        for (char c : pathName.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    /** The message header that overrides the endpoint option for one exchange. */
    public String headerName() {
        String option = optionName();
        return "CamelStora" + option.substring(0, 1).toUpperCase(Locale.ROOT) + option.substring(1);
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
        return "{" + pathName + "}";
    }
}
