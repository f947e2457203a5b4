package io.migrescue.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.migrescue.diagnosis.FindingKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The error-text reader ({@code explain}'s parsing path) over hostile input: the recorded real error texts, mutated
 * with huge runs of whitespace, huge tokens, deeply nested brackets and quotes, binary noise, endless blank lines,
 * and generated text. Each input runs in its own thread (a normal stack) and must finish within a generous bound
 * ({@link #BOUND_SECONDS}: a bound against hangs, not a timing measurement; the real figures are in bench/README.md)
 * without any exception, stack overflow included.
 */
class ExplainFuzzTest {
    private static final long BOUND_SECONDS = 20;
    private static final List<String> SEEDS = seeds();

    enum Mutation {
        SPACES,
        NEWLINES,
        TOKEN,
        BRACKETS,
        QUOTES,
        BACKSLASHES,
        BINARY,
        REPEATED_LINE,
        NOTHING
    }

    record Input(int seed, Mutation mutation, int at, int size, char unit, long noise) {
        String text() {
            String base = SEEDS.get(seed);
            int cut = Math.min(at, base.length());
            String inserted = switch (mutation) {
                case SPACES -> " ".repeat(size);
                case NEWLINES -> "\n".repeat(size);
                case TOKEN -> String.valueOf(unit).repeat(size);
                case BRACKETS -> "([{".repeat(size / 3) + "x" + "}])".repeat(size / 3);
                case QUOTES -> ("'\"`" + unit).repeat(size / 4);
                case BACKSLASHES -> ("\\\"" + unit).repeat(size / 3);
                case BINARY -> binary(size, noise);
                case REPEATED_LINE -> (base.lines().findFirst().orElse("x") + "\n").repeat(Math.max(1, size / 80));
                case NOTHING -> "";
            };
            return base.substring(0, cut) + inserted + base.substring(cut);
        }

        @Override
        public String toString() {
            return mutation + " of " + size + " '" + unit + "' at " + at + " in seed #" + seed;
        }
    }

    @Property(tries = 250)
    void everyMutatedErrorTextIsReadInBoundedTime(@ForAll("inputs") Input input) {
        String text = input.text();
        runBounded(input.toString(), text);
    }

    @Property(tries = 100)
    void generatedTextIsReadInBoundedTime(@ForAll("noise") String text) {
        runBounded("generated text of " + text.length() + " chars", text);
    }

    @Test
    void theErrorAtTheEndOfATenMegabyteLogIsFoundAndTheCutIsNamed() {
        String log = "INFO  starting the deploy, step " + "x".repeat(60) + "\n";
        String text = log.repeat(10 * 1024 * 1024 / log.length())
                + "ERROR 1060 (42S21) at line 1: Duplicate column name 'phone'\n";
        DiagnosisReport report = runBounded("10 MB log", text);
        assertThat(report.errorKind()).isEqualTo(FindingKind.DUPLICATE_COLUMN);
        assertThat(report.notes()).anyMatch(n -> n.startsWith("error text cut at 1 MiB") && n.contains("lines 1-"));
    }

    @Test
    void aMySqlLineFollowedByFiftyThousandSpacesAndAHugeTokenIsStillRead() {
        String line = "ERROR 1060 (42S21) at line 1: Duplicate column name 'phone'";
        DiagnosisReport spaces = runBounded("spaces", line + " ".repeat(50_000) + "\n" + "y".repeat(58 * 1024));
        assertThat(spaces.errorKind()).isEqualTo(FindingKind.DUPLICATE_COLUMN);
        assertThat(spaces.notes())
                .anyMatch(n -> n.contains("longer than 8 KiB") && n.contains("line 2"))
                .anyMatch(n -> n.contains("runs of more than 64 spaces shortened (line 1)"));
        DiagnosisReport nested = runBounded("nested", "(".repeat(100_000) + line + ")".repeat(100_000));
        assertThat(nested.notes()).isNotEmpty();
    }

    private static DiagnosisReport runBounded(String what, String text) {
        FutureTask<DiagnosisReport> task = new FutureTask<>(() -> ExplainUseCase.run(text));
        Thread thread = new Thread(task, "explain-fuzz");
        thread.setDaemon(true); // a runaway reader must not keep the test JVM alive
        thread.start();
        try {
            return task.get(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            return fail("explain did not finish within " + BOUND_SECONDS + " s on " + what);
        } catch (ExecutionException e) {
            return fail("explain failed on " + what + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    @Provide
    Arbitrary<Input> inputs() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, SEEDS.size() - 1),
                        Arbitraries.of(Mutation.class),
                        Arbitraries.integers().between(0, 4000),
                        Arbitraries.integers().between(1, 200_000),
                        Arbitraries.of('x', '(', ')', '[', '\'', '"', '`', ' ', '\t', 'é', '\\', '-', ':', 'A'),
                        Arbitraries.longs())
                .as(Input::new);
    }

    @Provide
    Arbitrary<String> noise() {
        Arbitrary<String> words = Arbitraries.of(
                "ERROR:",
                "FATAL:",
                "ERROR 1062 (23000):",
                "Duplicate entry '",
                "' for key '",
                "relation \"",
                "\" already exists",
                "SQLSTATE[",
                "]: ",
                "(",
                ")",
                "[",
                "]",
                "`",
                "'",
                "\"",
                " ",
                "  ",
                "\n",
                "\t",
                "Migration failed for change set",
                "[Failed SQL: (1050) ",
                "detail: Some(\"",
                "\\\"",
                "psql:",
                ":12: ",
                "Key (",
                ")=(",
                "Caused by: ",
                "org.postgresql.util.PSQLException: ",
                "(1050, \"",
                "Migration V2__x.sql failed");
        return words.list().ofMinSize(1).ofMaxSize(4000).map(l -> String.join("", l));
    }

    private static String binary(int size, long seed) {
        java.util.Random random = new java.util.Random(seed);
        StringBuilder out = new StringBuilder(size);
        for (int i = 0; i < size; i++) {
            out.append((char) random.nextInt(256));
        }
        return out.toString();
    }

    private static List<String> seeds() {
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/errors"))) {
            List<Path> texts =
                    files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            assertThat(texts).hasSizeGreaterThan(50);
            return texts.stream()
                    .map(p -> {
                        try {
                            return Files.readString(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
