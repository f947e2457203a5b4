package io.migrescue.backup;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes a data file through, telling {@link Progress} as rows (lines) go by. */
final class LineProgressInput extends FilterInputStream {
    private final Progress progress;

    LineProgressInput(InputStream in, Progress progress) {
        super(in);
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b == '\n') {
            progress.advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        long lines = 0;
        for (int i = off; i < off + n; i++) {
            if (b[i] == '\n') {
                lines++;
            }
        }
        if (lines > 0) {
            progress.advance(lines);
        }
        return n;
    }
}
