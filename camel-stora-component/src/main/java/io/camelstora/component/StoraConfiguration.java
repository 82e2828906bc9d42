package io.camelstora.component;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options shared by every endpoint of a Stora account: where the API is, how to authenticate, how to talk HTTP and
 * how results are shaped. Set on the component they apply to all its endpoints; an endpoint may override any of them.
 */
@UriParams
public class StoraConfiguration implements Cloneable {

    public static final String DEFAULT_STATE_DIRECTORY = ".camel-stora";

    public static final String DEFAULT_BASE_URL = "https://public-api.stora.co";

    @UriParam(label = "common", defaultValue = DEFAULT_BASE_URL,
              description = "The Stora API base URL, without the version path. Point it at the Stora simulator in tests.")
    private String baseUrl = DEFAULT_BASE_URL;

    @UriParam(label = "security", secret = true,
              description = "A static access token generated in BackOffice (Settings, Public API). Sent as Authorization: Bearer.")
    private String accessToken;

    @UriParam(label = "producer", defaultValue = "true",
              description = "Return only the content of the response document (the object under contact, the list under contacts,"
                            + " the success object of deletes and bulk actions) instead of the whole document with its meta.")
    private boolean unwrap = true;

    @UriParam(label = "common", defaultValue = "MAP", enums = "MAP,JSON_NODE,STRING",
              description = "The Java type of a JSON result or polled record: MAP (java.util.Map or List of maps), JSON_NODE (Jackson) or STRING (the JSON text).")
    private StoraOutputType outputType = StoraOutputType.MAP;

    @UriParam(label = "producer", defaultValue = "true",
              description = "Check the metadata of a request body against the API's rules (at most 20 keys of at most 40 characters from"
                            + " a-z 0-9 . _ : -, string values of at most 500 characters, null only to remove a key on update) before sending it.")
    private boolean validateMetadata = true;

    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
              description = "How long to wait for a connection to the API, in milliseconds.")
    private long connectTimeout = 10000;

    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration",
              description = "How long to wait for a response once a request was sent, in milliseconds.")
    private long responseTimeout = 30000;

    @UriParam(label = "advanced", defaultValue = "20",
              description = "Connections kept open to the API per account (all endpoints of the account share them).")
    private int maxConnections = 20;

    @UriParam(label = "consumer", defaultValue = DEFAULT_STATE_DIRECTORY,
              description = "Where polling consumers keep their state, relative to the working directory unless absolute:"
                            + " STATEKEY.state holds the cursor (a FileStateRepository), STATEKEY.seen the keys of the"
                            + " records read within the overlap (a FileIdempotentRepository). Unused when both repositories"
                            + " are given.")
    private String stateDirectory = DEFAULT_STATE_DIRECTORY;

    @UriParam(label = "consumer,advanced",
              description = "Where polling consumers keep their cursors (a StateRepository bean of String keys and values, keyed by"
                            + " stateKey), instead of files in stateDirectory. Several nodes polling the same list must share it.")
    private StateRepository<String, String> stateRepository;

    @UriParam(label = "consumer,advanced",
              description = "Where polling consumers keep the (id, updated_at) keys of the records read within the overlap,"
                            + " prefixed by stateKey, instead of files in stateDirectory. A memory repository forgets them on"
                            + " restart, so the first poll after a restart reports again the records of the overlap window.")
    private IdempotentRepository idempotentRepository;

    public StoraConfiguration copy() {
        try {
            return (StoraConfiguration) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public boolean isUnwrap() {
        return unwrap;
    }

    public void setUnwrap(boolean unwrap) {
        this.unwrap = unwrap;
    }

    public StoraOutputType getOutputType() {
        return outputType;
    }

    public void setOutputType(StoraOutputType outputType) {
        this.outputType = outputType;
    }

    public boolean isValidateMetadata() {
        return validateMetadata;
    }

    public void setValidateMetadata(boolean validateMetadata) {
        this.validateMetadata = validateMetadata;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public String getStateDirectory() {
        return stateDirectory;
    }

    public void setStateDirectory(String stateDirectory) {
        this.stateDirectory = stateDirectory;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }
}
