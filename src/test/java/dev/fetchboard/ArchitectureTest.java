package dev.fetchboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the core free of JavaFX and the layers pointing inwards. */
class ArchitectureTest {
  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.fetchboard");

  @Test
  void nothingOutsideTheUiImportsJavaFx() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.fetchboard.ui..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "atlantafx..", "org.kordamp..")
        .check(classes);
  }

  @Test
  void theCoreNeverReachesIntoTheUiOrTheCommandLine() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.fetchboard.workspace..",
            "dev.fetchboard.engine..",
            "dev.fetchboard.http..",
            "dev.fetchboard.sql..",
            "dev.fetchboard.interop..",
            "dev.fetchboard.state..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.fetchboard.ui..", "dev.fetchboard.cli..")
        .check(classes);
  }

  @Test
  void theEngineAndWorkspaceKnowNoConcreteSource() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.fetchboard.workspace..", "dev.fetchboard.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.fetchboard.http..", "dev.fetchboard.sql..", "dev.fetchboard.embedded..")
        .check(classes);
  }

  @Test
  void importAndExportNeedOnlyTheWorkspaceModel() {
    noClasses()
        .that()
        .resideInAPackage("dev.fetchboard.interop..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.fetchboard.engine..", "dev.fetchboard.http..", "dev.fetchboard.sql..", "javafx..")
        .check(classes);
  }
}
