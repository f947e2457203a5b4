package io.migrescue.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;

/** JSON output: field order as built (the contract's order), pretty-printed, one document per run. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    /**
     * The version of the report documents' shape. Scripts check it; it goes up when a field changes meaning or goes
     * away (a new field is no change). 2: checks not run have {@code holds: null}; the backup plan's tables are objects.
     */
    public static final int SCHEMA_VERSION = 2;

    /** A command's report: {@code schemaVersion} first, then its fields in the contract's order. */
    public static String report(java.util.Map<String, Object> document) {
        java.util.Map<String, Object> versioned = new java.util.LinkedHashMap<>();
        versioned.put("schemaVersion", SCHEMA_VERSION);
        versioned.putAll(document);
        return write(versioned);
    }

    public static String write(Object document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
