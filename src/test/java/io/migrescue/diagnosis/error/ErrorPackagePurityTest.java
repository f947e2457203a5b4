package io.migrescue.diagnosis.error;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Error text is read without a database or a terminal: the diagnosis core stays pure (architecture.md). */
class ErrorPackagePurityTest {

    @Test
    void readingErrorTextNeedsNoDatabaseNoTerminalAndNoAdapter() {
        noClasses()
                .that()
                .resideInAPackage("io.migrescue.diagnosis..")
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
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.migrescue.diagnosis"));
    }
}
