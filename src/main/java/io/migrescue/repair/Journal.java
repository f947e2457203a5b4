package io.migrescue.repair;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrescue.db.Redaction;
import io.migrescue.failure.ExitCode;
import io.migrescue.failure.FileFailures;
import io.migrescue.files.PrivateFiles;
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
    /** Nothing has happened yet that the journal must tell: a failure to write its first line stops before any change. */
    private boolean beforeAnyChange;

    private Journal(Path file, boolean fresh) {
        this.file = file;
        this.beforeAnyChange = fresh;
    }

    /** A new journal (owner-only, in a directory created owner-only); one line and exit 2 when it cannot be made. */
    public static Journal create(Path file) {
        try {
            PrivateFiles.createDirectories(file.getParent());
            PrivateFiles.createNewFile(file);
        } catch (IOException e) {
            throw FileFailures.usage("create the journal", file, e, "choose another directory with --backup-dir DIR");
        }
        return new Journal(file, true);
    }

    public static Journal open(Path file) {
        return new Journal(file, false);
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
            throw beforeAnyChange
                    ? FileFailures.usage(
                            "write the journal",
                            file,
                            e,
                            "nothing was changed; choose another directory with --backup-dir DIR")
                    : FileFailures.of(
                            ExitCode.REPAIR_STOPPED,
                            "write the journal",
                            file,
                            e,
                            "the repair stopped there; once the file can be written, " + "`migrescue resume --from "
                                    + file.getParent() + "` goes on (or --rollback)");
        }
        beforeAnyChange = beforeAnyChange && (event.equals("plan") || event.equals("fingerprint"));
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
