package io.migrescue.migration.django;

import io.migrescue.migration.python.PyExpr;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The models replayed from the migrations so far, keyed {@code app.model}, and Django's own models they point at. */
final class DjangoState {
    private final Map<String, DjangoModel> models;

    DjangoState(Map<String, DjangoModel> models) {
        this.models = models;
    }

    static String key(String app, String model) {
        return (app + "." + model).toLowerCase(Locale.ROOT);
    }

    DjangoModel model(String app, String name) {
        DjangoModel m = models.get(key(app, name));
        if (m == null) {
            throw new DjangoOps.NotUnderstood();
        }
        return m;
    }

    void put(String app, String name, DjangoModel m) {
        models.put(key(app, name), m);
    }

    void remove(String key) {
        models.remove(key);
    }

    Collection<DjangoModel> models() {
        return models.values();
    }

    DjangoModel related(DjangoField f) {
        DjangoModel m = models.get(f.relatedModel());
        if (m != null) {
            return m;
        }
        if (f.relatedModel().equals("auth.user")
                || f.relatedModel().equals("auth.group")
                || f.relatedModel().equals("contenttypes.contenttype")) {
            // Django's own models: tables auth_user, auth_group, django_content_type, each with an AutoField id
            String name = f.relatedModel().substring(f.relatedModel().indexOf('.') + 1);
            String table = name.equals("contenttype") ? "django_content_type" : "auth_" + name;
            DjangoModel external = new DjangoModel(
                    f.relatedModel().substring(0, f.relatedModel().indexOf('.')), name, table, true);
            external.fields.put(
                    "id",
                    DjangoField.of(
                            "id",
                            new PyExpr.Call(
                                    "models.AutoField",
                                    List.of(),
                                    Map.of("primary_key", new PyExpr.Name("True", 0, "True")),
                                    0,
                                    ""),
                            external.app));
            return external;
        }
        throw new DjangoOps.NotUnderstood();
    }
}
