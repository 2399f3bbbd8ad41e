package org.edm.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDestinationDictionary;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.jspecify.annotations.Nullable;

/**
 * Writes small PDFs of known structure for tests (the splitter's above all): lines of
 * text at known positions and sizes on US Letter pages, an optional outline with XYZ, Fit
 * or named destinations, optional encryption.
 *
 * <p>
 * A cursor runs down each page: {@link #text}, {@link #heading} and friends write at the
 * cursor and move it down; {@link #at} writes anywhere without moving it.
 */
public final class TestPdf {

    public static final float PAGE_HEIGHT = PDRectangle.LETTER.getHeight();

    public static final float LEFT = 72;

    public static final float BODY_SIZE = 10;

    private final PDDocument document = new PDDocument();

    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private final List<Bookmark> bookmarks = new ArrayList<>();

    private @Nullable PDPageContentStream stream;

    private @Nullable StandardProtectionPolicy protection;

    private Consumer<PDDocument> finishing = document -> {
    };

    private float cursor;

    /** Starts a new page; the cursor goes to one inch below the top. */
    public TestPdf page() {
        closeStream();
        PDPage page = new PDPage(PDRectangle.LETTER);
        document.addPage(page);
        try {
            stream = new PDPageContentStream(document, page);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cursor = 72;
        return this;
    }

    /** A line of body text (10 pt regular) at the cursor. */
    public TestPdf text(String line) {
        return write(line, BODY_SIZE, false, LEFT, 4);
    }

    /** Several lines of body text. */
    public TestPdf text(String... lines) {
        for (String line : lines) {
            text(line);
        }
        return this;
    }

    /** A heading at the cursor, with space above and below. */
    public TestPdf heading(String line, float size, boolean isBold) {
        cursor += size;
        return write(line, size, isBold, LEFT, size * 0.6f);
    }

    /** A line at the cursor in a given style, followed by {@code spaceBelow} points. */
    public TestPdf write(String line, float size, boolean isBold, float x, float spaceBelow) {
        at(line, size, isBold, x, cursor);
        cursor += size + spaceBelow;
        return this;
    }

    /** A table row: cells at the given x positions on one baseline, at the cursor. */
    public TestPdf row(float[] columns, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            at(cells[i], BODY_SIZE, false, columns[i], cursor);
        }
        cursor += BODY_SIZE + 4;
        return this;
    }

    /** Vertical space. */
    public TestPdf gap(float points) {
        cursor += points;
        return this;
    }

    /**
     * Writes {@code line} with its top at {@code top} points from the top of the page;
     * the cursor stays.
     */
    public TestPdf at(String line, float size, boolean isBold, float x, float top) {
        try {
            PDPageContentStream content = currentStream();
            content.beginText();
            content.setFont(isBold ? bold : regular, size);
            content.newLineAtOffset(x, PAGE_HEIGHT - top - size * 0.75f);
            content.showText(line);
            content.endText();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A filled rectangle: something on the page that is not text. */
    public TestPdf box() {
        try {
            PDPageContentStream content = currentStream();
            content.addRect(LEFT, 300, 200, 200);
            content.fill();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Where the cursor is, as a PDF user-space y (for destinations): the top of the next
     * line.
     */
    public float cursorTop() {
        return PAGE_HEIGHT - cursor;
    }

    /** The 0-based index of the current page. */
    public int pageIndex() {
        return document.getNumberOfPages() - 1;
    }

    /**
     * An outline entry with an XYZ destination at {@code top} (user space) on page
     * {@code pageIndex}.
     */
    public TestPdf bookmark(String title, int level, int pageIndex, float top) {
        bookmarks.add(new Bookmark(title, level, pageIndex, top, null, false));
        return this;
    }

    /** An outline entry with an XYZ destination at the cursor of the current page. */
    public TestPdf bookmarkHere(String title, int level) {
        return bookmark(title, level, pageIndex(), cursorTop() + 2);
    }

    /** An outline entry with a /Fit destination: the page only, no coordinate. */
    public TestPdf bookmarkFit(String title, int level, int pageIndex) {
        bookmarks.add(new Bookmark(title, level, pageIndex, Float.NaN, null, false));
        return this;
    }

    /**
     * An outline entry that goes through a GoTo action to a named destination (XYZ at
     * {@code top}).
     */
    public TestPdf bookmarkNamed(String title, int level, int pageIndex, float top, String name) {
        bookmarks.add(new Bookmark(title, level, pageIndex, top, name, false));
        return this;
    }

    /** An outline entry without any destination. */
    public TestPdf bookmarkNowhere(String title, int level) {
        bookmarks.add(new Bookmark(title, level, -1, Float.NaN, null, true));
        return this;
    }

    /**
     * Something to do to the document just before it is saved (e.g. break its outline).
     */
    public TestPdf finishing(Consumer<PDDocument> step) {
        this.finishing = step;
        return this;
    }

    public TestPdf title(String title) {
        document.getDocumentInformation().setTitle(title);
        return this;
    }

    /**
     * Encrypts with RC4/AES 128 under the given user password (empty: anyone can open
     * it).
     */
    public TestPdf encrypt(String userPassword) {
        AccessPermission permissions = new AccessPermission();
        permissions.setCanExtractContent(false);
        protection = new StandardProtectionPolicy("owner-secret", userPassword, permissions);
        protection.setEncryptionKeyLength(128);
        return this;
    }

    public byte[] bytes() {
        try {
            closeStream();
            buildOutline();
            finishing.accept(document);
            if (protection != null) {
                document.protect(protection);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            document.close();
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path save(Path directory, String name) {
        try {
            return Files.write(directory.resolve(name), bytes());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PDPageContentStream currentStream() {
        if (stream == null) {
            throw new IllegalStateException("call page() first");
        }
        return stream;
    }

    private void closeStream() {
        if (stream != null) {
            try {
                stream.close();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            stream = null;
        }
    }

    private void buildOutline() {
        if (bookmarks.isEmpty()) {
            return;
        }
        PDDocumentOutline outline = new PDDocumentOutline();
        document.getDocumentCatalog().setDocumentOutline(outline);
        Deque<PDOutlineNode> parents = new ArrayDeque<>();
        parents.push(outline);
        PDDocumentNameDestinationDictionary dests = null;
        for (Bookmark bookmark : bookmarks) {
            while (parents.size() > bookmark.level()) {
                parents.pop();
            }
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle(bookmark.title());
            if (!bookmark.nowhere()) {
                PDPageDestination destination = destination(bookmark);
                if (bookmark.name() != null) {
                    if (dests == null) {
                        dests = new PDDocumentNameDestinationDictionary(new COSDictionary());
                        document.getDocumentCatalog().getCOSObject().setItem(COSName.DESTS, dests.getCOSObject());
                    }
                    dests.getCOSObject().setItem(bookmark.name(), destination.getCOSObject());
                    PDActionGoTo goTo = new PDActionGoTo();
                    goTo.setDestination(new PDNamedDestination(bookmark.name()));
                    item.setAction(goTo);
                }
                else {
                    item.setDestination(destination);
                }
            }
            parents.peek().addLast(item);
            parents.push(item);
        }
    }

    private PDPageDestination destination(Bookmark bookmark) {
        PDPage page = document.getPage(bookmark.pageIndex());
        if (Float.isNaN(bookmark.top())) {
            PDPageFitDestination fit = new PDPageFitDestination();
            fit.setPage(page);
            return fit;
        }
        PDPageXYZDestination xyz = new PDPageXYZDestination();
        xyz.setPage(page);
        xyz.setTop(Math.round(bookmark.top()));
        xyz.setLeft(0);
        return xyz;
    }

    private record Bookmark(String title, int level, int pageIndex, float top, @Nullable String name, boolean nowhere) {
    }

}
