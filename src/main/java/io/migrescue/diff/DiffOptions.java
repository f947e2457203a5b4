package io.migrescue.diff;

/**
 * @param columnOrder report columns in another order ({@code --column-order}); cosmetic, off by default
 * @param history     compare the migration histories (off with {@code --no-history})
 * @param privileges  compare privileges granted on tables and columns ({@code --privileges}); off by default
 */
public record DiffOptions(boolean columnOrder, boolean history, boolean privileges) {
    public DiffOptions(boolean columnOrder, boolean history) {
        this(columnOrder, history, false);
    }

    public static DiffOptions defaults() {
        return new DiffOptions(false, true);
    }
}
