package io.migrescue.repair;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrescue.db.Redaction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The repair's journal: one JSON line per event, forced to disk before the step it announces runs, so that a repair
 * killed at any point can be resumed or rolled back. Secrets are scrubbed from every line.
 */
public final class Journal {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    private Journal(Path file) {
        this.file = file;
    }

    public static Journal create(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the journal " + file, e);
        }
        return new Journal(file);
    }

    public static Journal open(Path file) {
        return new Journal(file);
    }

    public Path file() {
        return file;
    }

    public void write(String event, Map<String, Object> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("at", Instant.now().toString());
        line.put("event", event);
        line.putAll(fields);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            byte[] bytes = (Redaction.scrub(JSON.writeValueAsString(line)) + "\n").getBytes(StandardCharsets.UTF_8);
            channel.write(java.nio.ByteBuffer.wrap(bytes));
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal " + file, e);
        }
        CrashPoint.journalled(event, fields);
    }

    public List<JsonNode> read() {
        try {
            List<JsonNode> events = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    events.add(JSON.readTree(line));
                }
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal " + file, e);
        }
    }
}
