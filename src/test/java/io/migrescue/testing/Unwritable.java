package io.migrescue.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * A directory nobody may write to, for the tests of what migrescue does then. {@code chmod 555} is enough for a
 * normal user; root ignores modes, so there the directory is made immutable ({@code chattr +i}). Either way the
 * directory is proven unwritable before the test goes on, and {@link #close} makes it writable again.
 */
public final class Unwritable implements AutoCloseable {
    private final Path dir;
    private boolean immutable;

    private Unwritable(Path dir) {
        this.dir = dir;
    }

    public static Unwritable make(Path dir) throws Exception {
        Files.createDirectories(dir);
        Unwritable u = new Unwritable(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (writable(dir)) {
            u.immutable = true;
            run("chattr", "+i", dir.toString());
        }
        if (writable(dir)) {
            u.close();
            throw new AssertionError(
                    "cannot make " + dir + " unwritable on this machine (neither chmod nor chattr works)");
        }
        return u;
    }

    public Path dir() {
        return dir;
    }

    private static boolean writable(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    @Override
    public void close() throws Exception {
        if (immutable) {
            run("chattr", "-i", dir.toString());
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
