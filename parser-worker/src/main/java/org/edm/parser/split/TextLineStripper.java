package org.edm.parser.split;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageTree;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.jspecify.annotations.Nullable;

/**
 * Collects the text of a document as {@link TextLine}s with their page, position and
 * font, page by page.
 *
 * <p>
 * A page whose content cannot be parsed is recorded as unreadable and the next page is
 * tried, so a partly damaged file still yields what is readable. The deadline is checked
 * between pages. One instance reads one document (PDFTextStripper is stateful).
 */
final class TextLineStripper extends PDFTextStripper {

    private static final Pattern BOLD_NAME = Pattern.compile("bold|black|heavy|semibold|demibold|demi|,b$|-b$|_b$|bd$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** Glyphs further apart than this many font sizes are separate words. */
    private static final float WORD_GAP = 0.15f;

    /**
     * More glyphs than this on one page is no specification page (the densest real ones
     * hold about 10,000) but a content-stream bomb; PDFBox holds every glyph of a page in
     * memory, so reading stops here.
     */
    static final int MAX_GLYPHS_PER_PAGE = 200_000;

    private final long deadlineNanos;

    private final long maxDocumentGlyphs;

    private final List<PageText> pages = new ArrayList<>();

    private final List<TextLine> pageLines = new ArrayList<>();

    private final StringBuilder lineText = new StringBuilder();

    private final List<TextPosition> linePositions = new ArrayList<>();

    private final Map<PDFont, FontStyle> fontStyles = new IdentityHashMap<>();

    private int pageNumber;

    private int pageGlyphs;

    private long documentGlyphs;

    TextLineStripper(long deadlineNanos) {
        this(deadlineNanos, SplitSettings.DEFAULT_MAX_TEXT_CHARACTERS);
    }

    /**
     * @param maxDocumentGlyphs the text budget of the whole document, over all pages
     */
    TextLineStripper(long deadlineNanos, long maxDocumentGlyphs) {
        this.deadlineNanos = deadlineNanos;
        this.maxDocumentGlyphs = maxDocumentGlyphs;
        setSortByPosition(true);
        setSuppressDuplicateOverlappingText(true);
    }

    /**
     * Reads every page of {@code document}.
     * @throws DeadlinePassed when the deadline passes between two pages
     */
    List<PageText> read(PDDocument document) throws IOException {
        writeText(document, Writer.nullWriter());
        return List.copyOf(pages);
    }

    @Override
    protected void processPages(PDPageTree pageTree) throws IOException {
        int count = document.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new DeadlinePassed(i);
            }
            pageNumber = i + 1;
            pageGlyphs = 0;
            pageLines.clear();
            resetLine();
            float width = 612;
            float height = 792;
            float topEdge = Float.NaN;
            try {
                PDPage page = pageTree.get(i);
                PDRectangle box = page.getCropBox();
                boolean turned = page.getRotation() % 180 != 0;
                width = turned ? box.getHeight() : box.getWidth();
                height = turned ? box.getWidth() : box.getHeight();
                topEdge = page.getRotation() % 360 == 0 ? box.getUpperRightY() : Float.NaN;
                if (page.hasContents()) {
                    processPage(page);
                }
                flushLine();
                pages.add(new PageText(pageNumber, width, height, topEdge, pageLines, false));
            }
            catch (StopReading e) {
                throw e.reason;
            }
            catch (IOException | RuntimeException | StackOverflowError e) {
                // a broken page must not cost the readable ones
                pages.add(new PageText(pageNumber, width, height, topEdge, List.of(), true));
            }
        }
    }

    /**
     * Bounds one page's glyphs (memory) and stops within a page when the deadline passes
     * or the split is cancelled: a single page of a hostile PDF can hold millions of
     * glyphs.
     */
    @Override
    protected void processTextPosition(TextPosition text) {
        if (++pageGlyphs > MAX_GLYPHS_PER_PAGE) {
            throw new StopReading(new TooMuchText(pageNumber));
        }
        if (++documentGlyphs > maxDocumentGlyphs) {
            // pages can share one content stream: each page is small, all of them
            // together fill the heap
            throw new StopReading(new TooMuchText(pageNumber, maxDocumentGlyphs));
        }
        if ((pageGlyphs & 1023) == 0
                && (System.nanoTime() - deadlineNanos > 0 || Thread.currentThread().isInterrupted())) {
            throw new StopReading(new DeadlinePassed(pageNumber - 1));
        }
        super.processTextPosition(text);
    }

    @Override
    protected void writeString(String text, List<TextPosition> textPositions) {
        lineText.append(text);
        linePositions.addAll(textPositions);
    }

    @Override
    protected void writeWordSeparator() {
        lineText.append(' ');
    }

    @Override
    protected void writeLineSeparator() {
        flushLine();
    }

    @Override
    protected void endPage(PDPage page) {
        flushLine();
    }

    private void resetLine() {
        lineText.setLength(0);
        linePositions.clear();
    }

    private void flushLine() {
        String text = SPACES.matcher(PrintableText.of(lineText.toString())).replaceAll(" ").strip();
        if (text.isEmpty() || linePositions.isEmpty()) {
            resetLine();
            return;
        }
        float left = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        float top = Float.MAX_VALUE;
        float baseline = -Float.MAX_VALUE;
        Map<Float, Integer> sizeVotes = new HashMap<>();
        Map<String, Integer> fontVotes = new HashMap<>();
        int boldChars = 0;
        int chars = 0;
        for (TextPosition position : linePositions) {
            String unicode = position.getUnicode();
            if (unicode == null || unicode.isBlank()) {
                continue;
            }
            float x = position.getXDirAdj();
            float y = position.getYDirAdj();
            left = Math.min(left, x);
            right = Math.max(right, x + position.getWidthDirAdj());
            top = Math.min(top, y - position.getHeightDir());
            baseline = Math.max(baseline, y);
            float size = Math.round(effectiveSize(position) * 2) / 2f;
            int weight = unicode.length();
            sizeVotes.merge(size, weight, Integer::sum);
            FontStyle style = style(position.getFont());
            fontVotes.merge(style.name(), weight, Integer::sum);
            if (style.bold()) {
                boldChars += weight;
            }
            chars += weight;
        }
        if (chars == 0) {
            resetLine();
            return;
        }
        float fontSize = mostVoted(sizeVotes, 0f);
        float em = Math.max(fontSize, 1f);
        float maxGap = 0;
        int wideGaps = 0;
        float firstGap = 0;
        float previousEnd = Float.NaN;
        for (TextPosition position : linePositions) {
            String unicode = position.getUnicode();
            if (unicode == null || unicode.isBlank()) {
                continue;
            }
            float x = position.getXDirAdj();
            if (!Float.isNaN(previousEnd)) {
                float gap = (x - previousEnd) / em;
                maxGap = Math.max(maxGap, gap);
                if (gap > TextLine.WIDE_GAP) {
                    wideGaps++;
                }
                if (firstGap == 0 && gap > WORD_GAP) {
                    firstGap = gap;
                }
            }
            previousEnd = Math.max(Float.isNaN(previousEnd) ? -Float.MAX_VALUE : previousEnd,
                    x + position.getWidthDirAdj());
        }
        pageLines.add(new TextLine(pageNumber, text, left, right, top, baseline, fontSize, boldChars * 2 > chars,
                mostVoted(fontVotes, ""), maxGap, wideGaps, firstGap));
        resetLine();
    }

    private static float effectiveSize(TextPosition position) {
        // the text rendering matrix includes the font size, text matrix and CTM: the size
        // as printed
        float size = position.getTextMatrix().getScalingFactorY();
        if (!(size > 0) || size > 500) {
            size = position.getFontSizeInPt();
        }
        return size;
    }

    private FontStyle style(@Nullable PDFont font) {
        if (font == null) {
            return new FontStyle("", false);
        }
        return fontStyles.computeIfAbsent(font, TextLineStripper::describe);
    }

    private static FontStyle describe(PDFont font) {
        String name = font.getName() == null ? "" : font.getName();
        int plus = name.indexOf('+');
        if (plus == 6) {
            name = name.substring(plus + 1);
        }
        boolean bold = BOLD_NAME.matcher(name.toLowerCase(Locale.ROOT)).find();
        PDFontDescriptor descriptor = font.getFontDescriptor();
        if (!bold && descriptor != null) {
            bold = descriptor.isForceBold() || descriptor.getFontWeight() >= 600;
        }
        return new FontStyle(name, bold);
    }

    private static <K> K mostVoted(Map<K, Integer> votes, K fallback) {
        K best = fallback;
        int bestVotes = -1;
        for (Map.Entry<K, Integer> vote : votes.entrySet()) {
            if (vote.getValue() > bestVotes) {
                best = vote.getKey();
                bestVotes = vote.getValue();
            }
        }
        return best;
    }

    private record FontStyle(String name, boolean bold) {
    }

    /**
     * Carries a reason to stop reading the whole document out of PDFBox's per-glyph
     * callback.
     */
    private static final class StopReading extends RuntimeException {

        private final IOException reason;

        StopReading(IOException reason) {
            super(reason.getMessage(), null, false, false);
            this.reason = reason;
        }

    }

    /** A page holds more glyphs than {@link #MAX_GLYPHS_PER_PAGE}. */
    static final class TooMuchText extends IOException {

        TooMuchText(int pageNumber) {
            super("page " + pageNumber + " holds more than " + MAX_GLYPHS_PER_PAGE + " characters");
        }

        TooMuchText(int pageNumber, long documentLimit) {
            super("the document shows more than " + documentLimit + " characters (limit reached on page " + pageNumber
                    + ")");
        }

    }

    /** The split's deadline passed (or it was cancelled) before all pages were read. */
    static final class DeadlinePassed extends IOException {

        private static final long serialVersionUID = 1L;

        DeadlinePassed(int pagesRead) {
            super("deadline passed after " + pagesRead + " pages");
        }

    }

}
