package io.migrescue.report;

/** How the text and Markdown reports number a finding, so that diagnose and preflight read alike. */
final class FindingTitle {
    private FindingTitle() {}

    /** {@code 1. KIND (severity}: each report closes the parenthesis with what it adds. */
    static String of(int n, String kind, String severity) {
        return n + ". " + kind + " (" + severity;
    }
}
