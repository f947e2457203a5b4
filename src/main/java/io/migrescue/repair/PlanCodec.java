package io.migrescue.repair;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import io.migrescue.playbook.Check;
import io.migrescue.playbook.Plan;
import io.migrescue.sql.Effect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The executable plan as {@code plan.json} beside the journal, so that {@code resume} runs exactly what was planned,
 * not a new plan made from a database the interrupted repair has already changed.
 */
final class PlanCodec {
    static final String FILE = "plan.json";

    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, property = "@type")
    private interface Typed {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addMixIn(Check.class, Typed.class)
            .addMixIn(Effect.class, Typed.class)
            // only our own records may be named in the file
            .setPolymorphicTypeValidator(BasicPolymorphicTypeValidator.builder().allowIfSubType("io.migrescue.").build());

    private PlanCodec() {
    }

    static void write(Plan plan, Path dir) {
        try {
            JSON.writeValue(io.migrescue.files.PrivateFiles.newOutput(dir.resolve(FILE)), plan);
        } catch (IOException e) {
            throw io.migrescue.failure.FileFailures.usage("write the plan", dir.resolve(FILE), e, "choose another directory with --backup-dir DIR");
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
