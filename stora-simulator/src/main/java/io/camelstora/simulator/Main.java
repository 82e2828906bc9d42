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
package io.camelstora.simulator;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.camelstora.simulator.control.ControlRoutes;

/**
 * Runs the simulator as a process:
 * {@code java -jar stora-simulator-<version>-standalone.jar --port 8099 [--host 0.0.0.0] [--seed small|empty|<contacts>]
 * [--rate-limit 10/60|off] [--rate-limit-mode sliding|fixed] [--token <value>] [--webhook-time-scale 0.001] [--auto-reserve on|off] [--latency <ms>] [--same-second-updates on|off]}.
 * Prints the base URL and credentials, and stops cleanly on Ctrl-C (SIGINT) or SIGTERM.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        StoraSimulator.Builder builder;
        try {
            builder = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(
                    "Usage: --port <n> [--host <h>] [--seed small|empty|<contacts>] [--rate-limit <perSecond>/<perMinute>|off]"
                            + " [--rate-limit-mode sliding|fixed] [--token <value>] [--token-lifetime <seconds>] [--webhook-time-scale <factor>] [--auto-reserve on|off]"
                            + " [--latency <ms>] [--same-second-updates on|off]");
            System.exit(2);
            return;
        }
        StoraSimulator simulator = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the Stora simulator");
            simulator.close();
            stopped.countDown();
        }, "stora-simulator-shutdown"));
        System.out.println("Stora simulator listening on " + simulator.baseUrl());
        System.out.println("  API:           " + simulator.baseUrl() + "/2025-09/...");
        System.out.println("  Access token:  " + simulator.accessToken());
        System.out
                .println("  OAuth client:  " + StoraSimulator.DEFAULT_CLIENT_ID + " / " + StoraSimulator.DEFAULT_CLIENT_SECRET);
        System.out.println("  Control API:   " + simulator.baseUrl() + ControlRoutes.PREFIX + "/info");
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    static StoraSimulator.Builder parse(String[] args) {
        StoraSimulator.Builder builder = StoraSimulator.builder().port(8099);
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing value for " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> builder.port(Integer.parseInt(value));
                case "--host" -> builder.host(value);
                case "--seed" -> builder.seed(switch (value) {
                    case "small" -> Seed.SMALL;
                    case "empty" -> Seed.EMPTY;
                    default -> Seed.contacts(Integer.parseInt(value));
                });
                case "--rate-limit" -> {
                    if (value.equals("off")) {
                        builder.rateLimitDisabled();
                    } else {
                        String[] limits = value.split("/");
                        builder.rateLimit(Integer.parseInt(limits[0]), Integer.parseInt(limits[1]));
                    }
                }
                case "--rate-limit-mode" ->
                    builder.rateLimitMode(value.equals("fixed") ? RateLimitMode.FIXED_WINDOW : RateLimitMode.SLIDING_WINDOW);
                case "--token" -> builder.accessToken(value);
                case "--token-lifetime" -> builder.tokenLifetime(Duration.ofSeconds(Long.parseLong(value)));
                case "--webhook-time-scale" -> builder.webhookTimeScale(Double.parseDouble(value));
                case "--auto-reserve" -> builder.autoReserveOnPayment(switch (value) {
                    case "on" -> true;
                    case "off" -> false;
                    default -> throw new IllegalArgumentException("--auto-reserve takes on or off, not " + value);
                });
                case "--latency" -> builder.latency(Duration.ofMillis(Long.parseLong(value)));
                case "--same-second-updates" -> builder.keepUpdatedAtWithinSecond(switch (value) {
                    case "on" -> true;
                    case "off" -> false;
                    default -> throw new IllegalArgumentException("--same-second-updates takes on or off, not " + value);
                });
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
        }
        return builder;
    }
}
