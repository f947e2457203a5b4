package io.migrescue.diff;

import io.migrescue.model.Column;
import io.migrescue.model.Constraint;
import io.migrescue.model.EnumType;
import io.migrescue.model.Index;
import io.migrescue.model.Sequence;

/** The objects a difference is about, each side's version (null where missing): what a fix script is built from. */
public sealed interface Subject {
    /** @param name the schema missing on one side (the same name on both) */
    record OfSchema(String name) implements Subject {}

    record OfTable(TablePair tables) implements Subject {}

    record OfColumn(TablePair tables, Column source, Column target) implements Subject {}

    /** The order of the columns both sides have (cosmetic). */
    record OfColumnOrder(TablePair tables) implements Subject {}

    record OfIndex(TablePair tables, Index source, Index target) implements Subject {}

    record OfConstraint(TablePair tables, Constraint source, Constraint target) implements Subject {}

    /** @param targetSchema where the sequence is, or would be created, in the target */
    record OfSequence(Sequence source, Sequence target, String targetSchema) implements Subject {}

    record OfEnum(EnumType source, EnumType target, String targetSchema) implements Subject {}

    /** A view, materialized view, routine or trigger; @param targetSchema where it is, or would be, in the target */
    record OfDefined(
            io.migrescue.model.DefinedObject source, io.migrescue.model.DefinedObject target, String targetSchema)
            implements Subject {}

    /** Migration history: reported, never scripted (the tool's own history is the tool's business). */
    record OfHistory(String tool) implements Subject {}
}
