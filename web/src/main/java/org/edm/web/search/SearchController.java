package org.edm.web.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.edm.events.ProcessingStatus;
import org.edm.web.api.ApiClient;
import org.edm.web.api.ApiProblem;
import org.edm.web.api.ApiViews.DocumentSummary;
import org.edm.web.api.ApiViews.Hit;
import org.edm.web.api.ApiViews.SearchPage;
import org.edm.web.signin.Person;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One search box over every section of every parsed document, with filters and the API's
 * cursor paging.
 */
@Controller
class SearchController {

    private static final int PAGE_SIZE = 20;

    private final ApiClient api;

    SearchController(ApiClient api) {
        this.api = api;
    }

    /** A hit as the page shows it: the snippet made safe for {@code th:utext}. */
    record Result(Hit hit, String snippetHtml) {
    }

    @GetMapping("/search")
    String search(@AuthenticationPrincipal Person person, @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) @Nullable UUID document,
            @RequestParam(required = false) @Nullable String version,
            @RequestParam(required = false) @Nullable Integer level,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "false") boolean latest, Model model) {
        model.addAttribute("person", person);
        model.addAttribute("latest", latest);
        model.addAttribute("q", q);
        model.addAttribute("document", document);
        model.addAttribute("level", level);
        String exactVersion = version == null || version.isBlank() ? null : version.strip();
        model.addAttribute("version", exactVersion == null ? "" : exactVersion);
        List<DocumentSummary> documents = searchable(person);
        model.addAttribute("documents", documents);
        model.addAttribute("versions", documents.stream().map(DocumentSummary::version).distinct().sorted().toList());
        if (q.isBlank()) {
            return "search";
        }
        Map<String, @Nullable Object> query = new LinkedHashMap<>();
        query.put("q", q);
        query.put("document", document);
        query.put("version", exactVersion);
        query.put("level", level != null && level >= 1 && level <= 9 ? level : null);
        query.put("cursor", cursor);
        query.put("versions", latest ? "latest" : null);
        query.put("limit", PAGE_SIZE);
        try {
            SearchPage page = api.search(person.key(), query);
            model.addAttribute("page", page);
            model.addAttribute("results",
                    page.hits().stream().map(hit -> new Result(hit, SnippetHtml.safe(hit.snippet()))).toList());
            model.addAttribute("continued", cursor != null && !cursor.isBlank());
        }
        catch (ApiProblem problem) {
            if (problem.status() == 401) {
                throw problem;
            }
            model.addAttribute("error", problem.inWords());
        }
        return "search";
    }

    /** The documents to narrow a search to: those parsed (the newest 100). */
    private List<DocumentSummary> searchable(Person person) {
        return api.documents(person.key(), ProcessingStatus.DONE.value(), null, null, null, 100).documents();
    }

}
