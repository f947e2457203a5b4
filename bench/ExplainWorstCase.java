import io.migrescue.app.ExplainUseCase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The error-text reader's worst case: every recorded error text (src/test/resources/errors) mutated the ways that made
 * it slow or overflow before (huge runs of spaces, huge tokens, deep brackets, quotes, backslashes, binary noise,
 * endless blank lines, a 10 MB log), each read by {@code explain}'s parsing path; prints the slowest inputs.
 *
 * <pre>java -Xss2m -cp target/migrescue.jar bench/ExplainWorstCase.java [src/test/resources/errors]</pre>
 */
public class ExplainWorstCase {
    record Timed(String what, int chars, long nanos) {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/errors");
        List<Path> seeds;
        try (Stream<Path> files = Files.walk(dir)) {
            seeds = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        String[] kinds = {"spaces", "token", "brackets", "quotes", "backslashes", "binary", "newlines", "repeated", "log10mb"};
        for (int round = 0; round < 2; round++) { // round 0 warms the JIT up and is not reported
            List<Timed> timed = new ArrayList<>();
            long total = 0;
            for (Path seed : seeds) {
                String text = Files.readString(seed);
                for (String kind : kinds) {
                    if (kind.equals("log10mb") && seed != seeds.get(0) && seed != seeds.get(seeds.size() - 1)) {
                        continue; // two of those are enough
                    }
                    String input = mutate(text, kind, new Random(seed.hashCode() * 31L + kind.hashCode()));
                    long t0 = System.nanoTime();
                    ExplainUseCase.run(input);
                    long nanos = System.nanoTime() - t0;
                    total += nanos;
                    timed.add(new Timed(kind + " " + dir.relativize(seed), input.length(), nanos));
                }
            }
            if (round == 1) {
                timed.sort(Comparator.comparingLong(Timed::nanos).reversed());
                System.out.printf("%d inputs (%d recorded error texts, %d mutations), %.1f s in all, median %.2f ms%n", timed.size(),
                        seeds.size(), kinds.length, total / 1e9, timed.get(timed.size() / 2).nanos() / 1e6);
                System.out.println("slowest:");
                for (Timed t : timed.subList(0, Math.min(5, timed.size()))) {
                    System.out.printf("  %8.1f ms  %,11d chars  %s%n", t.nanos() / 1e6, t.chars(), t.what());
                }
            }
        }
    }

    static String mutate(String text, String kind, Random random) {
        int at = random.nextInt(text.length() + 1);
        int firstLineEnd = text.indexOf('\n') < 0 ? text.length() : text.indexOf('\n');
        String head = text.substring(0, at);
        String tail = text.substring(at);
        return switch (kind) {
            case "spaces" -> text.substring(0, firstLineEnd) + " ".repeat(50_000) + text.substring(firstLineEnd); // 75 s before
            case "token" -> head + "x".repeat(58 * 1024) + tail; // 84 s before
            case "brackets" -> head + "(".repeat(50_000) + "[".repeat(10_000) + "]".repeat(10_000) + ")".repeat(50_000) + tail;
            case "quotes" -> head + "'\"`a".repeat(25_000) + tail;
            case "backslashes" -> text.replace("'", "'" + "\\'x".repeat(10_000));
            case "binary" -> {
                StringBuilder b = new StringBuilder(head);
                for (int i = 0; i < 100_000; i++) {
                    b.append((char) random.nextInt(256));
                }
                yield b.append(tail).toString();
            }
            case "newlines" -> head + "\n".repeat(50_000) + tail;
            case "repeated" -> (text + "\n").repeat(Math.max(1, 2_000_000 / (text.length() + 1)));
            case "log10mb" -> ("INFO  deploy step " + "x".repeat(80) + "\n").repeat(10 * 1024 * 1024 / 99) + text;
            default -> text;
        };
    }
}
