package io.migrescue.testing;

import io.migrescue.shell.MigrescueShell;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

/**
 * The shell on JLine's dumb terminal over piped streams, driven as a person would: type a line, wait for what the
 * shell prints. Ctrl-C and Ctrl-D are sent as the characters a terminal sends.
 */
public final class ShellDriver implements AutoCloseable {
    public static final String CTRL_C = "\u0003";
    public static final String CTRL_D = "\u0004";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Keys keys = new Keys();
    private final Screen screen = new Screen();
    private final Terminal terminal;
    private final CompletableFuture<Integer> exit;
    private int read;

    private ShellDriver(Map<String, String> environment, Path historyFile) {
        try {
            terminal = new DumbTerminal("test", Terminal.TYPE_DUMB, keys, screen, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Attributes attributes = terminal.getAttributes();
        attributes.setLocalFlag(Attributes.LocalFlag.ISIG, true); // Ctrl-C raises SIGINT, as on a real terminal
        attributes.setControlChar(Attributes.ControlChar.VINTR, 3);
        attributes.setControlChar(Attributes.ControlChar.VEOF, 4);
        terminal.setAttributes(attributes);
        exit = CompletableFuture.supplyAsync(() -> new MigrescueShell(terminal, environment, historyFile).run());
    }

    public static ShellDriver start(Map<String, String> environment, Path historyFile) {
        ShellDriver driver = new ShellDriver(environment, historyFile);
        driver.expect("> ");
        return driver;
    }

    /** Types the line and Enter. */
    public ShellDriver type(String line) {
        keys.send(line + "\r");
        return this;
    }

    /** Sends keys as they are (Ctrl-C, Ctrl-D, a line without Enter). */
    public ShellDriver keys(String keys) {
        this.keys.send(keys);
        return this;
    }

    /** Waits until {@code text} appears after what was read so far; returns what was printed up to and including it. */
    public String expect(String text) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String all = screen.text();
            int at = all.indexOf(text, read);
            if (at >= 0) {
                String seen = all.substring(read, at + text.length());
                read = at + text.length();
                return seen;
            }
            if (exit.isDone()) {
                break;
            }
            sleep();
        }
        throw new AssertionError("the shell did not print '" + text + "'; after the last expectation it printed:\n"
                + screen.text().substring(read));
    }

    /** Waits until one of {@code texts} appears; returns the index of the one that appeared first. */
    public int expectEither(String... texts) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String all = screen.text();
            int best = -1;
            int bestAt = Integer.MAX_VALUE;
            for (int i = 0; i < texts.length; i++) {
                int at = all.indexOf(texts[i], read);
                if (at >= 0 && at < bestAt) {
                    best = i;
                    bestAt = at;
                }
            }
            if (best >= 0) {
                read = bestAt + texts[best].length();
                return best;
            }
            if (exit.isDone()) {
                break;
            }
            sleep();
        }
        throw new AssertionError("the shell printed none of " + java.util.Arrays.toString(texts)
                + "; after the last expectation:\n" + screen.text().substring(read));
    }

    /** Waits for the next prompt of the main loop. */
    public String prompt() {
        return expect("> ");
    }

    public String transcript() {
        return screen.text();
    }

    public int exitCode() {
        try {
            return exit.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the shell did not end; it printed:\n" + screen.text(), e);
        }
    }

    @Override
    public void close() throws IOException {
        keys.close();
        terminal.close();
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** What the person types, read by the terminal as a blocking stream. */
    private static final class Keys extends InputStream {
        private final LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>();

        void send(String text) {
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                queue.add(b & 0xff);
            }
        }

        @Override
        public int read() throws IOException {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException();
            }
        }

        @Override
        public int available() {
            return queue.size();
        }

        @Override
        public void close() {
            queue.add(-1);
        }
    }

    /** What the shell prints. */
    private static final class Screen extends ByteArrayOutputStream {
        synchronized String text() {
            return toString(StandardCharsets.UTF_8);
        }
    }
}
