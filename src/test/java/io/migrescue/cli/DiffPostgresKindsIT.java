package io.migrescue.cli;

import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.DiffPairs;
import io.migrescue.testing.ScratchDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DiffPostgresKindsIT {
    @Test
    void explore(@TempDir Path dir) throws Exception {
        try (ScratchDatabase source = ScratchDatabase.create(Engine.POSTGRESQL, "diff kinds source");
             ScratchDatabase target = ScratchDatabase.create(Engine.POSTGRESQL, "diff kinds target")) {
            source.execute("DO $$ BEGIN CREATE ROLE mrt_kinds_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
                    "DO $$ BEGIN CREATE ROLE mrt_kinds_writer; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            DiffPairs.load(source, "pg-kinds-source.sql");
            DiffPairs.load(target, "pg-kinds-target.sql");
            CliRun first = DiffPairs.diff(source, target, "--format", "json", "--privileges");
            System.out.println("FIRST " + first.all());
            Path rollback = dir.resolve("undo.sql");
            CliRun fix = DiffPairs.diff(source, target, "--format", "sql", "--privileges", "--allow-destructive", "--rollback", rollback.toString());
            System.out.println("FIX " + fix.all());
            System.out.println("UNDO " + Files.readString(rollback));
            DiffPairs.run(target, fix.out());
            CliRun second = DiffPairs.diff(source, target, "--format", "json", "--privileges");
            System.out.println("SECOND " + second.all());
            assertThat(second.exitCode()).isZero();
        }
    }
}
