package io.camelstora.examples;

/** The two route languages every flow is written in. */
public enum Dsl {
    YAML,
    JAVA
}
