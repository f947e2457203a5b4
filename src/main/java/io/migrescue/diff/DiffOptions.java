package io.migrescue.diff;

/**
 * @param columnOrder report columns in another order ({@code --column-order}); cosmetic, off by default
 * @param history     compare the migration histories (off with {@code --no-history})
 */
public record DiffOptions(boolean columnOrder, boolean history) {
    public static DiffOptions defaults() {
        return new DiffOptions(false, true);
    }
}
