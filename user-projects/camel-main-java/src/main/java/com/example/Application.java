package com.example;

import org.apache.camel.main.Main;

public final class Application {

    private Application() {
    }

    public static void main(String[] args) throws Exception {
        // routes: the RouteBuilder classes of this package; configuration: application.properties
        new Main(Application.class).run(args);
    }
}
