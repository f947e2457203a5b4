package io.migrescue.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Writes the man pages; the build runs it to put them in the archive, so it is hidden from help. */
@Command(name = "man", hidden = true, description = "Writes the man pages (section 1) into DIR.")
final class ManCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "The folder to write the pages into (made if missing).")
    Path dir;

    @Override
    public Integer call() {
        CommandLine all = EveryCommand.quiet();
        String version =
                all.getCommandSpec().version().length > 0 ? all.getCommandSpec().version()[0] : "migrescue";
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> page : ManPages.of(all, version).entrySet()) {
                Files.writeString(dir.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the man pages into " + dir, e);
        }
        return 0;
    }
}
