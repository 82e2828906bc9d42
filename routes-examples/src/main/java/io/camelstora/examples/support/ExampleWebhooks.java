package io.camelstora.examples.support;

/** The options every webhook route of the examples shares, as the YAML routes write them out. */
public final class ExampleWebhooks {

    /**
     * Registers (or finds) the route's own Stora webhook endpoint when it starts, keeps the endpoint's signing secret,
     * and applies the stop policy of the examples.
     */
    public static final String REGISTRATION = "&autoRegister=true&allowHttp={{examples.allowHttp}}"
                                              + "&secretStoreFile={{examples.webhook.secretStoreFile}}"
                                              + "&unregisterOnStop={{examples.webhook.unregisterOnStop}}";

    private ExampleWebhooks() {
    }
}
