package io.migrescue.model;

/**
 * A table column.
 *
 * @param type         the type as the engine spells it, e.g. {@code timestamp with time zone}, {@code varchar(255)}
 * @param defaultValue the default expression, or null when there is none
 * @param extra        engine extras: identity / generation on PostgreSQL, {@code auto_increment} etc. on MySQL; empty if none
 */
public record Column(String name, int position, String type, boolean nullable, String defaultValue, String extra) {}
