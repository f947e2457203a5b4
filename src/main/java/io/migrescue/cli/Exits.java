package io.migrescue.cli;

import io.migrescue.failure.ExitCode;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The exit codes a command can end with, and what each means for it: its help's and its man page's "Exit:" line are
 * made from this, so the codes come from {@link ExitCode} and cannot drift from what the command returns.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface Exits {
    Exit[] value();

    /** One code; {@code means} says what it means for this command, else the code's own brief meaning. */
    @Retention(RetentionPolicy.RUNTIME)
    @interface Exit {
        ExitCode value();

        String means() default "";
    }
}
