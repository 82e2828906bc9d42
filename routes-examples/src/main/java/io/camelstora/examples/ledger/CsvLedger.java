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
package io.camelstora.examples.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.camelstora.examples.support.Csv;
import org.apache.camel.Body;

/**
 * An append-only CSV ledger file: a header line when the file is new, then one line per entry.
 * <p>
 * Why not Camel's file producer with {@code fileExist=Append}: the webhook consumer acknowledges an event as soon as
 * the route completes, and Stora never sends an acknowledged event again. So a line must be on disk, not in the page
 * cache, when {@link #append} returns, and the header must be written exactly once however many deliveries arrive at
 * the same time. Camel 4.18's file producer writes no header of its own, and does not force what it wrote to disk (its
 * {@code forceWrites} option is not applied when it writes a stream). Appends are serialised within this JVM; one
 * ledger file per node.
 */
public final class CsvLedger {

    private static final CsvSchema COLUMNS = Csv.schema(LedgerEntry.class);
    private static final ObjectWriter HEADER = Csv.MAPPER.writer(COLUMNS.withHeader());
    private static final ObjectWriter LINE = Csv.MAPPER.writer(COLUMNS.withoutHeader());

    private final Path file;

    public CsvLedger(String file) {
        this.file = Path.of(file).toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    /** Appends the entry and forces it to disk; the file and its directory are created when missing. */
    public synchronized void append(@Body LedgerEntry entry) throws IOException {
        Files.createDirectories(file.getParent());
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        String text = (fresh ? HEADER : LINE).writeValueAsString(entry);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
    }
}
