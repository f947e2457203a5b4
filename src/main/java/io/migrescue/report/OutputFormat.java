package io.migrescue.report;

/** {@code --format}: text for people, JSON for scripts, Markdown for the incident write-up. */
public enum OutputFormat {
    text,
    json,
    markdown
}
