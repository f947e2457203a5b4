package io.migrescue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class UncaughtFailureTest {
    @Test
    void anErrorThatEscapesPicocliIsOneLineAndExit70() {
        StringWriter err = new StringWriter();
        int code = UncaughtFailure.report(new StackOverflowError(), new PrintWriter(err, true));
        assertThat(code).isEqualTo(70);
        assertThat(err.toString())
                .hasLineCount(1)
                .startsWith("migrescue: internal error: java.lang.StackOverflowError (this is a bug; ")
                .doesNotContain("\tat ");
    }
}
