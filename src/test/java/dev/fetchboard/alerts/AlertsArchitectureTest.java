package dev.fetchboard.alerts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Alerts are core: the window, the command line and serve use them, never the other way. */
class AlertsArchitectureTest {
  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.fetchboard");

  @Test
  void alertsKnowNoWindowCommandLineOrServer() {
    noClasses()
        .that()
        .resideInAPackage("dev.fetchboard.alerts..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.fetchboard.ui..",
            "dev.fetchboard.cli..",
            "dev.fetchboard.serve..",
            "javafx..",
            "atlantafx..")
        .check(classes);
  }

  @Test
  void theWorkspaceKnowsNothingOfHowAlertsAreSent() {
    noClasses()
        .that()
        .resideInAPackage("dev.fetchboard.workspace..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.fetchboard.alerts..")
        .check(classes);
  }
}
