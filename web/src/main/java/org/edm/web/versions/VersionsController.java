package org.edm.web.versions;

import java.util.List;
import java.util.UUID;

import org.edm.web.api.ApiClient;
import org.edm.web.api.ApiViews.Comparison;
import org.edm.web.api.ApiViews.FamilyDetail;
import org.edm.web.api.ApiViews.FamilyVersion;
import org.edm.web.signin.Person;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Versions (search-api's version endpoints): the families, one family's versions with
 * their change counts, and the comparison of two versions with the word-level changes of
 * each section.
 */
@Controller
class VersionsController {

    private static final int CHANGES_PER_PAGE = 50;

    private final ApiClient api;

    VersionsController(ApiClient api) {
        this.api = api;
    }

    @GetMapping("/families")
    String families(@AuthenticationPrincipal Person person, @RequestParam(required = false) @Nullable String after,
            Model model) {
        model.addAttribute("person", person);
        model.addAttribute("families", api.families(person.key(), after));
        return "families";
    }

    @GetMapping("/families/{family}")
    String family(@AuthenticationPrincipal Person person, @PathVariable String family, Model model) {
        FamilyDetail detail = api.family(person.key(), family);
        List<FamilyVersion> done = detail.versions().stream().filter(FamilyVersion::done).toList();
        model.addAttribute("person", person);
        model.addAttribute("family", detail);
        model.addAttribute("done", done);
        model.addAttribute("defaultFrom", done.size() >= 2 ? done.get(done.size() - 2).id() : null);
        model.addAttribute("defaultTo", done.isEmpty() ? null : done.get(done.size() - 1).id());
        return "family";
    }

    @GetMapping("/compare")
    String compare(@AuthenticationPrincipal Person person, @RequestParam UUID from, @RequestParam UUID to,
            @RequestParam(defaultValue = "0") int offset, Model model) {
        Comparison comparison = api.compare(person.key(), from, to, Math.max(0, offset), CHANGES_PER_PAGE);
        model.addAttribute("person", person);
        model.addAttribute("comparison", comparison);
        model.addAttribute("family", api.family(person.key(), comparison.family()));
        return "compare";
    }

}
