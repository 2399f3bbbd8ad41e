package org.edm.parser;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.edm.events.FailureReason;

/**
 * The package rules of parser-worker: the splitter is a pure library; Kafka and JDBC stay
 * in their packages.
 */
@AnalyzeClasses(packages = "org.edm.parser", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule splitterIsAPureLibrary = noClasses().that()
        .resideInAPackage("org.edm.parser.split..")
        .should()
        .dependOnClassesThat(resideInAnyPackage("org.springframework..", "org.apache.kafka..", "java.sql..",
                "javax.sql..", "tools.jackson..", "org.edm.events..", "org.edm.outbox..", "org.edm.parser.consume..",
                "org.edm.parser.processing..", "org.edm.parser.outbox..", "org.edm.parser.storage..")
            // the published vocabulary of failure reasons, a plain enum, is the one thing
            // it shares
            .and(not(equivalentTo(FailureReason.class))));

    @ArchTest
    static final ArchRule onlyTheConsumerTalksToKafka = noClasses().that()
        .resideOutsideOfPackages("org.edm.parser.consume..", "org.edm.parser.compare.consume..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..");

    @ArchTest
    static final ArchRule theConsumerDoesNotTouchTheDatabase = noClasses().that()
        .resideInAnyPackage("org.edm.parser.consume..", "org.edm.parser.compare.consume..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework.jdbc..", "java.sql..");

    @ArchTest
    static final ArchRule theVersionsFeatureStaysApartFromTheParser = noClasses().that()
        .resideInAPackage("org.edm.parser.compare..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.edm.parser.split..", "org.edm.parser.processing..", "org.edm.parser.consume..");

}
