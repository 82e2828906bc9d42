package io.camelstora.component.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * OAuth 2 client credentials (guides/authentication.md, option B): an access token fetched when first needed, shared
 * by every endpoint of the account, renewed before it expires or when Stora rejects it.
 */
public final class ClientCredentialsTokenSource extends RenewingTokenSource {

    private final StoraTokenEndpoint endpoint;
    private final String clientId;
    private final String clientSecret;
    private final List<String> scopes;

    public ClientCredentialsTokenSource(StoraTokenEndpoint endpoint, String clientId, String clientSecret,
                                        List<String> scopes, Duration refreshMargin, Clock clock) {
        super(clock, refreshMargin);
        this.endpoint = endpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scopes = List.copyOf(scopes);
    }

    /** Client id, secret and scopes, as a fingerprint: another secret or other scopes is another token. */
    public static String accountId(String clientId, String clientSecret, List<String> scopes) {
        return "client-credentials:" + StaticAccessToken.fingerprint(clientId + "\n" + clientSecret + "\n"
                                                                      + String.join(" ", scopes.stream().sorted().toList()));
    }

    @Override
    protected CompletableFuture<OAuthTokens> fetch() {
        return endpoint.clientCredentials(clientId, clientSecret, scopes);
    }

    @Override
    protected String describe() {
        return "client credentials " + accountId();
    }

    @Override
    public String accountId() {
        return accountId(clientId, clientSecret, scopes);
    }
}
