package io.migrescue.cli;

/** What {@code --version} prints; apart from picocli so that {@code Main} can answer it without building a command line. */
public final class Version {
    private Version() {}

    public static String[] lines() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {
            "migrescue " + (version == null ? "(development build)" : version),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
