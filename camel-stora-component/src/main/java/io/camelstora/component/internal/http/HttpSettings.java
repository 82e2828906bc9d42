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
package io.camelstora.component.internal.http;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.SSLContext;

/**
 * How the component's connections reach the API: pool size, timeouts, an optional HTTP proxy (with Basic credentials
 * and hosts that bypass it) and the TLS context. One per component, shared by all its accounts.
 *
 * @param sslContext null for the JVM's default
 * @param proxy      null for a direct connection
 */
public record HttpSettings(int maxConnections, long connectTimeoutMillis, long responseTimeoutMillis, Proxy proxy,
        SSLContext sslContext) {

    /** What the component's options say, checked: each error names the option. */
    public static HttpSettings of(int maxConnections, long connectTimeoutMillis, long responseTimeoutMillis, String proxyHost,
                                  Integer proxyPort, String proxyUsername, String proxyPassword, String nonProxyHosts,
                                  SSLContext sslContext) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException(
                    "maxConnections of the stora component is " + maxConnections + "; use 1 or more");
        }
        // HttpClient takes 0 as no limit and rejects a negative timeout without naming it
        if (connectTimeoutMillis < 0 || responseTimeoutMillis < 0) {
            boolean connect = connectTimeoutMillis < 0;
            throw new IllegalArgumentException((connect ? "connectTimeout" : "responseTimeout") + " of the stora component is "
                    + (connect ? connectTimeoutMillis : responseTimeoutMillis) + " ms; use 0 (no limit) or more");
        }
        Proxy proxy = null;
        if (isSet(proxyHost)) {
            if (proxyPort == null || proxyPort < 1 || proxyPort > 65535) {
                throw new IllegalArgumentException("proxyPort of the stora component is " + proxyPort
                        + "; set the port of proxyHost " + proxyHost.trim() + " (1 to 65535)");
            }
            if (isSet(proxyUsername) != isSet(proxyPassword)) {
                throw new IllegalArgumentException(
                        (isSet(proxyUsername) ? "proxyPassword" : "proxyUsername") + " of the stora component is missing:"
                                + " proxy authentication needs both proxyUsername and proxyPassword");
            }
            proxy = new Proxy(proxyHost.trim(), proxyPort, isSet(proxyUsername) ? proxyUsername : null,
                    isSet(proxyPassword) ? proxyPassword : null, patterns(nonProxyHosts));
        } else if (proxyPort != null || isSet(proxyUsername) || isSet(proxyPassword) || isSet(nonProxyHosts)) {
            throw new IllegalArgumentException("proxyPort, proxyUsername, proxyPassword and nonProxyHosts of the stora"
                    + " component need proxyHost, the proxy to use");
        }
        return new HttpSettings(maxConnections, connectTimeoutMillis, responseTimeoutMillis, proxy, sslContext);
    }

    /** The plain settings of {@link StoraHttpTransport#StoraHttpTransport(int, long, long)}: direct, the JVM's TLS. */
    public static HttpSettings direct(int maxConnections, long connectTimeoutMillis, long responseTimeoutMillis) {
        return new HttpSettings(maxConnections, connectTimeoutMillis, responseTimeoutMillis, null, null);
    }

    /** An HTTP proxy; {@code toString()} leaves the credentials out. */
    public record Proxy(String host, int port, String username, String password, List<String> nonProxyHosts) {

        /** Whether {@code host} is reached directly: it matches a nonProxyHosts pattern, as Java's http.nonProxyHosts. */
        public boolean bypasses(String host) {
            String h = host.toLowerCase(Locale.ROOT);
            for (String pattern : nonProxyHosts) {
                boolean matches = pattern.startsWith("*") ? h.endsWith(pattern.substring(1))
                        : pattern.endsWith("*") ? h.startsWith(pattern.substring(0, pattern.length() - 1))
                                : h.equals(pattern);
                if (matches) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return host + ":" + port + (username != null ? " (with credentials)" : "")
                    + (nonProxyHosts.isEmpty() ? "" : ", not for " + String.join("|", nonProxyHosts));
        }
    }

    private static List<String> patterns(String nonProxyHosts) {
        if (!isSet(nonProxyHosts)) {
            return List.of();
        }
        return Arrays.stream(nonProxyHosts.split("[|,]")).map(String::trim).filter(p -> !p.isEmpty())
                .map(p -> p.toLowerCase(Locale.ROOT)).toList();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "maxConnections=" + maxConnections + ", connectTimeout=" + connectTimeoutMillis + " ms, responseTimeout="
                + responseTimeoutMillis + " ms, proxy=" + (proxy == null ? "none" : proxy)
                + ", tls=" + (sslContext == null ? "JVM default" : "sslContextParameters");
    }
}
