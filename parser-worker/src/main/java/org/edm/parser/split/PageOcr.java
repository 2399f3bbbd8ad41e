package org.edm.parser.split;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;
import net.sourceforge.tess4j.TessAPI;
import net.sourceforge.tess4j.util.LoadLibs;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.jspecify.annotations.Nullable;

/**
 * Recognises the text of scanned pages: PDFBox renders the page to a grey image,
 * Tesseract (through tess4j, over the system's libtesseract, 5.x) reads it, and the words
 * become {@link TextLine}s like those of a text layer, so the same furniture, contents
 * and heading detection runs on them. A line's font size is estimated from its box (the
 * height from the top of its tallest word to its baseline is about 0.7 of the font size),
 * then sizes within a body-text band are snapped to the document's body size, so that the
 * scatter of OCR boxes does not look like larger or smaller type.
 *
 * <p>
 * One Tesseract engine per call, ended when the call returns; safe to call from several
 * threads at once.
 */
final class PageOcr {

    /** Height from the top of capitals and ascenders to the baseline, in font sizes. */
    private static final float ASCENT = 0.7f;

    /**
     * Words Tesseract is less sure of than this (0-100) are noise: specks, rules, parts
     * of figures.
     */
    private static final float MIN_WORD_CONFIDENCE = 30f;

    /** Estimated sizes within this ratio of the body size are the body size. */
    private static final float BODY_BAND = 0.14f;

    private static final List<String> TESSDATA_DIRECTORIES = List.of("/usr/share/tesseract-ocr/5/tessdata",
            "/usr/share/tesseract-ocr/4.00/tessdata", "/usr/share/tessdata", "/usr/local/share/tessdata",
            "/opt/homebrew/share/tessdata", "/usr/share/tesseract/tessdata");

    private PageOcr() {
    }

    /** Whether OCR can run with {@code settings}, or why not. */
    record Availability(boolean available, String reason, @Nullable String tessdata) {
    }

    /** The recognised pages by 0-based index, and the report for the metadata. */
    record Recognised(Map<Integer, PageText> pages, OcrReport report) {
    }

    private static volatile @Nullable String libraryProblem;

    private static volatile boolean libraryChecked;

    /** Whether libtesseract loads and the language data is found. */
    static Availability availability(OcrSettings settings) {
        if (!settings.enabled()) {
            return new Availability(false, "OCR is disabled", null);
        }
        String problem = libraryProblem();
        if (problem != null) {
            return new Availability(false, "OCR is not available: " + problem, null);
        }
        String tessdata = tessdata(settings);
        if (tessdata == null) {
            return new Availability(false, "OCR is not available: no " + settings.language().split("\\+")[0]
                    + ".traineddata found (set the tessdata directory)", null);
        }
        return new Availability(true, "", tessdata);
    }

    private static @Nullable String libraryProblem() {
        if (!libraryChecked) {
            synchronized (PageOcr.class) {
                if (!libraryChecked) {
                    try {
                        OpenMp.limitToOneThread();
                        Tess.API.TessVersion();
                        Monitor.INSTANCE.hashCode();
                        libraryProblem = null;
                    }
                    catch (LinkageError | RuntimeException e) {
                        libraryProblem = "libtesseract could not be loaded (" + e.getMessage()
                                + "); install tesseract-ocr, tesseract-ocr-eng and libtesseract-dev";
                    }
                    libraryChecked = true;
                }
            }
        }
        return libraryProblem;
    }

    private static @Nullable String tessdata(OcrSettings settings) {
        String language = settings.language().split("\\+")[0] + ".traineddata";
        List<String> candidates = new ArrayList<>();
        if (settings.tessdata() != null) {
            candidates.add(settings.tessdata());
        }
        else {
            String prefix = System.getenv("TESSDATA_PREFIX");
            if (prefix != null && !prefix.isBlank()) {
                candidates.add(prefix);
                candidates.add(Path.of(prefix, "tessdata").toString());
            }
            candidates.addAll(TESSDATA_DIRECTORIES);
        }
        for (String candidate : candidates) {
            if (Files.isRegularFile(Path.of(candidate, language))) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Recognises the pages at {@code pageIndexes} (0-based, ascending) within the
     * settings' limits and the split's deadline. Pages left out by the limits are listed
     * as skipped in the report.
     */
    static Recognised recognise(PDDocument document, List<Integer> pageIndexes, OcrSettings settings, String tessdata,
            SplitDeadline deadline) throws IOException {
        long start = System.nanoTime();
        // OCR stops early enough to leave the rest of the split a tenth of the time left:
        // a scan recognised in
        // part ends done with the pages read so far (the others listed as skipped), not
        // as a timeout
        long splitLeft = deadline.deadlineNanos() == Long.MAX_VALUE ? Long.MAX_VALUE
                : Math.max(0, deadline.deadlineNanos() - start) / 10 * 9;
        long budgetEnd = start + Math.min(settings.documentBudget().toNanos(), splitLeft);
        Map<Integer, List<RawLine>> raw = new TreeMap<>();
        List<Integer> skipped = new ArrayList<>();
        double confidenceSum = 0;
        long words = 0;
        TessBaseAPI api = Tess.API.TessBaseAPICreate();
        try {
            if (Tess.API.TessBaseAPIInit3(api, tessdata, settings.language()) != 0) {
                throw new IOException(
                        "Tesseract could not start with language " + settings.language() + " from " + tessdata);
            }
            // Tesseract's diagnostics ("Detected 276 diacritics") are not the worker's
            // log
            Tess.API.TessBaseAPISetVariable(api, "debug_file", "/dev/null");
            Tess.API.TessBaseAPISetPageSegMode(api, ITessAPI.TessPageSegMode.PSM_AUTO);
            PDFRenderer renderer = new PDFRenderer(document);
            for (int pageIndex : pageIndexes) {
                deadline.check();
                long now = System.nanoTime();
                if (raw.size() >= settings.maxPages() || now >= budgetEnd) {
                    skipped.add(pageIndex + 1);
                    continue;
                }
                PDPage page = document.getPage(pageIndex);
                float dpi = dpiFor(page, settings);
                BufferedImage image = renderer.renderImageWithDPI(pageIndex, dpi, ImageType.GRAY);
                long remainingMillis = Math.min(settings.pageTimeout().toMillis(),
                        Math.min((budgetEnd - now) / 1_000_000, deadline.remainingMillis()));
                PageWords page1 = read(api, image, dpi, pageIndex + 1, Math.max(1, remainingMillis));
                raw.put(pageIndex, page1.lines());
                confidenceSum += page1.confidenceSum();
                words += page1.words();
            }
        }
        finally {
            Tess.API.TessBaseAPIEnd(api);
            Tess.API.TessBaseAPIDelete(api);
        }
        Map<Integer, PageText> pages = new TreeMap<>();
        float body = bodySize(raw);
        for (Map.Entry<Integer, List<RawLine>> entry : raw.entrySet()) {
            PDPage page = document.getPage(entry.getKey());
            PDRectangle box = page.getCropBox();
            boolean turned = page.getRotation() % 180 != 0;
            float width = turned ? box.getHeight() : box.getWidth();
            float height = turned ? box.getWidth() : box.getHeight();
            List<TextLine> lines = entry.getValue().stream().map(line -> line.toTextLine(body)).toList();
            pages.put(entry.getKey(), new PageText(entry.getKey() + 1, width, height, Float.NaN, lines, false));
        }
        double mean = words == 0 ? 0 : confidenceSum / words;
        return new Recognised(pages,
                new OcrReport(List.copyOf(new TreeMap<>(pages).keySet().stream().map(i -> i + 1).toList()),
                        Math.round(mean * 10) / 10.0, skipped));
    }

    /** The settings' resolution, lowered when the page would exceed the pixel limit. */
    private static float dpiFor(PDPage page, OcrSettings settings) {
        PDRectangle box = page.getCropBox();
        double inches2 = Math.max(1e-3, (box.getWidth() / 72.0) * (box.getHeight() / 72.0));
        double maxDpi = Math.sqrt(settings.maxPixels() / inches2);
        return (float) Math.max(50, Math.min(settings.dpi(), maxDpi));
    }

    private record PageWords(List<RawLine> lines, double confidenceSum, long words) {
    }

    private static PageWords read(TessBaseAPI api, BufferedImage image, float dpi, int pageNumber, long timeoutMillis) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int stride = pixels.length / height;
        ByteBuffer buffer = ByteBuffer.allocateDirect(pixels.length);
        buffer.put(pixels).flip();
        Tess.API.TessBaseAPISetImage(api, buffer, width, height, 1, stride);
        Tess.API.TessBaseAPISetSourceResolution(api, Math.round(dpi));
        Pointer monitor = Monitor.INSTANCE.TessMonitorCreate();
        try {
            Monitor.INSTANCE.TessMonitorSetDeadlineMSecs(monitor, (int) Math.min(Integer.MAX_VALUE, timeoutMillis));
            Monitor.INSTANCE.TessBaseAPIRecognize(api.getPointer(), monitor);
        }
        finally {
            Monitor.INSTANCE.TessMonitorDelete(monitor);
        }
        float scale = 72f / dpi;
        List<RawLine> lines = new ArrayList<>();
        double confidenceSum = 0;
        long words = 0;
        TessResultIterator result = Tess.API.TessBaseAPIGetIterator(api);
        if (result == null) {
            return new PageWords(lines, 0, 0);
        }
        try {
            TessPageIterator layout = Tess.API.TessResultIteratorGetPageIterator(result);
            IntBuffer x1 = IntBuffer.allocate(1);
            IntBuffer y1 = IntBuffer.allocate(1);
            IntBuffer x2 = IntBuffer.allocate(1);
            IntBuffer y2 = IntBuffer.allocate(1);
            RawLine line = null;
            do {
                if (Tess.API.TessPageIteratorIsAtBeginningOf(layout, ITessAPI.TessPageIteratorLevel.RIL_TEXTLINE) == 1
                        || line == null) {
                    if (line != null && !line.words.isEmpty()) {
                        lines.add(line);
                    }
                    float baseline = Float.NaN;
                    if (Tess.API.TessPageIteratorBaseline(layout, ITessAPI.TessPageIteratorLevel.RIL_TEXTLINE, x1, y1,
                            x2, y2) == 1) {
                        baseline = (y1.get(0) + y2.get(0)) / 2f * scale;
                    }
                    line = new RawLine(pageNumber, baseline);
                }
                Pointer text = Tess.API.TessResultIteratorGetUTF8Text(result, ITessAPI.TessPageIteratorLevel.RIL_WORD);
                if (text == null) {
                    continue;
                }
                String word;
                try {
                    word = PrintableText.of(text.getString(0, "UTF-8")).strip();
                }
                finally {
                    Tess.API.TessDeleteText(text);
                }
                float confidence = Tess.API.TessResultIteratorConfidence(result,
                        ITessAPI.TessPageIteratorLevel.RIL_WORD);
                if (word.isEmpty() || confidence < MIN_WORD_CONFIDENCE || Tess.API.TessPageIteratorBoundingBox(layout,
                        ITessAPI.TessPageIteratorLevel.RIL_WORD, x1, y1, x2, y2) != 1) {
                    continue;
                }
                confidenceSum += confidence;
                words++;
                line.words
                    .add(new RawWord(word, x1.get(0) * scale, y1.get(0) * scale, x2.get(0) * scale, y2.get(0) * scale));
            }
            while (Tess.API.TessResultIteratorNext(result, ITessAPI.TessPageIteratorLevel.RIL_WORD) == 1);
            if (line != null && !line.words.isEmpty()) {
                lines.add(line);
            }
        }
        finally {
            Tess.API.TessResultIteratorDelete(result);
        }
        return new PageWords(lines, confidenceSum, words);
    }

    /** The most common estimated size, weighted by characters: the body text's. */
    private static float bodySize(Map<Integer, List<RawLine>> pages) {
        Map<Float, Integer> sizes = new TreeMap<>();
        for (List<RawLine> lines : pages.values()) {
            for (RawLine line : lines) {
                sizes.merge(Math.round(line.estimatedSize() * 2) / 2f, line.characters(), Integer::sum);
            }
        }
        return sizes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(10f);
    }

    private record RawWord(String text, float left, float top, float right, float bottom) {
    }

    private static final class RawLine {

        final int page;

        final float baseline;

        final List<RawWord> words = new ArrayList<>();

        RawLine(int page, float baseline) {
            this.page = page;
            this.baseline = baseline;
        }

        float top() {
            return (float) words.stream().mapToDouble(RawWord::top).min().orElse(0);
        }

        float baseline() {
            if (!Float.isNaN(baseline) && baseline > top()) {
                return baseline;
            }
            return (float) words.stream().mapToDouble(RawWord::bottom).max().orElse(0);
        }

        float estimatedSize() {
            return Math.max(1f, (baseline() - top()) / ASCENT);
        }

        int characters() {
            return words.stream().mapToInt(w -> w.text().length()).sum();
        }

        TextLine toTextLine(float bodySize) {
            float estimate = estimatedSize();
            float size = Math.abs(estimate - bodySize) <= bodySize * BODY_BAND ? bodySize
                    : Math.round(estimate * 2) / 2f;
            StringBuilder text = new StringBuilder();
            float maxGap = 0;
            float firstGap = 0;
            int wideGaps = 0;
            for (int i = 0; i < words.size(); i++) {
                RawWord word = words.get(i);
                if (i > 0) {
                    text.append(' ');
                    float gap = (word.left() - words.get(i - 1).right()) / size;
                    maxGap = Math.max(maxGap, gap);
                    if (i == 1) {
                        firstGap = gap;
                    }
                    if (gap > TextLine.WIDE_GAP) {
                        wideGaps++;
                    }
                }
                text.append(word.text());
            }
            float left = words.get(0).left();
            float right = words.get(words.size() - 1).right();
            return new TextLine(page, text.toString(), left, right, top(), baseline(), size, false, "OCR", maxGap,
                    wideGaps, firstGap);
        }

    }

    /**
     * Tesseract parallelises inside one page with OpenMP threads, which spin while they
     * wait. The worker already runs one split per core, so those threads only compete
     * with the other splits (and with PostgreSQL): measured on 2 cores, two pages
     * recognised at once took 11-15 s with OpenMP's default and 2.5-3 s with one thread
     * each, one page alone 0.95 s and 0.46 s. libgomp reads {@code OMP_THREAD_LIMIT}
     * once, when it is loaded with libtesseract, so it is set in this process's
     * environment before that, unless the operator set it (their value wins).
     */
    static final class OpenMp {

        static final String THREAD_LIMIT = "OMP_THREAD_LIMIT";

        private OpenMp() {
        }

        static void limitToOneThread() {
            if (Platform.isWindows()) {
                return; // no setenv; Windows builds of Tesseract rarely use OpenMP
            }
            try {
                CLibrary.INSTANCE.setenv(THREAD_LIMIT, "1", 0);
            }
            catch (LinkageError | RuntimeException e) {
                // OCR still works, only with OpenMP's default threads
            }
        }

        interface CLibrary extends Library {

            CLibrary INSTANCE = Native.load(Platform.C_LIBRARY_NAME, CLibrary.class);

            int setenv(String name, String value, int overwrite);

        }

    }

    /**
     * tess4j's mapping of the C API, bound lazily (function by function), so that a
     * libtesseract older than the one tess4j was built for (Debian 12 has 5.3) works for
     * every function used here.
     */
    private static final class Tess {

        static final TessAPI API = LoadLibs.getTessAPIInstance();

    }

    /**
     * The parts of Tesseract's C API tess4j maps with a structure that does not match
     * Tesseract 5's monitor: a monitor is kept opaque here, and only its deadline is set.
     */
    interface Monitor extends Library {

        Monitor INSTANCE = Native.load(LoadLibs.getTesseractLibName(), Monitor.class);

        Pointer TessMonitorCreate();

        void TessMonitorSetDeadlineMSecs(Pointer monitor, int deadline);

        void TessMonitorDelete(Pointer monitor);

        int TessBaseAPIRecognize(Pointer api, Pointer monitor);

    }

}
