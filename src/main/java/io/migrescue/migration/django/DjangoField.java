package io.migrescue.migration.django;

import io.migrescue.migration.python.PyExpr;
import java.util.Locale;
import java.util.Optional;

/**
 * One field of a Django model as a migration declares it ({@code models.CharField(max_length=100, null=True)}).
 *
 * @param relatedModel for a ForeignKey/OneToOneField, the target as {@code app.model} in lower case; else null
 */
record DjangoField(
        String name,
        String kind,
        PyExpr.Call call,
        String column,
        boolean primaryKey,
        boolean nullable,
        boolean unique,
        boolean dbIndex,
        String relatedModel,
        boolean dbConstraint,
        PyExpr defaultValue) {

    /** The field of {@code name = call}, its relation resolved against {@code app} for a bare model name. */
    static DjangoField of(String name, PyExpr e, String app) {
        if (!(e instanceof PyExpr.Call call)
                || !call.callee().contains("Field") && !call.last().equals("ForeignKey")) {
            throw new DjangoOps.NotUnderstood();
        }
        String kind = call.last();
        boolean relation = kind.equals("ForeignKey") || kind.equals("OneToOneField");
        if (kind.equals("ManyToManyField")) {
            throw new DjangoOps.NotUnderstood();
        }
        String related = null;
        if (relation) {
            PyExpr to = call.arg(0, "to").orElseThrow(DjangoOps.NotUnderstood::new);
            related = target(to, app);
            if (call.kw("to_field").isPresent()) {
                throw new DjangoOps.NotUnderstood();
            }
        }
        String column = call.kw("db_column").flatMap(PyExpr::string).orElse(relation ? name + "_id" : name);
        boolean pk = flag(call, "primary_key", false);
        boolean unique = flag(call, "unique", false) || pk || kind.equals("OneToOneField");
        boolean dbIndex = flag(call, "db_index", relation || kind.equals("SlugField"));
        return new DjangoField(
                name,
                kind,
                call,
                column,
                pk,
                flag(call, "null", false),
                unique,
                dbIndex,
                related,
                flag(call, "db_constraint", true),
                call.kw("default").orElse(null));
    }

    private static String target(PyExpr to, String app) {
        if (to instanceof PyExpr.Name n && n.dotted().endsWith("AUTH_USER_MODEL")) {
            return "auth.user";
        }
        String s = PyExpr.string(to).orElseThrow(DjangoOps.NotUnderstood::new);
        if (s.equals("self")) {
            throw new DjangoOps.NotUnderstood();
        }
        return (s.contains(".") ? s : app + "." + s).toLowerCase(Locale.ROOT);
    }

    static boolean flag(PyExpr.Call call, String kw, boolean otherwise) {
        return call.kw(kw)
                .map(v -> PyExpr.bool(v).orElseThrow(DjangoOps.NotUnderstood::new))
                .orElse(otherwise);
    }

    boolean relation() {
        return relatedModel != null;
    }

    boolean autoField() {
        return kind.equals("AutoField") || kind.equals("BigAutoField") || kind.equals("SmallAutoField");
    }

    Optional<String> maxLength() {
        return call.kw("max_length").filter(v -> v instanceof PyExpr.Num).map(v -> ((PyExpr.Num) v).value());
    }

    DjangoField renamed(String newName) {
        String col = call.kw("db_column").isPresent() ? column : relation() ? newName + "_id" : newName;
        return copy(newName, col, relatedModel, defaultValue);
    }

    /** The field pointing at the model now keyed {@code relatedModel} (after a RenameModel). */
    DjangoField relatedTo(String relatedModel) {
        return copy(name, column, relatedModel, defaultValue);
    }

    /** The field without its default (an AddField with preserve_default=False). */
    DjangoField withoutDefault() {
        return copy(name, column, relatedModel, null);
    }

    private DjangoField copy(String name, String column, String relatedModel, PyExpr defaultValue) {
        return new DjangoField(
                name,
                kind,
                call,
                column,
                primaryKey,
                nullable,
                unique,
                dbIndex,
                relatedModel,
                dbConstraint,
                defaultValue);
    }
}
