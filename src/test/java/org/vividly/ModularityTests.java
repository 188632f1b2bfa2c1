package org.vividly;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.web.bind.annotation.RestController;
import org.vividly.common.PageController;

/**
 * The module structure: Spring Modulith's checks (modules use only each other's APIs, no cycles)
 * plus the layout every module follows. Pages and REST controllers live in the {@code web}
 * package of the module they serve ({@code console}, the teacher's and admin's pages that compose
 * several modules, is the one module made of pages); there is no shared {@code web} module.
 * {@link #writesModuleDocumentation()} draws the modules as PlantUML under
 * {@code target/spring-modulith-docs}.
 */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(VividlyApplication.class);
  static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.vividly");

  @Test
  void modulesOnlyUseEachOthersApisAndHaveNoCycles() {
    MODULES.verify();
  }

  @Test
  void eachModuleKeepsItsPagesAndApisInItsOwnWebPackage() {
    classes().that().areAnnotatedWith(PageController.class).or().areAnnotatedWith(RestController.class)
        .should().resideInAnyPackage("org.vividly.(*).web..", "org.vividly.console..")
        .because("a page or API belongs to the module it serves, in that module's web package")
        .check(CLASSES);
  }

  @Test
  void pagesOfEveryModuleShareTheErrorPageAndTheNavigation() {
    // A plain @Controller rendering a view would miss PageErrors (a stack trace instead of the
    // problem page); only the error endpoint itself and the advice classes are left plain.
    classes().that().areAnnotatedWith(org.springframework.stereotype.Controller.class).and().areNotAnnotatedWith(RestController.class)
        .and().areNotAnnotations()
        .should().beAnnotatedWith(PageController.class).orShould().haveSimpleName("ErrorEndpoint")
        .check(CLASSES);
  }

  @Test
  void thereIsNoSharedWebModule() {
    assertThat(MODULES.stream().map(ApplicationModule::getBasePackage).map(p -> p.getName()))
        .doesNotContain("org.vividly.web")
        .contains("org.vividly.console", "org.vividly.requests", "org.vividly.chat", "org.vividly.videos", "org.vividly.collections");
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
