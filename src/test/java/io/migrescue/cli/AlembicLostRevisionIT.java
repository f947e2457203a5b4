package io.migrescue.cli;

import static io.migrescue.testing.Plans.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.migrescue.model.Engine;
import io.migrescue.testing.CliRun;
import io.migrescue.testing.Fingerprint;
import io.migrescue.testing.PythonTools;
import io.migrescue.testing.ScratchDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Alembic (Debian's python3-alembic) on PostgreSQL. alembic_version names a revision whose script is gone (the
 * revision was regenerated under another id before the next one was written on it): {@code alembic upgrade head}
 * cannot locate it. migrescue scores every revision by the live catalog, stamps the one the schema matches and leaves
 * the next to Alembic; {@code alembic stamp --purge head}, the blind fix, would skip that next revision. Two heads:
 * diagnose names both and the merge to make, and nothing in the database changes.
 */
class AlembicLostRevisionIT {
    private static final String HEADER = """
            from alembic import op
            import sqlalchemy as sa

            revision = '%s'
            down_revision = %s
            branch_labels = None
            depends_on = None


            """;
    private static final String USERS = """
            def upgrade() -> None:
                op.create_table(
                    "users",
                    sa.Column("id", sa.Integer(), nullable=False),
                    sa.Column("email", sa.String(length=100), nullable=False),
                    sa.PrimaryKeyConstraint("id"),
                )


            def downgrade() -> None:
                op.drop_table("users")
            """;
    private static final String ORDERS = """
            def upgrade() -> None:
                op.create_table(
                    "orders",
                    sa.Column("id", sa.Integer(), nullable=False),
                    sa.Column("user_id", sa.Integer(), nullable=False),
                    sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_orders_user"),
                    sa.PrimaryKeyConstraint("id"),
                )


            def downgrade() -> None:
                op.drop_table("orders")
            """;
    private static final String NICKNAME = """
            def upgrade() -> None:
                op.add_column("users", sa.Column("nickname", sa.String(length=30), nullable=True))
                op.create_index("ix_users_nickname", "users", ["nickname"])


            def downgrade() -> None:
                op.drop_index("ix_users_nickname", table_name="users")
                op.drop_column("users", "nickname")
            """;

    /** The revision template of {@code alembic init}, for {@code alembic merge}. */
    private static final String MAKO = """
            \"""${message}

            Revision ID: ${up_revision}
            Revises: ${down_revision | comma,n}
            \"""
            from alembic import op
            import sqlalchemy as sa

            revision = ${repr(up_revision)}
            down_revision = ${repr(down_revision)}
            branch_labels = ${repr(branch_labels)}
            depends_on = ${repr(depends_on)}


            def upgrade() -> None:
                ${upgrades if upgrades else "pass"}


            def downgrade() -> None:
                ${downgrades if downgrades else "pass"}
            """;

    private static Path revision(Path project, String id, String parent, String body) {
        Path file = project.resolve("migrations/versions/" + id + ".py");
        PythonTools.write(file, HEADER.formatted(id, parent == null ? "None" : "'" + parent + "'") + body);
        return file;
    }

    private static PythonTools.Result alembic(Path project, ScratchDatabase db, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-m";
        all[1] = "alembic";
        System.arraycopy(args, 0, all, 2, args.length);
        return PythonTools.run(project, db, all);
    }

    private static void ok(PythonTools.Result r) {
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    /**
     * users and orders applied as 2222aaaa; then that script was regenerated as 2222bbbb (same operations) and
     * 3333cccc (nickname) written on it. alembic_version still says 2222aaaa.
     */
    private static Path lostRevision(Path project, ScratchDatabase db) throws Exception {
        PythonTools.alembicProject(project);
        revision(project, "1111aaaa", null, USERS);
        Path lost = revision(project, "2222aaaa", "1111aaaa", ORDERS);
        ok(alembic(project, db, "upgrade", "head"));
        db.execute(
                "INSERT INTO users (id, email) VALUES (1, 'ann@example.com')",
                "INSERT INTO orders (id, user_id) VALUES (7, 1)");
        Files.delete(lost);
        revision(project, "2222bbbb", "1111aaaa", ORDERS);
        revision(project, "3333cccc", "2222bbbb", NICKNAME);
        PythonTools.Result stuck = alembic(project, db, "upgrade", "head");
        assertThat(stuck.exitCode()).as(stuck.output()).isNotZero();
        assertThat(stuck.output()).contains("2222aaaa");
        return project;
    }

    private static List<?> cleanSchema(Path project) throws Exception {
        try (ScratchDatabase clean = ScratchDatabase.create(Engine.POSTGRESQL, "alembic clean")) {
            ok(alembic(project, clean, "upgrade", "head"));
            return PythonTools.schema(clean);
        }
    }

    @Test
    void theRevisionTheSchemaMatchesIsStampedAndAlembicAppliesTheNext(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "alembic lost revision")) {
            Path project = lostRevision(tmp.resolve("project"), db);

            CliRun status = CliRun.on(db, "status", "--migrations", project.toString());
            assertThat(status.exitCode()).as(status.all()).isEqualTo(1);
            assertThat(status.out()).contains("2222aaaa");
            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", project.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out())
                    .contains("LOST_REVISION")
                    .contains("stamp-matching-version")
                    .contains("best match 2222bbbb")
                    .contains("3333cccc")
                    .contains("statements agree");

            CliRun repair = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    project.toString(),
                    "--backup-dir",
                    tmp.resolve("backup").toString(),
                    "--yes");
            assertThat(repair.exitCode()).as(repair.all()).isZero();
            assertThat(rows(db, "SELECT version_num FROM alembic_version")).containsExactly(List.of("2222bbbb"));

            ok(alembic(project, db, "upgrade", "head"));
            assertThat(rows(db, "SELECT version_num FROM alembic_version")).containsExactly(List.of("3333cccc"));
            assertThat(PythonTools.schema(db)).isEqualTo(cleanSchema(project));
            assertThat(rows(db, "SELECT u.email, o.id FROM orders o JOIN users u ON u.id = o.user_id"))
                    .containsExactly(List.of("ann@example.com", "7"));
        }
    }

    /** The tool's own blind fix: stamp --purge head claims 3333cccc, upgrade then does nothing, and nickname never exists. */
    @Test
    void stampPurgeHeadWouldSkipARevisionAndLeaveTheSchemaWrong(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "alembic stamp purge head")) {
            Path project = lostRevision(tmp.resolve("project"), db);
            ok(alembic(project, db, "stamp", "--purge", "head"));
            ok(alembic(project, db, "upgrade", "head"));
            assertThat(rows(
                            db,
                            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'users'"
                                    + " AND column_name = 'nickname'"))
                    .containsExactly(List.of("0"));
            assertThat(PythonTools.schema(db)).isNotEqualTo(cleanSchema(project));
            // migrescue sees through it: the recorded head's statements are not in effect
            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", project.toString());
            assertThat(diagnose.all()).doesNotContain("best match 3333cccc");
        }
    }

    @Test
    void twoHeadsAreNamedWithTheMergeToMakeAndNothingChanges(@TempDir Path tmp) throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(Engine.POSTGRESQL, "alembic two heads")) {
            Path project = PythonTools.alembicProject(tmp.resolve("project"));
            revision(project, "1111aaaa", null, USERS);
            ok(alembic(project, db, "upgrade", "head"));
            revision(project, "2222bbbb", "1111aaaa", ORDERS);
            revision(project, "4444dddd", "1111aaaa", NICKNAME);
            PythonTools.Result refused = alembic(project, db, "upgrade", "head");
            assertThat(refused.exitCode()).as(refused.output()).isNotZero();
            assertThat(refused.output()).contains("Multiple head");
            Fingerprint before = Fingerprint.of(db);

            CliRun diagnose = CliRun.on(db, "diagnose", "--migrations", project.toString());
            assertThat(diagnose.exitCode()).as(diagnose.all()).isEqualTo(1);
            assertThat(diagnose.out())
                    .contains("MULTIPLE_HEADS")
                    .contains("2222bbbb")
                    .contains("4444dddd")
                    .contains("alembic merge -m \"merge heads\" 2222bbbb 4444dddd");
            CliRun status = CliRun.on(db, "status", "--migrations", project.toString());
            assertThat(status.exitCode()).as(status.all()).isEqualTo(1);
            CliRun repair = CliRun.on(
                    db,
                    "repair",
                    "--migrations",
                    project.toString(),
                    "--backup-dir",
                    tmp.resolve("backup").toString(),
                    "--yes");
            assertThat(repair.all()).doesNotContain("baseline-applied-migrations");
            assertThat(Fingerprint.of(db)).isEqualTo(before);

            // the merge diagnose names is the one that works (with the script template alembic init writes)
            PythonTools.write(project.resolve("migrations/script.py.mako"), MAKO);
            ok(alembic(project, db, "merge", "-m", "merge heads", "2222bbbb", "4444dddd"));
            ok(alembic(project, db, "upgrade", "head"));
            assertThat(CliRun.on(db, "diagnose", "--migrations", project.toString())
                            .out())
                    .doesNotContain("MULTIPLE_HEADS");
        }
    }
}
