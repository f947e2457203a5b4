package io.migrescue;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of architecture.md, kept by a test rather than by memory. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.migrescue");

    @Test
    void theModelIsPure() {
        noClasses()
                .that()
                .resideInAPackage("io.migrescue.model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "java.sql..",
                        "javax.sql..",
                        "picocli..",
                        "org.jline..",
                        "io.migrescue.db..",
                        "io.migrescue.cli..",
                        "io.migrescue.app..",
                        "io.migrescue.catalog..",
                        "io.migrescue.history..")
                .check(CLASSES);
    }

    @Test
    void theDiffCoreIsPure() {
        noClasses()
                .that()
                .resideInAPackage("io.migrescue.diff..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "java.sql..",
                        "javax.sql..",
                        "picocli..",
                        "org.jline..",
                        "io.migrescue.db..",
                        "io.migrescue.cli..",
                        "io.migrescue.app..",
                        "io.migrescue.catalog..",
                        "io.migrescue.history..",
                        "io.migrescue.report..")
                .check(CLASSES);
    }

    @Test
    void migrationReadersArePure() {
        noClasses()
                .that()
                .resideInAPackage("io.migrescue.migration..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "java.sql..",
                        "javax.sql..",
                        "picocli..",
                        "org.jline..",
                        "io.migrescue.db..",
                        "io.migrescue.cli..",
                        "io.migrescue.app..",
                        "io.migrescue.catalog..",
                        "io.migrescue.repair..",
                        "io.migrescue.report..")
                .check(CLASSES);
    }

    @Test
    void onlyCommandsAndTheShellKnowPicocliAndJline() {
        noClasses()
                .that()
                .resideOutsideOfPackages("io.migrescue.cli..", "io.migrescue.shell..", "io.migrescue")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("picocli..", "org.jline..")
                .check(CLASSES);
    }

    @Test
    void adaptersDoNotReachUpIntoUseCasesOrCommands() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.migrescue.db..",
                        "io.migrescue.catalog..",
                        "io.migrescue.history..",
                        "io.migrescue.report..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.migrescue.cli..", "io.migrescue.shell..")
                .check(CLASSES);
    }

    @Test
    void theBackupAdapterKnowsNoCommandsTerminalsOrUseCases() {
        noClasses()
                .that()
                .resideInAPackage("io.migrescue.backup..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.migrescue.cli..", "io.migrescue.shell..", "io.migrescue.app..", "picocli..", "org.jline..")
                .check(CLASSES);
    }

    /**
     * The shell and the CLI share one core: the shell reads lines, asks questions and shows results, and runs the same
     * commands and use cases as the command line. It never reaches into the adapters or the repair engine itself; of
     * the repair it knows only the gate it implements and the report it shows.
     */
    @Test
    void theShellHoldsNoUseCaseLogic() {
        DescribedPredicate<JavaClass> repairApi = JavaClass.Predicates.resideInAPackage("io.migrescue.repair")
                .and(DescribedPredicate.describe(
                        "is StepGate, RepairReport, its statuses or CheckResult", (JavaClass c) -> {
                            String outer = c.getName()
                                    .substring(c.getPackageName().length() + 1)
                                    .split("\\$")[0];
                            return outer.equals("StepGate")
                                    || outer.equals("RepairReport")
                                    || outer.equals("CheckResult")
                                    || outer.equals("RepairStatus")
                                    || outer.equals("StepStatus");
                        }));
        noClasses()
                .that()
                .resideInAPackage("io.migrescue.shell..")
                .should()
                .dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(
                                "java.sql..",
                                "javax.sql..",
                                "io.migrescue.db..",
                                "io.migrescue.catalog..",
                                "io.migrescue.history..",
                                "io.migrescue.backup..",
                                "io.migrescue.diagnosis..",
                                "io.migrescue.sql..",
                                "io.migrescue.diff..",
                                "io.migrescue.project..")
                        .or(JavaClass.Predicates.resideInAPackage("io.migrescue.repair..")
                                .and(DescribedPredicate.not(repairApi))))
                .because("the shell drives the same commands and use cases as the CLI; use-case logic belongs in app")
                .check(CLASSES);
    }

    @Test
    void nobodyPrintsToTheStandardStreamsButMain() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("io.migrescue.Main")
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .check(CLASSES);
        noClasses().should().callMethod(Throwable.class, "printStackTrace").check(CLASSES);
    }

    @Test
    void onlyMainExits() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("io.migrescue.Main")
                .should()
                .callMethod(System.class, "exit", int.class)
                .check(CLASSES);
    }

    /** The diagnosis and planning core: records in, records out, testable without a database or a terminal. */
    @Test
    void diagnosisAndPlaybooksArePure() {
        // preflight's simulation is the same kind of core: a model of the catalog, no connection
        noClasses()
                .that()
                .resideInAnyPackage("io.migrescue.diagnosis..", "io.migrescue.playbook..", "io.migrescue.preflight..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "javax.sql..", "picocli..", "org.jline..")
                .check(CLASSES);
    }

    /** Case folding by the default locale turns "ID" into "ıd" under Turkish: say {@code Locale.ROOT}. */
    @Test
    void caseIsFoldedWithAnExplicitLocale() {
        noClasses()
                .should()
                .callMethod(String.class, "toLowerCase")
                .orShould()
                .callMethod(String.class, "toUpperCase")
                .because("the default locale changes the result (Turkish dotless i); pass Locale.ROOT")
                .check(CLASSES);
    }

    /** No cycles among the top-level packages (none today, so no allow-list): layers stay layers. */
    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("io.migrescue.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
