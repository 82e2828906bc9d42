package io.camelstora.component.limits;

/**
 * A limiter refused a permit because the call would have waited longer than {@code maxRateLimitWait}. The call was
 * not sent. {@link io.camelstora.component.http.StoraClient} reports it as a
 * {@link io.camelstora.component.http.StoraRateLimitException}.
 */
public class RateLimitWaitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RateLimitWaitException(String message) {
        super(message);
    }
}
