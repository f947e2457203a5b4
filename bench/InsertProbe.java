import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Concurrent insert load for bench/fk-stall.sh: inserts one child row at a time (autocommit, about every 5 ms) for the
 * given seconds and prints the longest single insert, the 99th percentile and the count. An insert that waits on a
 * lock the DDL holds shows up as a long one: that wait is the stall production traffic would feel.
 *
 * Usage: java -cp target/migrescue.jar bench/InsertProbe.java JDBC_URL USER SECONDS
 */
public class InsertProbe {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        long until = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000_000L;
        long[] latencies = new long[200_000];
        int n = 0;
        long worstAt = 0;
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, user, System.getenv().getOrDefault("BENCH_PASSWORD", ""));
             PreparedStatement ps = c.prepareStatement("INSERT INTO child (parent_id, payload) VALUES (?, 'probe')")) {
            while (System.nanoTime() < until && n < latencies.length) {
                ps.setLong(1, 1 + ThreadLocalRandom.current().nextInt(1000));
                long t0 = System.nanoTime();
                ps.executeUpdate();
                long took = System.nanoTime() - t0;
                if (n == 0 || took > Arrays.stream(latencies, 0, n).max().orElse(0)) {
                    worstAt = t0 - start;
                }
                latencies[n++] = took;
                Thread.sleep(5);
            }
        }
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        System.out.printf("inserts=%d max_ms=%.1f p99_ms=%.1f worst_at_s=%.1f%n", n, sorted[n - 1] / 1e6,
                sorted[(int) Math.min(n - 1, Math.floor(n * 0.99))] / 1e6, worstAt / 1e9);
    }
}
