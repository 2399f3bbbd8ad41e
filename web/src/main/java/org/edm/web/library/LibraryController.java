package org.edm.web.library;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.edm.events.ProcessingStatus;
import org.edm.web.api.ApiClient;
import org.edm.web.api.ApiProblem;
import org.edm.web.api.ApiViews.DocumentList;
import org.edm.web.api.ApiViews.DocumentSummary;
import org.edm.web.api.ApiViews.FamilySummary;
import org.edm.web.signin.Person;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The library: documents newest first with their status, filtered by status, title (a
 * substring) and version family (exactly one family, as the versions feature groups
 * documents); the table is also served alone ({@code /library/rows}) for htmx to poll
 * every 2 s while any document on it is pending or processing.
 */
@Controller
class LibraryController {

    private static final int PAGE_SIZE = 50;

    private final ApiClient api;

    LibraryController(ApiClient api) {
        this.api = api;
    }

    @GetMapping("/")
    String library(@AuthenticationPrincipal Person person, @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String family,
            @RequestParam(required = false) @Nullable String cursor, Model model) {
        rows(person, status, title, family, cursor, model);
        model.addAttribute("statuses", Arrays.stream(ProcessingStatus.values()).map(ProcessingStatus::value).toList());
        model.addAttribute("families", families(person, blankToNull(family)));
        return "library";
    }

    @GetMapping("/library/rows")
    String rowsOnly(@AuthenticationPrincipal Person person, @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String family,
            @RequestParam(required = false) @Nullable String cursor, Model model) {
        rows(person, status, title, family, cursor, model);
        return "library :: rows";
    }

    private void rows(Person person, @Nullable String status, @Nullable String title, @Nullable String family,
            @Nullable String cursor, Model model) {
        String knownStatus = status != null && ProcessingStatus.fromValue(status).isPresent() ? status : null;
        DocumentList list = api.documents(person.key(), knownStatus, blankToNull(title), blankToNull(family),
                blankToNull(cursor), PAGE_SIZE);
        model.addAttribute("person", person);
        model.addAttribute("documents", list.documents());
        model.addAttribute("total", list.total());
        model.addAttribute("nextCursor", list.nextCursor());
        model.addAttribute("status", knownStatus);
        model.addAttribute("title", title == null ? "" : title);
        model.addAttribute("family", blankToNull(family));
        model.addAttribute("cursor", blankToNull(cursor));
        model.addAttribute("polling", list.documents().stream().anyMatch(DocumentSummary::inProgress));
    }

    /**
     * The family filter's choices: the first 100 families, and the chosen one should it
     * be further on.
     */
    private List<FamilyChoice> families(Person person, @Nullable String chosen) {
        List<FamilyChoice> choices = new ArrayList<>();
        try {
            for (FamilySummary family : api.families(person.key(), null).families()) {
                choices.add(new FamilyChoice(family.family(), family.title() + " (" + family.versions()
                        + (family.versions() == 1 ? " version)" : " versions)")));
            }
        }
        catch (ApiProblem problem) {
            if (problem.status() == 401) {
                throw problem;
            }
            // the library still lists; only the filter's choices are missing
        }
        if (chosen != null && choices.stream().noneMatch(choice -> choice.key().equals(chosen))) {
            choices.add(new FamilyChoice(chosen, chosen));
        }
        return choices;
    }

    /** One option of the family filter: the family key and how the page names it. */
    record FamilyChoice(String key, String label) {
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
