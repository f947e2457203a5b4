package io.migrescue.playbook;

/** A playbook file that does not load or validate: the message names the file and the problem. */
public final class PlaybookException extends RuntimeException {
    public PlaybookException(String message) {
        super(message);
    }
}
