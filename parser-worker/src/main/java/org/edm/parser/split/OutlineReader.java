package org.edm.parser.split;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.jspecify.annotations.Nullable;

/**
 * Reads a document's outline into a flat list of {@link OutlineEntry}s in reading order,
 * resolving each entry's destination (direct, through a GoTo action, or named through the
 * catalog's name tree or {@code /Dests}) to a page index and top coordinate.
 *
 * <p>
 * Outlines come from anywhere: a cycle (an item that is its own descendant or sibling) is
 * cut, depth is capped and so is the number of entries.
 */
final class OutlineReader {

    static final int MAX_DEPTH = 16;
    static final int MAX_ENTRIES = 50_000;

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private OutlineReader() {
    }

    static List<OutlineEntry> read(PDDocument document, SplitDeadline deadline) {
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        PDDocumentOutline outline;
        try {
            outline = catalog.getDocumentOutline();
        }
        catch (RuntimeException e) {
            return List.of();
        }
        if (outline == null) {
            return List.of();
        }
        Map<COSDictionary, Integer> pageIndexes = new IdentityHashMap<>();
        int index = 0;
        try {
            for (PDPage page : document.getPages()) {
                deadline.tick();
                pageIndexes.put(page.getCOSObject(), index++);
            }
        }
        catch (SplitDeadline.Passed e) {
            throw e;
        }
        catch (RuntimeException e) {
            // a broken page tree: destinations on the pages we could not list stay
            // unresolved
        }
        List<OutlineEntry> entries = new ArrayList<>();
        Set<COSDictionary> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        // depth-first, in reading order, without recursion: each frame iterates the
        // children of one node
        Deque<Iterator<PDOutlineItem>> stack = new ArrayDeque<>();
        stack.push(children(outline));
        while (!stack.isEmpty() && entries.size() < MAX_ENTRIES) {
            deadline.tick();
            Iterator<PDOutlineItem> siblings = stack.peek();
            PDOutlineItem item = next(siblings);
            if (item == null) {
                stack.pop();
                continue;
            }
            if (!visited.add(item.getCOSObject())) {
                continue;
            }
            int level = stack.size();
            entries.add(entry(item, level, catalog, pageIndexes, document.getNumberOfPages()));
            if (level < MAX_DEPTH) {
                stack.push(children(item));
            }
        }
        return List.copyOf(entries);
    }

    private static Iterator<PDOutlineItem> children(PDOutlineNode node) {
        try {
            return node.children().iterator();
        }
        catch (RuntimeException e) {
            return Collections.emptyIterator();
        }
    }

    private static @Nullable PDOutlineItem next(Iterator<PDOutlineItem> siblings) {
        try {
            return siblings.hasNext() ? siblings.next() : null;
        }
        catch (RuntimeException e) {
            return null;
        }
    }

    private static OutlineEntry entry(PDOutlineItem item, int level, PDDocumentCatalog catalog,
            Map<COSDictionary, Integer> pageIndexes, int pageCount) {
        String title = item.getTitle() == null ? ""
                : SPACES.matcher(PrintableText.of(item.getTitle())).replaceAll(" ").strip();
        PDPageDestination destination = destination(item, catalog);
        if (destination == null) {
            return new OutlineEntry(title, level, -1, Float.NaN);
        }
        COSArray array = destination.getCOSObject();
        int pageIndex = -1;
        COSBase target = array.size() > 0 ? array.getObject(0) : null;
        if (target instanceof COSDictionary page) {
            pageIndex = pageIndexes.getOrDefault(page, -1);
        }
        else if (target instanceof COSInteger number && number.intValue() >= 0 && number.intValue() < pageCount) {
            // remote-style destination by page number, seen in the wild in local outlines
            // too
            pageIndex = number.intValue();
        }
        return new OutlineEntry(title, level, pageIndex, top(array));
    }

    private static @Nullable PDPageDestination destination(PDOutlineItem item, PDDocumentCatalog catalog) {
        try {
            PDDestination destination = item.getDestination();
            if (destination == null) {
                PDAction action = item.getAction();
                if (action instanceof PDActionGoTo goTo) {
                    destination = goTo.getDestination();
                }
            }
            if (destination instanceof PDNamedDestination named) {
                destination = catalog.findNamedDestinationPage(named);
            }
            return destination instanceof PDPageDestination page ? page : null;
        }
        catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The top coordinate of an explicit destination array, by its type; NaN when absent
     * or null.
     */
    private static float top(COSArray array) {
        if (array.size() < 2 || !(array.getObject(1) instanceof COSName type)) {
            return Float.NaN;
        }
        int position = switch (type.getName()) {
            case "XYZ" -> 3;
            case "FitR" -> 5;
            case "FitH", "FitBH" -> 2;
            default -> -1;
        };
        if (position < 0 || position >= array.size()) {
            return Float.NaN;
        }
        COSBase value = array.get(position);
        if (value instanceof COSObject reference) {
            value = reference.getObject();
        }
        return value instanceof COSNumber number ? number.floatValue() : Float.NaN;
    }

}
