package io.migrescue.diagnosis;

import io.migrescue.sql.Effect;
import java.util.List;

/** Every name an effect writes (tables, columns, indexes, constraints): the names whose stored spelling may differ. */
final class EffectNames {
    private EffectNames() {}

    static List<String> of(Effect effect) {
        List<String> names = new java.util.ArrayList<>(effect.tables());
        if (effect instanceof Effect.CreateTable e) {
            e.columns().forEach(c -> names.add(c.name()));
            e.constraints().forEach(c -> names.add(c.name()));
        } else if (effect instanceof Effect.AddColumn e) {
            names.add(e.column().name());
        } else if (effect instanceof Effect.DropColumn e) {
            names.add(e.column());
        } else if (effect instanceof Effect.RenameColumn e) {
            names.addAll(java.util.Arrays.asList(e.from(), e.to()));
        } else if (effect instanceof Effect.ModifyColumn e) {
            names.add(e.column());
            names.add(e.newName());
        } else if (effect instanceof Effect.SetColumnDefault e) {
            names.add(e.column());
        } else if (effect instanceof Effect.AddConstraint e) {
            names.add(e.constraint().name());
        } else if (effect instanceof Effect.DropConstraint e) {
            names.add(e.name());
        } else if (effect instanceof Effect.RenameConstraint e) {
            names.addAll(java.util.Arrays.asList(e.from(), e.to()));
        } else if (effect instanceof Effect.CreateIndex e) {
            names.add(e.name());
        } else if (effect instanceof Effect.DropIndex e) {
            names.add(e.name());
        } else if (effect instanceof Effect.RenameIndex e) {
            names.addAll(java.util.Arrays.asList(e.from(), e.to()));
        }
        return names;
    }
}
