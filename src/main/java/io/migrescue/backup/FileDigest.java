package io.migrescue.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.LongConsumer;

/**
 * SHA-256, size and line count of a file, computed once while it is written and again when it is verified. Both
 * data formats hold one row per line, so the line count is the row count.
 */
final class FileDigest {
    private static final int BUFFER = 64 * 1024;

    private FileDigest() {}

    record Summary(long bytes, String sha256, long lines) {
        BackupFile as(String name) {
            return new BackupFile(name, bytes, sha256);
        }
    }

    static Summary of(Path file) throws IOException {
        MessageDigest digest = sha256();
        long bytes = 0;
        long lines = 0;
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                bytes += n;
                lines += newlines(buffer, 0, n);
            }
        }
        return new Summary(bytes, HexFormat.of().formatHex(digest.digest()), lines);
    }

    static MessageDigest sha256() {
        return io.migrescue.files.Digests.digest("SHA-256");
    }

    private static long newlines(byte[] b, int off, int len) {
        long count = 0;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    /** Passes bytes through, keeping the digest, the size and the lines; tells {@code onLines} as lines complete. */
    static final class Output extends FilterOutputStream {
        private final MessageDigest digest = sha256();
        private final LongConsumer onLines;
        private long bytes;
        private long lines;

        Output(OutputStream out, LongConsumer onLines) {
            super(out);
            this.onLines = onLines;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            bytes += len;
            long n = newlines(b, off, len);
            if (n > 0) {
                lines += n;
                onLines.accept(n);
            }
        }

        Summary summary() {
            return new Summary(bytes, HexFormat.of().formatHex(digest.digest()), lines);
        }
    }
}
