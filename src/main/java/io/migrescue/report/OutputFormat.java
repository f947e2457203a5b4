package io.migrescue.report;

import java.util.function.Supplier;

/** {@code --format}: text for people, JSON for scripts, Markdown for the incident write-up. */
public enum OutputFormat {
    text,
    json,
    markdown;

    /** The one switch on {@code --format}: a renderer names its three ways to write a report, this runs the one asked for. */
    String write(Supplier<String> asJson, Supplier<String> asMarkdown, Supplier<String> asText) {
        return switch (this) {
            case json -> asJson.get();
            case markdown -> asMarkdown.get();
            case text -> asText.get();
        };
    }
}
