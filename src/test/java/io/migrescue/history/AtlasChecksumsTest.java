package io.migrescue.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.model.EntryState;
import io.migrescue.model.HistoryEntry;
import io.migrescue.model.MigrationHistory;
import io.migrescue.sql.Dialect;
import io.migrescue.sql.MigrationFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Atlas's directory hash (sql/migrate dir.go NewHashFile, HashFile.Sum and MarshalText), checked against the
 * algorithm written out step by step on real files: one SHA-256 running over name then bytes of each file in name
 * order, each file's value the base64 of the digest so far.
 */
class AtlasChecksumsTest {
    private static final String INIT = "CREATE TABLE users (id int PRIMARY KEY);\n";
    private static final String ORDERS = "-- orders\nCREATE TABLE orders (id int);\n";

    @TempDir
    Path dir;

    private MigrationFile write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return new MigrationFile(name.replace(".sql", ""), name, file, "plain");
    }

    /** The algorithm, written out: what Atlas stores for the k-th file. */
    private static String running(String... nameThenText) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String part : nameThenText) {
            sha.update(part.getBytes(StandardCharsets.UTF_8));
        }
        return Base64.getEncoder().encodeToString(sha.digest());
    }

    @Test
    void eachFileHasTheRunningHashOfTheDirectoryUpToIt() throws Exception {
        write("20240101000000_init.sql", INIT);
        write("20240201000000_orders.sql", ORDERS);
        Files.writeString(dir.resolve("notes.txt"), "not a migration");

        Map<String, String> sums = AtlasChecksums.hashFile(dir);

        assertThat(sums)
                .containsExactly(
                        Map.entry("20240101000000_init.sql", running("20240101000000_init.sql", INIT)),
                        Map.entry(
                                "20240201000000_orders.sql",
                                running("20240101000000_init.sql", INIT, "20240201000000_orders.sql", ORDERS)));
    }

    @Test
    void theSumFileStartsWithTheHashOfNamesAndHashes() throws Exception {
        write("1_a.sql", INIT);
        Map<String, String> sums = AtlasChecksums.hashFile(dir);
        String h = sums.get("1_a.sql");

        assertThat(AtlasChecksums.sumFileText(sums))
                .isEqualTo("h1:" + running("1_a.sql", h) + "\n1_a.sql h1:" + h + "\n");
        assertThat(AtlasChecksums.sumStale(dir)).isTrue();
        Files.writeString(dir.resolve("atlas.sum"), AtlasChecksums.sumFileText(sums));
        assertThat(AtlasChecksums.sumStale(dir)).isFalse();
        Files.writeString(dir.resolve("1_a.sql"), INIT + "-- edited\n");
        assertThat(AtlasChecksums.sumStale(dir)).isTrue();
    }

    @Test
    void aFileWithTheSumIgnoreDirectiveAddsOnlyItsName() throws Exception {
        String ignored = "-- atlas:sum ignore\nINSERT INTO users VALUES (1);\n";
        write("1_a.sql", INIT);
        write("2_seed.sql", ignored);
        write("3_b.sql", ORDERS);

        assertThat(AtlasChecksums.hashFile(dir))
                .containsOnlyKeys("1_a.sql", "3_b.sql")
                .containsEntry("3_b.sql", running("1_a.sql", INIT, "2_seed.sql", "3_b.sql", ORDERS));
        assertThat(AtlasChecksums.sumDirective("-- atlas:sum ignore\r\n")).isEqualTo("ignore");
        assertThat(AtlasChecksums.sumDirective("-- atlas:sum ignore now\n")).isEqualTo("ignore now");
        assertThat(AtlasChecksums.sumDirective("\n-- atlas:sum ignore\n")).isNull();
    }

    @Test
    void theFirstEditedRevisionIsTheDriftAndRealignRewritesItAndTheLaterOnes() throws Exception {
        MigrationFile init = write("1_init.sql", INIT);
        MigrationFile orders = write("2_orders.sql", ORDERS);
        Map<String, String> before = AtlasChecksums.hashFile(dir);
        Files.writeString(dir.resolve("atlas.sum"), AtlasChecksums.sumFileText(before));
        MigrationHistory h = new MigrationHistory(
                "atlas",
                "atlas_schema_revisions",
                "atlas_schema_revisions",
                List.of(
                        new HistoryEntry("1", "init", EntryState.APPLIED, null, before.get("1_init.sql"), null),
                        new HistoryEntry("2", "orders", EntryState.APPLIED, null, before.get("2_orders.sql"), null)),
                null);
        assertThat(AtlasChecksums.drifts(List.of(h), List.of(init, orders))).isEmpty();

        Files.writeString(init.path(), "-- the users\n" + INIT);
        Map<String, String> after = AtlasChecksums.hashFile(dir);

        assertThat(AtlasChecksums.drifts(List.of(h), List.of(init, orders)))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.version()).isEqualTo("1");
                    assertThat(d.recorded()).isEqualTo(before.get("1_init.sql"));
                    assertThat(d.now()).isEqualTo(after.get("1_init.sql"));
                    assertThat(d.sumStale()).isTrue();
                });
        assertThat(AtlasChecksums.realign(Dialect.of(Engine.MARIADB), h, init))
                .extracting(s -> s.params())
                .containsExactly(List.of(after.get("1_init.sql"), "1"), List.of(after.get("2_orders.sql"), "2"));
        assertThat(AtlasChecksums.hash(orders)).isEqualTo(after.get("2_orders.sql"));
    }
}
