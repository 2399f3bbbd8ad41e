package org.edm.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Arrays;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * The web module's layers point down: the pages (one package per feature) use {@code api}
 * (the HTTP clients of the two services) and {@code signin}'s {@code Person}; {@code api}
 * knows no page, and no page knows another.
 */
@AnalyzeClasses(packages = "org.edm.web", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] PAGES = { "..library..", "..upload..", "..documents..", "..search..",
            "..versions.." };

    @ArchTest
    static final ArchRule apiKnowsNoPage = noClasses().that()
        .resideInAPackage("org.edm.web.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(PAGES, "..signin.."));

    @ArchTest
    static final ArchRule pagesDoNotUseEachOther = CompositeArchRule.of(page("library"))
        .and(page("upload"))
        .and(page("documents"))
        .and(page("search"))
        .and(page("versions"));

    @ArchTest
    static final ArchRule noPageTalksToTheServicesExceptThroughApi = noClasses().that()
        .resideInAnyPackage(PAGES)
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.springframework.web.client.RestClient");

    @ArchTest
    static final ArchRule signInKnowsNoPage = noClasses().that()
        .resideInAPackage("org.edm.web.signin..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(PAGES);

    private static ArchRule page(String name) {
        String[] others = Arrays.stream(PAGES).filter(p -> !p.equals(".." + name + "..")).toArray(String[]::new);
        return noClasses().that()
            .resideInAPackage("org.edm.web." + name + "..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(others);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

}
