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

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options an endpoint may set, with their defaults on the component: the account ({@link StoraAccount}: base URL
 * and credentials), how results are shaped and where consumers keep their state. Each endpoint starts from a copy of
 * its component's configuration and may override any of these options. An endpoint whose base URL or credentials
 * differ from its component's uses an account of its own; the account's other options (rate limits, retries,
 * timeouts, connections, proxy, TLS) are options of {@link StoraComponent} only, see its class comment.
 */
@UriParams
public class StoraConfiguration extends StoraAccount implements Cloneable {

    public static final String DEFAULT_STATE_DIRECTORY = ".camel-stora";
    /** Page requests of one list in flight at once: a second's worth at Stora's 10 requests a second. */
    public static final int DEFAULT_PAGES_IN_FLIGHT = 10;

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

    @UriParam(label = "common", defaultValue = "" + DEFAULT_PAGES_IN_FLIGHT,
            description = "How many page requests of one list are in flight at once, for fetchAllPages and for polling"
                    + " consumers reading more than a page: the account's rate limiter paces them and the records are"
                    + " delivered in list order, so an API slow to answer is still read at the rate limit. Memory holds"
                    + " up to this many pages more. 1 reads one page at a time.")
    private int pagesInFlight = DEFAULT_PAGES_IN_FLIGHT;

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
            description = "Where consumers remember what they already routed, instead of their defaults: stora:webhook keeps the"
                    + " ids of events routed successfully, prefixed by its path and a vertical bar, each added once its"
                    + " route succeeded (default: in memory, the"
                    + " last 10000 per endpoint, lost on restart; an event being routed is known on its node only, so with"
                    + " several nodes prefer the webhook option eventStore); polling consumers keep the (id, updated_at)"
                    + " keys of records read within the overlap, prefixed by stateKey (default: a file in stateDirectory)."
                    + " Use a persistent repository shared by all nodes, such as camel-sql's JdbcMessageIdRepository,"
                    + " when several nodes consume.")
    private IdempotentRepository idempotentRepository;

    public StoraConfiguration copy() {
        try {
            return (StoraConfiguration) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
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

    public int getPagesInFlight() {
        return pagesInFlight;
    }

    public void setPagesInFlight(int pagesInFlight) {
        this.pagesInFlight = pagesInFlight;
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
