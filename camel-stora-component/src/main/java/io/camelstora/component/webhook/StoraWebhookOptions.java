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
package io.camelstora.component.webhook;

import java.util.Arrays;
import java.util.List;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of the webhook consumer {@code from("stora:webhook")}: how deliveries are received and verified, which
 * events reach the route, how duplicates are recognised and how the route registers itself with Stora.
 */
@UriParams
public class StoraWebhookOptions {

    public static final String DEFAULT_PATH = "/stora/webhook";
    public static final int DEFAULT_MAX_BODY_SIZE = 1024 * 1024;
    public static final long DEFAULT_BODY_TIMEOUT = 10_000;
    /** Event ids remembered by the default in-memory repository. */
    public static final int DEFAULT_REPOSITORY_SIZE = 10000;
    /** The metadata key that marks the webhook endpoints this component registered. */
    public static final String MARKER_KEY = "camel_stora_id";

    @UriParam(label = "consumer,security", secret = true,
            description = "The signing secret of the Stora webhook endpoint (shown once, when the endpoint is created). Several"
                    + " secrets separated by commas are all accepted, to rotate a secret without rejecting events. Optional"
                    + " with autoRegister, which keeps the secret of the endpoint it creates in the secretStore.")
    private String secret;

    @UriParam(label = "consumer", defaultValue = DEFAULT_PATH,
            description = "The HTTP path the webhook is served at, on the server of the platform-http component (camel-main,"
                    + " Spring Boot or Quarkus).")
    private String path = DEFAULT_PATH;

    @UriParam(label = "consumer",
            description = "The event types that reach the route, comma-separated: exact types (invoice.paid) or patterns in which an"
                    + " asterisk stands for any text (unit followed by a dot and an asterisk selects every unit event). Each"
                    + " entry must match at least one of the 50 event types of the API. Other events are acknowledged and"
                    + " dropped. Empty means every event. With autoRegister these are also the types the endpoint subscribes"
                    + " to.")
    private String eventTypes;

    @UriParam(label = "consumer,security", defaultValue = "300000", javaType = "java.time.Duration",
            description = "How far the timestamp of a signature may be from this server's clock, in either direction, in"
                    + " milliseconds. Older deliveries are rejected as replays, later ones as forged.")
    private long signatureTolerance = StoraWebhookVerifier.DEFAULT_TOLERANCE.toMillis();

    @UriParam(label = "consumer,security", defaultValue = "" + DEFAULT_MAX_BODY_SIZE,
            description = "The largest request body accepted, in bytes; larger ones are answered 413, a Content-Length over it"
                    + " at once. On camel-main (Vert.x) no more than this is ever read into memory; engines that read the"
                    + " body before the component (Spring Boot) need their own limit, see the start-up warning.")
    private int maxBodySize = DEFAULT_MAX_BODY_SIZE;

    @UriParam(label = "consumer,security", defaultValue = "10000", javaType = "java.time.Duration",
            description = "How long the body of a delivery may take to arrive once its headers did, in milliseconds; a slower"
                    + " one is answered 408 and its connection closed, so requests that announce a body and send nothing"
                    + " hold no thread for long. Applies where the component reads the body itself (camel-main, Vert.x);"
                    + " elsewhere the server's read timeout does.")
    private long bodyTimeout = DEFAULT_BODY_TIMEOUT;

    @UriParam(label = "consumer", defaultValue = "true",
            description = "Route each event id once: a delivery whose event.id was already routed successfully is answered 200"
                    + " without running the route again. Stora retries failed deliveries and may deliver an event twice.")
    private boolean idempotent = true;

    @UriParam(label = "consumer,advanced",
            description = "Where the state of each event is kept, shared by every node: in progress (held by one node under a"
                    + " lease while its route runs; another delivery of it is answered 409, and the lease of a node that"
                    + " died expires so the next delivery routes it) and done (later deliveries are answered 200 without"
                    + " routing). A JdbcWebhookEventStore on a database the nodes share; the documented setup for"
                    + " persistent and several-node deployments. Takes precedence over idempotentRepository.")
    private StoraWebhookEventStore eventStore;

    @UriParam(label = "consumer", defaultValue = "false",
            description = "Route the whole event object (id, type, api_version, created_at, data) instead of the resource under"
                    + " event.data.")
    private boolean fullEvent;

    @UriParam(label = "consumer", defaultValue = "false",
            description = "Register the webhook endpoint with Stora when the route starts: find the endpoint this route created"
                    + " before (by the metadata key " + MARKER_KEY + " = endpointName), create it when missing, enable it"
                    + " when disabled, update its URL and event types when they changed. Needs publicUrl and a token"
                    + " with the public.webhook_endpoint:write scope.")
    private boolean autoRegister;

    @UriParam(label = "consumer",
            description = "The HTTPS URL at which Stora reaches this route, as seen from the internet (a reverse proxy may change"
                    + " host and path). Used by autoRegister.")
    private String publicUrl;

    @UriParam(label = "consumer,security", defaultValue = "false",
            description = "Accept an http:// publicUrl. Stora only delivers to https; this is for the Stora simulator and local"
                    + " tests.")
    private boolean allowHttp;

    @UriParam(label = "consumer",
            description = "The name of the registered webhook endpoint, also stored in its metadata (" + MARKER_KEY
                    + ") to find it again on the next start. Give each application or environment sharing a Stora"
                    + " account its own name. Default: Camel followed by the path, e.g. Camel /stora/webhook.")
    private String endpointName;

    @UriParam(label = "consumer", defaultValue = "NONE", enums = "NONE,DISABLE,DELETE",
            description = "What autoRegister does to the endpoint when the route stops: NONE leaves it enabled (Stora retries"
                    + " while the route is down, so nothing is missed), DISABLE disables it, DELETE deletes it. Disabling"
                    + " and deleting cancel the retries Stora has pending.")
    private UnregisterMode unregisterOnStop = UnregisterMode.NONE;

    @UriParam(label = "consumer,advanced", javaType = "org.apache.camel.spi.StateRepository<String, String>",
            description = "Where autoRegister keeps the secret of the endpoint it created, which Stora shows only once: any Camel"
                    + " StateRepository of String to String that survives restarts. Default: a file, see secretStoreFile.")
    private StateRepository<String, String> secretStore;

    @UriParam(label = "consumer,advanced",
            description = "The file of the default secretStore, readable by its owner only. Default:"
                    + " .camel-stora/webhook-secrets.properties in the user's home directory.")
    private String secretStoreFile;

    /** The configured secrets, in order, without blanks. */
    public List<String> secrets() {
        if (secret == null || secret.isBlank()) {
            return List.of();
        }
        return Arrays.stream(secret.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The path with a leading slash and no trailing one. */
    public String normalizedPath() {
        String p = path == null || path.isBlank() ? DEFAULT_PATH : path.trim();
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getEventTypes() {
        return eventTypes;
    }

    public void setEventTypes(String eventTypes) {
        this.eventTypes = eventTypes;
    }

    public long getSignatureTolerance() {
        return signatureTolerance;
    }

    public void setSignatureTolerance(long signatureTolerance) {
        this.signatureTolerance = signatureTolerance;
    }

    public int getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(int maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public boolean isIdempotent() {
        return idempotent;
    }

    public void setIdempotent(boolean idempotent) {
        this.idempotent = idempotent;
    }

    public long getBodyTimeout() {
        return bodyTimeout;
    }

    public void setBodyTimeout(long bodyTimeout) {
        this.bodyTimeout = bodyTimeout;
    }

    public StoraWebhookEventStore getEventStore() {
        return eventStore;
    }

    public void setEventStore(StoraWebhookEventStore eventStore) {
        this.eventStore = eventStore;
    }

    public boolean isFullEvent() {
        return fullEvent;
    }

    public void setFullEvent(boolean fullEvent) {
        this.fullEvent = fullEvent;
    }

    public boolean isAutoRegister() {
        return autoRegister;
    }

    public void setAutoRegister(boolean autoRegister) {
        this.autoRegister = autoRegister;
    }

    public String getPublicUrl() {
        return publicUrl;
    }

    public void setPublicUrl(String publicUrl) {
        this.publicUrl = publicUrl;
    }

    public boolean isAllowHttp() {
        return allowHttp;
    }

    public void setAllowHttp(boolean allowHttp) {
        this.allowHttp = allowHttp;
    }

    public String getEndpointName() {
        return endpointName;
    }

    public void setEndpointName(String endpointName) {
        this.endpointName = endpointName;
    }

    public UnregisterMode getUnregisterOnStop() {
        return unregisterOnStop;
    }

    public void setUnregisterOnStop(UnregisterMode unregisterOnStop) {
        this.unregisterOnStop = unregisterOnStop;
    }

    public StateRepository<String, String> getSecretStore() {
        return secretStore;
    }

    public void setSecretStore(StateRepository<String, String> secretStore) {
        this.secretStore = secretStore;
    }

    public String getSecretStoreFile() {
        return secretStoreFile;
    }

    public void setSecretStoreFile(String secretStoreFile) {
        this.secretStoreFile = secretStoreFile;
    }
}
