package io.migrescue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering of architecture.md, kept by a test rather than by memory. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.migrescue");

    @Test
    void theModelIsPure() {
        noClasses().that().resideInAPackage("io.migrescue.model..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "picocli..", "org.jline..",
                        "io.migrescue.db..", "io.migrescue.cli..", "io.migrescue.app..", "io.migrescue.catalog..", "io.migrescue.history..")
                .check(CLASSES);
    }

    @Test
    void theDiffCoreIsPure() {
        noClasses().that().resideInAPackage("io.migrescue.diff..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "picocli..", "org.jline..",
                        "io.migrescue.db..", "io.migrescue.cli..", "io.migrescue.app..", "io.migrescue.catalog..",
                        "io.migrescue.history..", "io.migrescue.report..")
                .check(CLASSES);
    }

    @Test
    void onlyCommandsAndTheShellKnowPicocliAndJline() {
        noClasses().that().resideOutsideOfPackages("io.migrescue.cli..", "io.migrescue.shell..", "io.migrescue")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "org.jline..")
                .check(CLASSES);
    }

    @Test
    void adaptersDoNotReachUpIntoUseCasesOrCommands() {
        noClasses().that().resideInAnyPackage("io.migrescue.db..", "io.migrescue.catalog..", "io.migrescue.history..",
                        "io.migrescue.report..")
                .should().dependOnClassesThat().resideInAnyPackage("io.migrescue.cli..", "io.migrescue.shell..")
                .check(CLASSES);
    }

    @Test
    void theBackupAdapterKnowsNoCommandsTerminalsOrUseCases() {
        noClasses().that().resideInAPackage("io.migrescue.backup..")
                .should().dependOnClassesThat().resideInAnyPackage("io.migrescue.cli..", "io.migrescue.shell..",
                        "io.migrescue.app..", "picocli..", "org.jline..")
                .check(CLASSES);
    }

    @Test
    void nobodyPrintsToTheStandardStreamsButMain() {
        noClasses().that().doNotHaveFullyQualifiedName("io.migrescue.Main")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(CLASSES);
        noClasses().should().callMethod(Throwable.class, "printStackTrace").check(CLASSES);
    }

    @Test
    void onlyMainExits() {
        noClasses().that().doNotHaveFullyQualifiedName("io.migrescue.Main")
                .should().callMethod(System.class, "exit", int.class).check(CLASSES);
    }
}
