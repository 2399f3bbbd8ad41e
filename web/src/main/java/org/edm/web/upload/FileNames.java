package org.edm.web.upload;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Title and version guessed from a PDF's file name, as the upload form pre-fills them
 * (the page's script mirrors this in {@code upload.js}):
 * {@code Nasdaq.BxEquities.Orders.Ouch.v4.2.pdf} is title
 * {@code Nasdaq.BxEquities.Orders.Ouch}, version {@code 4.2}. Without a recognisable
 * version the version is empty and the person types it.
 */
final class FileNames {

    /** {@code ...v4.2}, {@code ..._V5}, {@code ... version 1.0.3}, {@code ...-v2.0b}. */
    private static final Pattern MARKED = Pattern
        .compile("^(.+?)[\\s._-]+(?:v|ver|version)[\\s._-]?(\\d+(?:[._]\\d+)*[a-z]?)$", Pattern.CASE_INSENSITIVE);

    /**
     * {@code ... 4.2}, {@code ..._2.0.1}: a dotted number at the end, after a separator.
     */
    private static final Pattern DOTTED = Pattern.compile("^(.+?)[\\s_-]+(\\d+(?:\\.\\d+)+)$");

    private FileNames() {
    }

    record Guess(String title, String version) {
    }

    static Guess guess(String fileName) {
        String name = fileName.replaceAll(".*[/\\\\]", "").strip();
        if (name.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            name = name.substring(0, name.length() - 4);
        }
        for (Pattern pattern : new Pattern[] { MARKED, DOTTED }) {
            Matcher matcher = pattern.matcher(name);
            if (matcher.matches()) {
                return new Guess(trim(matcher.group(1)), matcher.group(2).replace('_', '.'));
            }
        }
        return new Guess(trim(name), "");
    }

    private static String trim(String title) {
        return title.replaceAll("^[\\s._-]+|[\\s._-]+$", "");
    }

}
