package io.migrescue.cli;

import io.migrescue.playbook.Playbooks;
import java.util.Iterator;

/** The built-in playbook ids, for completion (the shell's Tab, and generated completion scripts). */
final class PlaybookIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Playbooks.BUILT_IN.iterator();
    }
}
