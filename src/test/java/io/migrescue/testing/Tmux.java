package io.migrescue.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A program in a tmux session of its own (its own server socket), driven with {@code send-keys} and read with
 * {@code capture-pane}: a real terminal, as a person has, for end-to-end tests of the shell.
 */
public final class Tmux implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private final String socket = "mrt-" + UUID.randomUUID().toString().substring(0, 8);
    private final String target = "shell";

    private Tmux() {}

    /** Starts {@code command} (run by sh) in {@code dir}, on a 200×60 terminal. */
    public static Tmux start(Path dir, String command) {
        return start(dir, command, 200);
    }

    /** Starts {@code command} (run by sh) in {@code dir}, on a terminal {@code columns} wide and 60 lines high. */
    public static Tmux start(Path dir, String command, int columns) {
        Tmux tmux = new Tmux();
        tmux.run(
                "new-session",
                "-d",
                "-s",
                tmux.target,
                "-x",
                String.valueOf(columns),
                "-y",
                "60",
                "-c",
                dir.toString(),
                command);
        tmux.run("set-option", "-t", tmux.target, "history-limit", "50000");
        return tmux;
    }

    /** Types the text literally (no key names), then Enter. */
    public Tmux type(String text) {
        if (!text.isEmpty()) {
            run("send-keys", "-t", target, "-l", text);
        }
        run("send-keys", "-t", target, "Enter");
        return this;
    }

    /** Sends key names (C-c, C-d, Tab, Enter). */
    public Tmux keys(String... keys) {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", target));
        args.addAll(List.of(keys));
        run(args.toArray(String[]::new));
        return this;
    }

    /** Pastes the text as a terminal pastes it: bracketed, when the program asked for bracketed paste. */
    public Tmux paste(String text) {
        try {
            Path file = Files.createTempFile("mrt-paste", ".txt");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            run("load-buffer", "-b", "mrt", file.toString());
            run("paste-buffer", "-p", "-d", "-b", "mrt", "-t", target);
            Files.delete(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return this;
    }

    /** The whole screen and its scrollback, as plain text (no colours), wrapped lines joined. */
    public String capture() {
        return run("capture-pane", "-p", "-J", "-S", "-", "-t", target);
    }

    /** The screen and its scrollback as the terminal shows it: a line the terminal wrapped stays two lines. */
    public String captureAsShown() {
        return run("capture-pane", "-p", "-S", "-", "-t", target);
    }

    /** Waits until the screen holds {@code text} at least {@code times} times; returns the capture. */
    public String waitFor(String text, int times) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = alive() ? capture() : screen;
            if (count(screen, text) >= times) {
                return screen;
            }
            if (!alive()) {
                break;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the screen did not show '" + text + "' (" + times + "×); it shows:\n" + screen);
    }

    public String waitFor(String text) {
        return waitFor(text, 1);
    }

    public boolean alive() {
        try {
            Process p = new ProcessBuilder("tmux", "-L", socket, "has-session", "-t", target)
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static int count(String haystack, String needle) {
        int n = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length())) {
            n++;
        }
        return n;
    }

    private String run(String... args) {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("tmux is needed for this test (apt-get install tmux): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        try {
            new ProcessBuilder("tmux", "-L", socket, "kill-server")
                    .redirectErrorStream(true)
                    .start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // nothing left to stop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
