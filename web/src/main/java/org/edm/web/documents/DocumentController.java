package org.edm.web.documents;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.edm.web.api.ApiClient;
import org.edm.web.api.ApiProblem;
import org.edm.web.api.ApiViews.DocumentDetail;
import org.edm.web.api.ApiViews.OutlineEntry;
import org.edm.web.api.ApiViews.SectionView;
import org.edm.web.signin.Person;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A document: metadata, the section tree, one section to read (with breadcrumb,
 * previous/next and permalink), its PDF, and delete / reprocess for those whose key
 * allows them.
 */
@Controller
class DocumentController {

    private final ApiClient api;

    DocumentController(ApiClient api) {
        this.api = api;
    }

    @GetMapping("/documents/{id}")
    String document(@AuthenticationPrincipal Person person, @PathVariable UUID id, Model model) {
        DocumentDetail document = api.document(person.key(), id);
        List<OutlineEntry> outline = api.outline(person.key(), id).sections();
        page(person, document, outline, null, model);
        return "document";
    }

    /** The permalink of a section. */
    @GetMapping("/documents/{id}/sections/{sectionId}")
    String section(@AuthenticationPrincipal Person person, @PathVariable UUID id, @PathVariable UUID sectionId,
            Model model) {
        SectionView section = api.section(person.key(), sectionId);
        if (!section.document().id().equals(id)) {
            return "redirect:/documents/" + section.document().id() + "/sections/" + sectionId;
        }
        DocumentDetail document = api.document(person.key(), id);
        List<OutlineEntry> outline = api.outline(person.key(), id).sections();
        page(person, document, outline, section, model);
        model.addAttribute("permalink",
                ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null).toUriString());
        return "document";
    }

    /**
     * Only the status block, for htmx to poll while the document is pending or
     * processing.
     */
    @GetMapping("/documents/{id}/status")
    String status(@AuthenticationPrincipal Person person, @PathVariable UUID id, Model model) {
        model.addAttribute("document", api.document(person.key(), id));
        return "document :: status";
    }

    /**
     * The stored PDF, streamed from ingest-service; {@code ?download} saves it instead of
     * opening it.
     */
    @GetMapping("/documents/{id}/file")
    void file(@AuthenticationPrincipal Person person, @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String download, HttpServletResponse response)
            throws IOException {
        api.file(person.key(), id, headers -> {
            response.setContentType("application/pdf");
            if (headers.getContentLength() >= 0) {
                response.setContentLengthLong(headers.getContentLength());
            }
            String disposition = headers.getFirst(HttpHeaders.CONTENT_DISPOSITION);
            if (disposition != null) {
                response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                        download == null ? disposition : disposition.replaceFirst("^inline", "attachment"));
            }
        }, response.getOutputStream());
    }

    @PostMapping("/documents/{id}/delete")
    String delete(@AuthenticationPrincipal Person person, @PathVariable UUID id, RedirectAttributes redirect) {
        DocumentDetail document = api.document(person.key(), id);
        api.delete(person.key(), id);
        redirect.addFlashAttribute("notice", "Deleted \"" + document.title() + "\" " + document.version() + ".");
        return "redirect:/";
    }

    @PostMapping("/documents/{id}/reprocess")
    String reprocess(@AuthenticationPrincipal Person person, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            api.reprocess(person.key(), id);
            redirect.addFlashAttribute("notice", "Queued for parsing again.");
        }
        catch (ApiProblem problem) {
            if (problem.status() == 401) {
                throw problem;
            }
            redirect.addFlashAttribute("notice", problem.inWords());
        }
        return "redirect:/documents/" + id;
    }

    private static void page(Person person, DocumentDetail document, List<OutlineEntry> outline,
            @Nullable SectionView section, Model model) {
        model.addAttribute("person", person);
        model.addAttribute("document", document);
        model.addAttribute("tree", SectionTree.of(outline, section == null ? null : section.id()));
        model.addAttribute("sectionCount", outline.size());
        model.addAttribute("section", section);
    }

}
