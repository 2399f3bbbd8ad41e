package org.edm.parser.split;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.BitSet;
import java.util.Calendar;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.edm.events.FailureReason;
import org.jspecify.annotations.Nullable;

/**
 * Splits a PDF into ordered, hierarchical sections.
 *
 * <p>
 * When the document has an outline (bookmarks), the outline is the heading tree: each
 * entry becomes a section at its depth, and its content is the text between its heading's
 * position and the next entry's, so two sections starting on one page split that page;
 * headings the outline lacks but the page layout shows are added where the two otherwise
 * agree ({@link OutlineCompletion}). Without an outline, headings are detected from the
 * page layout (numbering, size, weight). Either way, running headers and footers, page
 * numbers and contents pages are left out, words hyphenated across lines are rejoined,
 * and text before the first heading becomes a first section.
 *
 * <pre>{@code
 * DocumentSplitter splitter = new DocumentSplitter(SplitSettings.defaults());
 * SplitResult result = splitter.split(Path.of("itch.pdf"));
 * result.sections().forEach(s -> System.out.println(s.level() + " " + s.title() + " p" + s.pageNumber()));
 * }</pre>
 *
 * <p>
 * Thread-safe and reusable: it holds only its settings; every call opens and closes its
 * own document. Memory is bounded by {@link SplitSettings#maxMainMemoryBytes()}; beyond
 * it PDFBox buffers in temporary files.
 */
public final class DocumentSplitter {

    /**
     * Letters and digits a document needs to count as having text at all, overall and per
     * page.
     */
    private static final int MIN_TEXT_CHARS = 20;

    private static final int MIN_TEXT_CHARS_PER_PAGE = 5;

    /**
     * Where a PDF header may start, and where a reader looks for the end-of-file marker.
     */
    private static final int HEADER_WINDOW = 1024;

    private static final int TRAILER_WINDOW = 1024;

    private static final Pattern FILE_NAME = Pattern
        .compile("\\.(?:docx?|pdf|indd|txt|rtf|odt|xlsx?|pptx?|html?)$|^microsoft word - ", Pattern.CASE_INSENSITIVE);

    private final SplitSettings settings;

    public DocumentSplitter(SplitSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Splits the PDF at {@code pdf}.
     * @throws SplitFailed when the file is not a PDF, encrypted with an unknown password,
     * damaged, without text, too large, or takes longer than the timeout
     * @throws UncheckedIOException when {@code pdf} is no readable file: the caller
     * checks that first (the worker reports a missing stored file as {@code file_missing}
     * before it calls the splitter)
     */
    public SplitResult split(Path pdf) throws SplitFailed {
        return analyse(pdf, true).result();
    }

    /**
     * Splits {@code pdf} and keeps what the split was made of, for measuring: the outline
     * as read and the headings used. With {@code outlineAllowed} false, headings come
     * from the layout even when there is an outline.
     */
    Analysis analyse(Path pdf, boolean outlineAllowed) throws SplitFailed {
        SplitDeadline deadline = SplitDeadline.at(System.nanoTime() + settings.timeout().toNanos());
        checkFile(pdf);
        try (PDDocument document = load(pdf)) {
            int pageCount = document.getNumberOfPages();
            if (pageCount > settings.maxPages()) {
                throw new SplitFailed(FailureReason.TOO_LARGE,
                        "the document has " + pageCount + " pages, more than the limit of " + settings.maxPages());
            }
            if (pageCount == 0) {
                throw new SplitFailed(FailureReason.DAMAGED, "the document has no pages");
            }
            List<PageText> pages = readPages(document, deadline, settings.maxTextCharacters());
            ScannedPages scanned = ScannedPages.recognise(document, pages, settings.ocr(), deadline);
            pages = scanned.pages();
            // every stage below reads the lines through DocumentLines, which checks the
            // deadline as they loop
            DocumentLines lines = new DocumentLines(pages, deadline);
            checkText(lines, scanned.unavailable());
            List<OutlineEntry> outline = OutlineReader.read(document, deadline);
            BitSet removed = PageFurniture.detect(lines);
            BitSet contents = ContentsPages.detect(lines, removed);
            removed.or(contents);
            deadline.check();

            boolean useOutline = outlineAllowed && isUsable(outline, pageCount);
            List<Heading> detected = HeadingDetector.detect(lines, removed, contents);
            List<Heading> headings = detected;
            List<Heading> addedToOutline = List.of();
            if (useOutline) {
                List<Heading> fromOutline = OutlineSplitter.place(outline, lines, removed);
                addedToOutline = OutlineCompletion.missing(fromOutline, detected, lines, removed);
                headings = OutlineCompletion.merged(fromOutline, addedToOutline);
            }
            PdfInfo info = info(document, pageCount, !outline.isEmpty(),
                    !useOutline ? PdfInfo.LAYOUT
                            : addedToOutline.isEmpty() ? PdfInfo.OUTLINE : PdfInfo.OUTLINE_AND_LAYOUT,
                    scanned.report());
            deadline.check();
            String preambleTitle = preambleTitle(info.title());
            List<ParsedSection> sections = SectionAssembler.assemble(lines, removed, headings, preambleTitle);
            if (sections.isEmpty()) {
                // everything was furniture: keep the text rather than return nothing
                sections = SectionAssembler.assemble(lines, new BitSet(), List.of(), preambleTitle);
            }
            deadline.check();
            return new Analysis(new SplitResult(info, sections), outline, headings, addedToOutline, lines, removed);
        }
        catch (SplitDeadline.Passed e) {
            throw new SplitFailed(FailureReason.TIMEOUT, e.getMessage(), e);
        }
        catch (IOException e) {
            // closing failed, or PDFBox reported a damaged structure after loading
            throw new SplitFailed(FailureReason.DAMAGED, "the PDF could not be read: " + e.getMessage(), e);
        }
        catch (RuntimeException | StackOverflowError e) {
            // PDFBox on a corrupt file can fail with anything; a corrupt file is not a
            // bug in the caller
            throw new SplitFailed(FailureReason.DAMAGED, "the PDF is damaged: " + e, e);
        }
    }

    /**
     * A split with its ingredients: the outline as read, the headings used (of which
     * {@code addedToOutline} came from the layout to complete the outline), the lines and
     * the removed ones.
     */
    record Analysis(SplitResult result, List<OutlineEntry> outline, List<Heading> headings,
            List<Heading> addedToOutline, DocumentLines lines, BitSet removed) {
    }

    /**
     * An outline is used when enough of its entries lead somewhere: at least two (one in
     * a one-page document), and not all to one page of a long document (an outline that
     * only says "page 1" says nothing).
     */
    private static boolean isUsable(List<OutlineEntry> outline, int pageCount) {
        List<OutlineEntry> placed = outline.stream().filter(OutlineEntry::placed).toList();
        if (placed.size() < Math.min(2, pageCount)) {
            return false;
        }
        long pages = placed.stream().mapToInt(OutlineEntry::pageIndex).distinct().count();
        return pages > 1 || placed.size() < 5 || pageCount <= 5;
    }

    /**
     * The PDF's title names the text before the first heading, unless it is a file name
     * or a placeholder.
     */
    private static String preambleTitle(@Nullable String title) {
        if (title == null || FILE_NAME.matcher(title).find()
                || title.codePoints().filter(Character::isLetter).count() < 3 || title.equalsIgnoreCase("untitled")) {
            return SectionAssembler.PREAMBLE;
        }
        return title;
    }

    /**
     * Checks the header and trailer; a file that cannot be read is the caller's error,
     * not a split failure.
     */
    private static void checkFile(Path pdf) throws SplitFailed {
        if (!Files.isRegularFile(pdf) || !Files.isReadable(pdf)) {
            throw new UncheckedIOException(new NoSuchFileException(pdf.toString(), null, "no readable file"));
        }
        try (RandomAccessFile file = new RandomAccessFile(pdf.toFile(), "r")) {
            long length = file.length();
            byte[] head = new byte[(int) Math.min(HEADER_WINDOW, length)];
            file.readFully(head);
            if (!new String(head, StandardCharsets.ISO_8859_1).contains("%PDF-")) {
                throw new SplitFailed(FailureReason.NOT_A_PDF, "the file does not start with a PDF header");
            }
            byte[] tail = new byte[(int) Math.min(TRAILER_WINDOW, length)];
            file.seek(length - tail.length);
            file.readFully(tail);
            if (!new String(tail, StandardCharsets.ISO_8859_1).contains("%%EOF")) {
                // PDFBox would rebuild what it can, but a cut-off file silently misses
                // pages, fonts or text
                throw new SplitFailed(FailureReason.DAMAGED,
                        "the file is truncated: no end-of-file marker in its last " + TRAILER_WINDOW + " bytes");
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PDDocument load(Path pdf) throws SplitFailed {
        try {
            return Loader.loadPDF(pdf.toFile(), "", null, null,
                    MemoryUsageSetting.setupMixed(settings.maxMainMemoryBytes()).streamCache);
        }
        catch (InvalidPasswordException e) {
            throw new SplitFailed(FailureReason.ENCRYPTED, "the PDF is encrypted and needs a password", e);
        }
        catch (IOException | RuntimeException | StackOverflowError e) {
            throw new SplitFailed(FailureReason.DAMAGED, "the PDF could not be parsed: " + e.getMessage(), e);
        }
    }

    private static List<PageText> readPages(PDDocument document, SplitDeadline deadline, long maxTextCharacters)
            throws SplitFailed {
        try {
            return new TextLineStripper(deadline.deadlineNanos(), maxTextCharacters).read(document);
        }
        catch (TextLineStripper.DeadlinePassed e) {
            throw new SplitFailed(FailureReason.TIMEOUT, "the split took too long: " + e.getMessage(), e);
        }
        catch (TextLineStripper.TooMuchText e) {
            throw new SplitFailed(FailureReason.TOO_LARGE, e.getMessage(), e);
        }
        catch (IOException e) {
            throw new SplitFailed(FailureReason.DAMAGED, "the text could not be read: " + e.getMessage(), e);
        }
    }

    private static void checkText(DocumentLines lines, @Nullable String ocrUnavailable) throws SplitFailed {
        long chars = 0;
        for (TextLine line : lines.lines()) {
            chars += line.text().codePoints().filter(Character::isLetterOrDigit).count();
        }
        int unreadable = 0;
        for (int p = 0; p < lines.pageCount(); p++) {
            if (lines.page(p).unreadable()) {
                unreadable++;
            }
        }
        if (chars < MIN_TEXT_CHARS || chars < (long) MIN_TEXT_CHARS_PER_PAGE * lines.pageCount()) {
            if (unreadable > 0) {
                throw new SplitFailed(FailureReason.DAMAGED,
                        unreadable + " of " + lines.pageCount() + " pages could not be read and the rest has no text");
            }
            throw new SplitFailed(FailureReason.NO_TEXT,
                    "the pages carry no extractable text (" + chars + " characters on " + lines.pageCount() + " pages)"
                            + (ocrUnavailable == null ? "" : "; " + ocrUnavailable));
        }
    }

    private static PdfInfo info(PDDocument document, int pageCount, boolean outlinePresent, String headingSource,
            OcrReport ocr) {
        PDDocumentInformation information;
        try {
            information = document.getDocumentInformation();
        }
        catch (RuntimeException e) {
            information = new PDDocumentInformation();
        }
        PDDocumentInformation source = information;
        return new PdfInfo(pageCount, text(source::getTitle), text(source::getAuthor), text(source::getProducer),
                text(source::getCreator), instant(source::getCreationDate), instant(source::getModificationDate),
                outlinePresent, document.isEncrypted(), headingSource, ocr);
    }

    private static @Nullable String text(Supplier<@Nullable String> field) {
        try {
            String value = field.get();
            if (value == null) {
                return null;
            }
            String printable = PrintableText.of(value).strip();
            return printable.isEmpty() ? null : printable;
        }
        catch (RuntimeException e) {
            return null;
        }
    }

    private static @Nullable Instant instant(Supplier<@Nullable Calendar> field) {
        try {
            Calendar value = field.get();
            return value == null ? null : value.toInstant();
        }
        catch (RuntimeException e) {
            return null;
        }
    }

}
