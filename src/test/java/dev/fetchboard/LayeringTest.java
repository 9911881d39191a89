package dev.fetchboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layers of issue 17, enforced: workspace ← engine ← sources (http, sql, redis) ← the edges
 * (cli, ui, serve, app), with the leaves (state, export, interop, alerts, embedded, errors) where
 * their imports put them. The root package (the launcher) is outside every layer until it moves to
 * {@code app}.
 */
class LayeringTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.fetchboard");

  @Test
  void packagesFormNoCycles() {
    slices().matching("dev.fetchboard.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void dependenciesPointInwards() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Workspace")
        .definedBy("dev.fetchboard.workspace..")
        .layer("Engine")
        .definedBy("dev.fetchboard.engine..")
        .layer("Sources")
        .definedBy("dev.fetchboard.http..", "dev.fetchboard.sql..", "dev.fetchboard.redis..")
        .layer("Embedded")
        .definedBy("dev.fetchboard.embedded..")
        .layer("Leaves")
        .definedBy(
            "dev.fetchboard.state..",
            "dev.fetchboard.export..",
            "dev.fetchboard.interop..",
            "dev.fetchboard.alerts..",
            "dev.fetchboard.errors..")
        .layer("Edges")
        .definedBy(
            "dev.fetchboard.cli..",
            "dev.fetchboard.ui..",
            "dev.fetchboard.serve..",
            "dev.fetchboard.app..")
        .whereLayer("Edges")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Leaves")
        .mayOnlyBeAccessedByLayers("Edges")
        .whereLayer("Embedded")
        .mayOnlyBeAccessedByLayers("Edges")
        .whereLayer("Sources")
        .mayOnlyBeAccessedByLayers("Embedded", "Edges")
        .whereLayer("Engine")
        .mayOnlyBeAccessedByLayers("Sources", "Embedded", "Leaves", "Edges")
        .withOptionalLayers(true)
        .check(CLASSES);
  }

  @Test
  void theEngineAndWorkspaceUseNoNetworkOrDatabaseApi() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.fetchboard.workspace..", "dev.fetchboard.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.net.http..", "java.sql..", "javax.sql..", "org.postgresql..")
        .check(CLASSES);
  }
}
