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
package io.camelstora.it.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.camelstora.it.harness.JvmNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What anyone can send to a public webhook URL, against an application as an operator runs it (camel-main with its
 * Vert.x server, a JVM of its own with a 384 MiB heap): a flood of 10 MiB bodies and of requests that announce 5 MB and
 * send nothing, then 1,000 form posts. The application stays up and keeps routing signed events, answers 413 and 415,
 * never 5xx, holds its memory, and writes a bounded number of log lines. Figures in target/hostile-requests-report.txt.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileRequestsIT {

    static final int TEN_MIB = 10 * 1024 * 1024;
    static final Path REPORT = Path.of("target", "hostile-requests-report.txt");

    static JvmNode node;
    static int port;
    static URI url;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startNode() throws IOException {
        port = JvmNode.freePort();
        url = URI.create("http://localhost:" + port + "/stora/webhook");
        node = JvmNode.builder("webhook-hostile", WebhookNode.class).heap("384m").property("node.store", "memory")
                .property("log4j2.configurationFile", "log4j2-node.properties").property("node.port", port).build();
        node.start();
        Files.deleteIfExists(REPORT);
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    @Order(1)
    void aFloodOfLargeAndStalledBodiesIsAnswered413AndTheApplicationStaysUp() throws Exception {
        assertEquals(200, signedDelivery("evt_before_flood").statusCode());
        long rssBefore = node.peakRssKib();

        ExecutorService clients = Executors.newFixedThreadPool(132);
        List<Future<String>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 32; i++) {
                boolean chunked = i % 2 == 1;
                answers.add(clients.submit(() -> post10MiB(chunked)));
            }
            for (int i = 0; i < 100; i++) {
                answers.add(clients.submit(HostileRequestsIT::announce5MBAndSendNothing));
            }
            Map<String, Integer> outcomes = new TreeMap<>();
            for (Future<String> answer : answers) {
                outcomes.merge(answer.get(2, TimeUnit.MINUTES), 1, Integer::sum);
            }
            assertTrue(node.isAlive(), "the node died:\n" + String.join("\n", node.logSinceStart()));
            HttpResponse<String> after = signedDelivery("evt_after_flood");
            assertEquals(200, after.statusCode(), "signed events are still routed: " + after.body());
            long rssAfter = node.peakRssKib();
            report("flood: 32 concurrent unsigned 10 MiB POSTs (16 with Content-Length, 16 chunked) and 100 requests"
                    + " announcing 5 MB that send nothing, against -Xmx384m");
            report("  answers: " + outcomes);
            report("  peak RSS (VmHWM) of the node: " + rssBefore / 1024 + " MiB before, " + rssAfter / 1024 + " MiB after");
            assertEquals(Map.of("413", 132), outcomes);
            // the heap is fixed at 384 MiB; the flood's 330 MB of bodies must not have been taken in on top of it
            assertTrue(rssAfter < 600 * 1024, "peak RSS " + rssAfter + " KiB");
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    @Order(2)
    void aThousandUnsignedFormPostsGetNo5xxAndABoundedNumberOfLogLines() throws Exception {
        int linesBefore = node.log().size();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < 1000; i++) {
            HttpRequest request = i % 2 == 0
                    ? HttpRequest.newBuilder(url).header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("event=" + i + "&X-Stora-Signature=t%3D1%2Cv1%3Dab"))
                            .build()
                    : HttpRequest.newBuilder(url).header("Content-Type", "multipart/form-data; boundary=b" + i)
                            .POST(HttpRequest.BodyPublishers.ofString("--b" + i + "\r\nContent-Disposition: form-data;"
                                    + " name=\"file\"; filename=\"x.json\"\r\n\r\n{}\r\n--b"
                                    + i + "--\r\n"))
                            .build();
            statuses.merge(HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode(), 1, Integer::sum);
        }
        Thread.sleep(500); // lets the node's last lines reach its log
        List<String> added = node.log().subList(linesBefore, node.log().size());
        report("1,000 unsigned form posts (500 urlencoded, 500 multipart): answers " + statuses + ", " + added.size()
                + " log lines");
        for (String line : added) {
            report("  " + line);
        }
        assertEquals(Map.of(415, 1000), statuses);
        assertTrue(added.size() <= 2, "log lines: " + added);
    }

    @Test
    @Order(3)
    void clientsThatAnnounceABodyAndSendNothingHoldNoWorkerThread() throws Exception {
        // more than the 20 worker threads platform-http's routes share on camel-main, each within maxBodySize
        List<Socket> silent = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                Socket socket = new Socket("localhost", port);
                socket.getOutputStream().write(("POST /stora/webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type:"
                        + " application/json\r\nContent-Length: 500\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                silent.add(socket);
            }
            Thread.sleep(500); // every one of them has reached the node
            HttpResponse<String> delivery = signedDelivery("evt_beside_silent");
            int unanswered = 0;
            for (Socket socket : silent) {
                socket.setSoTimeout(1);
                try {
                    socket.getInputStream().read(); // an answer's first byte, or the end of a closed connection
                } catch (SocketTimeoutException stillWaiting) {
                    unanswered++;
                }
            }
            report("40 clients announcing 500 bytes and sending nothing (bodyTimeout 10 s): a signed delivery beside them"
                    + " answered " + delivery.statusCode() + " while " + unanswered + " of the 40 were still unanswered");
            assertEquals(200, delivery.statusCode(), delivery.body());
            // answered at once, not after their bodyTimeout freed the worker threads they would have held
            assertEquals(40, unanswered);
        } finally {
            for (Socket socket : silent) {
                socket.close();
            }
        }
    }

    private static HttpResponse<String> signedDelivery(String id) throws Exception {
        return HTTP.send(WebhookNodesIT.delivery(url, WebhookNodesIT.event(id, "{\"id\":\"inv_1\"}"), id + "-a2"),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends 10 MiB of unsigned "JSON" while reading the answer; the status, or what happened instead. */
    private static String post10MiB(boolean chunked) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /stora/webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + (chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + TEN_MIB) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            ExecutorService reader = Executors.newSingleThreadExecutor();
            Future<String> status = reader.submit(statusOf(socket.getInputStream()));
            reader.shutdown();
            byte[] block = new byte[64 * 1024];
            Arrays.fill(block, (byte) ' ');
            try {
                for (int sent = 0; sent < TEN_MIB && !status.isDone(); sent += block.length) {
                    if (chunked) {
                        out.write((Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(block);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                }
            } catch (IOException closedByTheServer) {
                // refused: the answer is already on its way
            }
            return status.get(60, TimeUnit.SECONDS);
        }
    }

    private static String announce5MBAndSendNothing() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(("POST /stora/webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type:"
                    + " application/json\r\nContent-Length: 5000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return statusOf(socket.getInputStream()).call();
        }
    }

    /** Reads the status code of the answer, or names what came instead. */
    private static Callable<String> statusOf(InputStream in) {
        return () -> {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            try {
                for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                    line.write(b);
                }
            } catch (IOException e) {
                return "no answer: " + e.getMessage();
            }
            String status = line.toString(StandardCharsets.US_ASCII);
            return status.length() >= 12 ? status.substring(9, 12) : "no answer: '" + status + "'";
        };
    }

    private static void report(String line) throws IOException {
        System.out.println(line);
        Files.writeString(REPORT, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
