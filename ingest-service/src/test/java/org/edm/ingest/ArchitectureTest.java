package org.edm.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of the house style, for this service. */
@AnalyzeClasses(packages = "org.edm.ingest", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("org.edm.ingest.(*)..")
        .should()
        .beFreeOfCycles();

    @ArchTest
    static final ArchRule storageKnowsNothingOfTheRest = noClasses().that()
        .resideInAPackage("..ingest.storage..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..ingest.upload..", "..ingest.document..", "..ingest.web..", "..ingest.kafka..",
                "org.springframework.web..", "org.springframework.jdbc..", "org.apache.kafka..");

    @ArchTest
    static final ArchRule webKnowsNoFeature = noClasses().that()
        .resideInAPackage("..ingest.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..ingest.upload..", "..ingest.document..", "..ingest.storage..", "..ingest.kafka..");

    @ArchTest
    static final ArchRule onlyTheOutboxTalksToKafkaForEvents = noClasses().that()
        .resideInAnyPackage("..ingest.upload..", "..ingest.document..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..");

    @ArchTest
    static final ArchRule noFieldInjection = fields().should()
        .notBeAnnotatedWith(org.springframework.beans.factory.annotation.Autowired.class);

}
