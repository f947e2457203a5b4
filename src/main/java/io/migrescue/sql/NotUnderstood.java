package io.migrescue.sql;

/** A statement (or part of one) the effect readers cannot turn into effects; its message becomes the reason. */
final class NotUnderstood extends Exception {

    NotUnderstood(String reason) {
        super(reason, null, false, false);
    }
}
