package io.migrescue.history;

import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.BoundStatement;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Applied Atlas revisions whose file was edited afterwards. Atlas (sql/migrate dir.go {@code NewHashFile}) hashes a
 * directory as one running SHA-256 over its {@code *.sql} files in name order, name then bytes, and gives each file the
 * base64 of the hash so far; {@code migrate apply} stores that value ({@code HashFile.SumByName}, computed from the files
 * by {@code Dir.Checksum}) in the revision's {@code hash}. So an edit changes the hash of the edited file and of every
 * file after it. Atlas itself only compares {@code atlas.sum} with the files ({@code migrate.Validate}: "You have a
 * checksum error in your migration directory"), which {@code atlas migrate hash} re-sums; the revisions keep the hash
 * of the files as they ran.
 */
public final class AtlasChecksums {
    /** dir.go {@code reDirective}: only the file's first line can hold it (no multi-line flag, printable ASCII). */
    private static final Pattern DIRECTIVE = Pattern.compile("^([ -~]*)atlas:(\\w+)(?: +([ -~]*))*");

    private AtlasChecksums() {}

    /**
     * The first applied revision whose recorded hash is not the one Atlas computes from the files now: the file edited
     * first. Later revisions' hashes differ with it (the hash runs over the directory) and are realigned with it.
     *
     * @param sumStale the directory's {@code atlas.sum} no longer matches its files (Atlas refuses to run until
     *                 {@code atlas migrate hash})
     */
    public record Drift(String version, String recorded, String now, MigrationFile file, boolean sumStale) {}

    public static List<Drift> drifts(List<MigrationHistory> history, List<MigrationFile> files) {
        List<Drift> drifts = new ArrayList<>();
        Optional<Path> dir = directory(files);
        if (dir.isEmpty()) {
            return drifts;
        }
        for (MigrationHistory h : history) {
            if (!AtlasTool.TOOL.equals(h.tool())) {
                continue;
            }
            Map<String, String> now = byVersion(hashFile(dir.get()));
            for (HistoryEntry e : h.entries()) {
                String hash = now.get(e.id());
                if (applied(e) && hash != null && !hash.equals(e.checksum())) {
                    MigrationFile file = files.stream()
                            .filter(f -> f.path() != null
                                    && AtlasTool.version(fileName(f)).equals(e.id()))
                            .findFirst()
                            .orElseThrow();
                    drifts.add(new Drift(e.id(), e.checksum(), hash, file, sumStale(dir.get())));
                    break;
                }
            }
        }
        return drifts;
    }

    /** The hash Atlas records for the file when it applies the directory as it is now. */
    public static String hash(MigrationFile file) {
        return byVersion(hashFile(parent(file))).get(AtlasTool.version(fileName(file)));
    }

    /**
     * What {@code migrate apply} writes on the file's revision and on every later applied one, were it to apply the
     * directory now: each revision whose hash differs gets the directory's hash for its file.
     */
    static List<BoundStatement> realign(Dialect d, MigrationHistory h, MigrationFile file) {
        String version = AtlasTool.version(fileName(file));
        if (HistorySql.entries(h, version).stream().noneMatch(AtlasChecksums::applied)) {
            throw new IllegalStateException("atlas_schema_revisions records no applied revision " + version);
        }
        Map<String, String> now = byVersion(hashFile(parent(file)));
        List<BoundStatement> plan = new ArrayList<>();
        for (HistoryEntry e : h.entries()) {
            String hash = now.get(e.id());
            if (e.id().compareTo(version) >= 0 && applied(e) && hash != null && !hash.equals(e.checksum())) {
                plan.add(BoundStatement.of(
                        "UPDATE " + HistorySql.table(d, h) + " SET " + HistorySql.column(d, "hash") + " = ? WHERE "
                                + HistorySql.column(d, "version") + " = ?",
                        hash,
                        e.id()));
            }
        }
        return plan;
    }

    /** {@code NewHashFile}: file name to its running hash, in Atlas's order; files with {@code atlas:sum ignore} have none. */
    public static Map<String, String> hashFile(Path dir) {
        MessageDigest running = sha256();
        Map<String, String> sums = new LinkedHashMap<>();
        for (Path file : sqlFiles(dir)) {
            String name = file.getFileName().toString();
            byte[] bytes = read(file);
            running.update(name.getBytes(StandardCharsets.UTF_8));
            if ("ignore".equals(sumDirective(new String(bytes, StandardCharsets.UTF_8)))) {
                continue;
            }
            running.update(bytes);
            sums.put(name, Base64.getEncoder().encodeToString(clone(running).digest()));
        }
        return sums;
    }

    /** {@code HashFile.MarshalText}: what {@code atlas migrate hash} writes to {@code atlas.sum}. */
    public static String sumFileText(Map<String, String> sums) {
        MessageDigest total = sha256();
        StringBuilder lines = new StringBuilder();
        sums.forEach((name, hash) -> {
            total.update(name.getBytes(StandardCharsets.UTF_8));
            total.update(hash.getBytes(StandardCharsets.UTF_8));
            lines.append(name).append(" h1:").append(hash).append('\n');
        });
        return "h1:" + Base64.getEncoder().encodeToString(total.digest()) + "\n" + lines;
    }

    /** Atlas's {@code Validate} fails: {@code atlas.sum} is missing or does not sum the files as they are now. */
    public static boolean sumStale(Path dir) {
        Path sum = dir.resolve("atlas.sum");
        if (!Files.isRegularFile(sum)) {
            return true;
        }
        String[] lines = MigrationNames.read(sum).split("\n", 2);
        String now = sumFileText(hashFile(dir)).split("\n", 2)[0];
        return !lines[0].strip().equals(now);
    }

    /** The argument of a first-line {@code atlas:sum} directive, or null (dir.go {@code directive(content, "sum")}). */
    static String sumDirective(String content) {
        Matcher m = DIRECTIVE.matcher(content);
        return m.find() && m.group(2).equals("sum") ? (m.group(3) == null ? "" : m.group(3)) : null;
    }

    private static boolean applied(HistoryEntry e) {
        return e.state() == EntryState.APPLIED
                && e.checksum() != null
                && !e.checksum().isEmpty();
    }

    private static Map<String, String> byVersion(Map<String, String> sums) {
        Map<String, String> out = new LinkedHashMap<>();
        sums.forEach((name, hash) -> out.putIfAbsent(AtlasTool.version(name), hash));
        return out;
    }

    /** {@code LocalDir.Files}: {@code *.sql} directly in the directory, sorted as Go sorts strings (by bytes). */
    private static List<Path> sqlFiles(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".sql") && Files.isRegularFile(p))
                    .sorted((a, b) -> Arrays.compareUnsigned(utf8(a), utf8(b)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static Optional<Path> directory(List<MigrationFile> files) {
        return files.stream()
                .filter(f -> f.path() != null && fileName(f).endsWith(".sql"))
                .map(AtlasChecksums::parent)
                .filter(p -> Files.isRegularFile(p.resolve("atlas.sum")))
                .findFirst();
    }

    private static Path parent(MigrationFile file) {
        return file.path().toAbsolutePath().getParent();
    }

    private static String fileName(MigrationFile f) {
        return f.path().getFileName().toString();
    }

    private static byte[] utf8(Path p) {
        return p.getFileName().toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static MessageDigest sha256() {
        return io.migrescue.files.Digests.digest("SHA-256");
    }

    /** Go's {@code h.Sum(nil)} reads the running hash without ending it. */
    private static MessageDigest clone(MessageDigest running) {
        try {
            return (MessageDigest) running.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }
}
