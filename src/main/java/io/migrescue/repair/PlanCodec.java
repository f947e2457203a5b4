package io.migrescue.repair;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import io.migrescue.playbook.Check;
import io.migrescue.playbook.Plan;
import io.migrescue.playbook.SavedPlan;
import io.migrescue.sql.Effect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The executable plan as {@code plan.json} beside the journal, so that {@code resume} runs exactly what was planned,
 * not a new plan made from a database the interrupted repair has already changed; and the reviewed plan a dry run
 * saves ({@code --save-plan}), in the same form, for {@code repair --plan} to run.
 */
public final class PlanCodec {
    static final String FILE = "plan.json";

    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, property = "@type")
    private interface Typed {}

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addMixIn(Check.class, Typed.class)
            .addMixIn(Effect.class, Typed.class)
            // only our own records may be named in the file
            .setPolymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                    .allowIfSubType("io.migrescue.")
                    .build());

    private PlanCodec() {}

    static void write(Plan plan, Path dir) {
        try {
            JSON.writeValue(io.migrescue.files.PrivateFiles.newOutput(dir.resolve(FILE)), plan);
        } catch (IOException e) {
            throw io.migrescue.failure.FileFailures.usage(
                    "write the plan", dir.resolve(FILE), e, "choose another directory with --backup-dir DIR");
        }
    }

    /** Writes the reviewed plan to {@code file} (created or replaced). */
    public static void save(SavedPlan saved, Path file) {
        try {
            JSON.writeValue(file.toFile(), saved);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The plan {@link #save} wrote; an unreadable or foreign file is an {@link UncheckedIOException} saying why. */
    public static SavedPlan load(Path file) {
        try {
            SavedPlan saved = JSON.readValue(file.toFile(), SavedPlan.class);
            if (saved.plan() == null || saved.fingerprint() == null) {
                throw new IOException("not a plan saved by repair --save-plan");
            }
            return saved;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the plan " + file + ": "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
    }

    static Plan read(Path dir) {
        try {
            return JSON.readValue(dir.resolve(FILE).toFile(), Plan.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }
}
