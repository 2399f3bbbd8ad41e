package org.edm.search;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of search-api: search ({@code query}) and browsing
 * ({@code documents}) are independent features sharing only the HTTP error handling
 * ({@code web}); the service reads the database and never writes events.
 */
@AnalyzeClasses(packages = "org.edm.search", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule searchDoesNotDependOnBrowsing = noClasses().that()
        .resideInAPackage("org.edm.search.query..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.edm.search.documents..");

    @ArchTest
    static final ArchRule browsingDoesNotDependOnSearch = noClasses().that()
        .resideInAPackage("org.edm.search.documents..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.edm.search.query..");

    @ArchTest
    static final ArchRule versionsIsAFeatureOfItsOwn = noClasses().that()
        .resideInAPackage("org.edm.search.versions..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.edm.search.query..", "org.edm.search.documents..");

    @ArchTest
    static final ArchRule searchAndBrowsingDoNotDependOnVersions = noClasses().that()
        .resideInAnyPackage("org.edm.search.query..", "org.edm.search.documents..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.edm.search.versions..");

    @ArchTest
    static final ArchRule webKnowsNoFeature = noClasses().that()
        .resideInAPackage("org.edm.search.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.edm.search.query..", "org.edm.search.documents..");

    @ArchTest
    static final ArchRule noKafka = noClasses().should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..");

}
