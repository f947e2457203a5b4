package io.migrescue.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a lock's holder is named on a progress line. */
class LockHolderTest {

    @Test
    void aPostgresHolderWithItsClientStateAgeAndQuery() {
        LockHolder h = new LockHolder(
                true,
                4242,
                "app",
                "10.0.0.5",
                null,
                "idle in transaction",
                192,
                "RowExclusiveLock",
                "UPDATE orders SET status = 'x'\n  WHERE id = 1");
        assertThat(h.brief())
                .isEqualTo(
                        "pid 4242 (app@10.0.0.5, idle in transaction for 3m12s: UPDATE orders SET status = 'x' WHERE id = 1)");
    }

    @Test
    void aLongQueryIsShortenedAndAMySqlConnectionNamedSo() {
        LockHolder h = new LockHolder(false, 17, "root", "localhost:41234", null, "Sleep", 7, null, "x".repeat(100));
        assertThat(h.brief())
                .startsWith("connection 17 (root@localhost:41234, Sleep for 7s: xxxx")
                .endsWith("x …)");
        assertThat(new LockHolder(false, 17, "root", null, null, "Sleep", 7, null, null).brief())
                .isEqualTo("connection 17 (root, Sleep for 7s)");
    }

    @Test
    void ages() {
        assertThat(LockHolder.age(0)).isEqualTo("0s");
        assertThat(LockHolder.age(59)).isEqualTo("59s");
        assertThat(LockHolder.age(60)).isEqualTo("1m00s");
        assertThat(LockHolder.age(3599)).isEqualTo("59m59s");
        assertThat(LockHolder.age(7500)).isEqualTo("2h05m");
    }
}
