package dev.cdrgateway.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of README "Architecture", checked on the compiled production classes: the domain at the
 * bottom, features above it, the vendor behind the port, the engine and transport knowing no feature, and no
 * package cycle. There is no exceptions list: a wrong import fails the build.
 */
class ArchitectureTest {

    /** The production classes (target/classes), imported once for every rule. */
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cdrgateway");

    private static final String DOMAIN = "dev.cdrgateway.domain..";
    private static final String PAGING = "dev.cdrgateway.paging..";
    private static final String SECURITY = "dev.cdrgateway.security..";
    private static final String RESILIENCE = "dev.cdrgateway.resilience..";
    private static final String GRAPHQL = "dev.cdrgateway.graphql..";
    private static final String CALLS = "dev.cdrgateway.calls..";

    @Test
    void domainImportsNothingOfOurs() {
        onlyUses("domain", DOMAIN).check(PRODUCTION);
    }

    @Test
    void pagingStandsOnTheDomain() {
        onlyUses("paging", DOMAIN).check(PRODUCTION);
    }

    @Test
    void securityStandsOnTheDomain() {
        onlyUses("security", DOMAIN).check(PRODUCTION);
    }

    @Test
    void resilienceKnowsNoVendorAndNoFeature() {
        onlyUses("resilience", DOMAIN).check(PRODUCTION);
    }

    @Test
    void vobizImplementsThePortWithTheResiliencePipeline() {
        onlyUses("vobiz", DOMAIN, RESILIENCE).check(PRODUCTION);
    }

    @Test
    void voisoKnowsOnlyTheDomainAndTheResiliencePipeline() {
        onlyUses("voiso", DOMAIN, RESILIENCE).check(PRODUCTION);
    }

    @Test
    void callsAndCustomersUseOnlyTheirFoundations() {
        CompositeArchRule
                .of(onlyUses("calls", DOMAIN, PAGING, SECURITY))
                .and(onlyUses("customers", DOMAIN, PAGING, SECURITY)).check(PRODUCTION);
    }

    @Test
    void analyticsLikeFeaturesMayAlsoUseCalls() {
        CompositeArchRule
                .of(onlyUses("analytics", DOMAIN, PAGING, SECURITY, CALLS))
                .and(onlyUses("insights", DOMAIN, PAGING, SECURITY, CALLS))
                .and(onlyUses("live", DOMAIN, PAGING, SECURITY, CALLS))
                .and(onlyUses("export", DOMAIN, PAGING, SECURITY, CALLS)).check(PRODUCTION);
    }

    @Test
    void theEngineImportsNoFeature() {
        onlyUses("graphql", DOMAIN, PAGING, SECURITY, RESILIENCE).check(PRODUCTION);
    }

    @Test
    void theTransportImportsNoFeature() {
        onlyUses("http", DOMAIN, SECURITY, RESILIENCE, GRAPHQL).check(PRODUCTION);
    }

    @Test
    void theSimulatorImportsNothingOfTheGateway() {
        onlyUses("simulator").check(PRODUCTION);
    }

    @Test
    void nothingImportsOps() {
        noClasses().that().resideOutsideOfPackage("dev.cdrgateway.ops..")
                .should().dependOnClassesThat().resideInAPackage("dev.cdrgateway.ops..").check(PRODUCTION);
    }

    @Test
    void everyClassLivesInALayer() {
        noClasses().should().resideInAPackage("dev.cdrgateway").check(PRODUCTION);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.cdrgateway.(**)").should().beFreeOfCycles().check(PRODUCTION);
    }

    /** Classes of {@code dev.cdrgateway.<name>} (and below) use nothing of ours but their own package and {@code allowed}. */
    private static ArchRule onlyUses(String name, String... allowed) {
        String own = "dev.cdrgateway." + name + "..";
        String[] packages = Stream.concat(Stream.of(own), Arrays.stream(allowed)).toArray(String[]::new);
        DescribedPredicate<JavaClass> permitted = resideOutsideOfPackage("dev.cdrgateway..").or(resideInAnyPackage(packages));
        return classes().that().resideInAPackage(own)
                .should().onlyDependOnClassesThat(permitted)
                .as("dev.cdrgateway." + name + " uses nothing of ours but " + String.join(", ", packages));
    }
}
