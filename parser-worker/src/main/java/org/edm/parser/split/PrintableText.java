package org.edm.parser.split;

/**
 * Text as it may be stored and shown: no control characters (NUL breaks PostgreSQL text),
 * no lone surrogates, no soft hyphens (invisible in print, they split words for search).
 */
final class PrintableText {

    private static final char SOFT_HYPHEN = '\u00ad';

    private PrintableText() {
    }

    static String of(String text) {
        boolean clean = true;
        for (int i = 0; i < text.length() && clean; i++) {
            char c = text.charAt(i);
            clean = c >= 0x20 && c != 0x7f && c != SOFT_HYPHEN && !Character.isSurrogate(c);
        }
        if (clean) {
            return text;
        }
        StringBuilder printable = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (codePoint == '\t') {
                printable.append(' ');
            }
            else if (codePoint >= 0x20 && codePoint != 0x7f && codePoint != SOFT_HYPHEN
                    && !(codePoint <= Character.MAX_VALUE && Character.isSurrogate((char) codePoint))) {
                printable.appendCodePoint(codePoint);
            }
        });
        return printable.toString();
    }

}
