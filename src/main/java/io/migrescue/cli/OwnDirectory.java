package io.migrescue.cli;

import io.migrescue.failure.FileFailures;
import io.migrescue.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.Path;

/** Before connecting: a directory the command will write must be usable, else one line and exit 2 naming the option. */
final class OwnDirectory {
    private OwnDirectory() {}

    /** @param option how to choose another, e.g. {@code --backup-dir DIR} */
    static void checkWritable(Path dir, String what, String option) {
        try {
            PrivateFiles.checkWritable(dir);
        } catch (IOException e) {
            throw FileFailures.usage("write " + what, dir, e, "nothing was changed; choose another with " + option);
        }
    }
}
