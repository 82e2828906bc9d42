package io.camelstora.examples.support;

/** A unit type, protection level or product has no price for the billing period an order needs. */
public class NoPriceException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public NoPriceException(String message) {
        super(message);
    }
}
