package org.edm.web.upload;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.edm.web.api.ApiClient;
import org.edm.web.api.ApiProblem;
import org.edm.web.api.ApiUnavailable;
import org.edm.web.api.ApiViews.UploadReceipt;
import org.edm.web.signin.Person;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Uploads from the library page: the page's script posts one file per request
 * ({@code Accept: application/json}) and shows the outcome next to the file; without the
 * script the form posts its files and the library shows the outcomes. Either way the file
 * streams on to ingest-service with the person's key.
 */
@Controller
class UploadController {

    private static final Logger log = LoggerFactory.getLogger(UploadController.class);

    private final ApiClient api;

    UploadController(ApiClient api) {
        this.api = api;
    }

    /**
     * What became of one file.
     *
     * @param outcome {@code accepted}, {@code duplicate} or {@code rejected}
     * @param message the outcome in words
     * @param documentUrl the document's page (accepted, duplicate)
     */
    record UploadOutcome(String outcome, String fileName, String message, @Nullable UUID documentId,
            @Nullable String documentUrl) {

        HttpStatus status() {
            return outcome.equals("rejected") ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK;
        }
    }

    @PostMapping(path = "/upload", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<UploadOutcome> uploadOne(@AuthenticationPrincipal Person person,
            @RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String version) {
        UploadOutcome outcome = upload(person, file, title, version);
        return ResponseEntity.status(outcome.status()).body(outcome);
    }

    @PostMapping("/upload")
    String uploadForm(@AuthenticationPrincipal Person person, @RequestParam("file") List<MultipartFile> files,
            @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String version,
            RedirectAttributes redirect) {
        List<UploadOutcome> outcomes = new ArrayList<>();
        for (MultipartFile file : files) {
            outcomes.add(files.size() == 1 ? upload(person, file, title, version) : upload(person, file, "", ""));
        }
        redirect.addFlashAttribute("uploads", outcomes);
        return "redirect:/";
    }

    private UploadOutcome upload(Person person, MultipartFile file, String title, String version) {
        String fileName = file.getOriginalFilename() == null ? "upload.pdf" : file.getOriginalFilename();
        if (!person.canWrite()) {
            return rejected(fileName, "Your key does not allow uploads.");
        }
        FileNames.Guess guess = FileNames.guess(fileName);
        String finalTitle = title.isBlank() ? guess.title() : title.strip();
        String finalVersion = version.isBlank() ? guess.version() : version.strip();
        try (InputStream content = file.getInputStream()) {
            UploadReceipt receipt = api.upload(person.key(), fileName, file.getSize(), content, finalTitle,
                    finalVersion);
            String url = "/documents/" + receipt.id();
            if (receipt.duplicate()) {
                return new UploadOutcome("duplicate", fileName, "Already in the library as \"" + receipt.title() + "\" "
                        + receipt.version() + "; nothing new was stored.", receipt.id(), url);
            }
            log.info("Uploaded: document={} by key={}", receipt.id(), person.name());
            return new UploadOutcome("accepted", fileName, "Uploaded; parsing starts shortly.", receipt.id(), url);
        }
        catch (ApiProblem problem) {
            return rejected(fileName, problem.inWords());
        }
        catch (ApiUnavailable e) {
            log.warn("Upload failed: {}", e.getMessage());
            return rejected(fileName, "The upload service is not reachable right now; try again shortly.");
        }
        catch (IOException e) {
            return rejected(fileName, "The file could not be read; try again.");
        }
    }

    private static UploadOutcome rejected(String fileName, String message) {
        return new UploadOutcome("rejected", fileName, message, null, null);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    @ResponseBody
    ResponseEntity<UploadOutcome> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
            .contentType(MediaType.APPLICATION_JSON)
            .body(new UploadOutcome("rejected", "", "This file is too large for the web upload.", null, null));
    }

}
