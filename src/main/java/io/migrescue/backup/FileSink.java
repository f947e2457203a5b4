package io.migrescue.backup;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * One file of a backup being written: digested on the way out and forced to disk before it counts as written,
 * because the point of a backup is that it survives whatever the repair does next.
 */
final class FileSink implements AutoCloseable {
    private final String name;
    private final FileOutputStream file;
    private final FileDigest.Output digest;
    private final OutputStream buffered;
    private boolean finished;

    private FileSink(String name, FileOutputStream file, LongConsumer onLines) {
        this.name = name;
        this.file = file;
        this.digest = new FileDigest.Output(file, onLines);
        this.buffered = new BufferedOutputStream(digest, 256 * 1024);
    }

    static FileSink create(Path dir, String name, LongConsumer onLines) throws IOException {
        return new FileSink(name, io.migrescue.files.PrivateFiles.newOutput(dir.resolve(name)), onLines);
    }

    OutputStream stream() {
        return buffered;
    }

    /** Flushes, syncs and closes the file; returns what the manifest records of it and how many lines it has. */
    FileDigest.Summary finish() throws IOException {
        buffered.flush();
        file.getFD().sync();
        finished = true;
        file.close();
        return digest.summary();
    }

    String name() {
        return name;
    }

    @Override
    public void close() throws IOException {
        if (!finished) {
            file.close(); // failed part way: the caller reports the failure, the half file is never in a manifest
        }
    }
}
