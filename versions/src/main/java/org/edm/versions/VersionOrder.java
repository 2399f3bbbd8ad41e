package org.edm.versions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The natural order of version strings: {@code 1.1.5 < 1.1.6 < 1.1.12},
 * {@code 2.9 < 2.10 < 2.10.a}, {@code 5.0.2017 < 5.0.2023}, {@code v14.0} = {@code 14.0}
 * = {@code Version 14.0}.
 *
 * <p>
 * A version is read as a run of tokens, digits or letters, after a leading {@code v} or
 * {@code version}; separators ({@code . - _} and spaces) only separate. Tokens compare
 * one by one: numbers by value (leading zeros ignored), letters alphabetically, ignoring
 * case, and a number after letters ({@code 1.0.beta < 1.0.1}). When one version is a
 * prefix of the other, the shorter comes first ({@code 2.10 < 2.10.a}). Versions equal by
 * this order (e.g. {@code 1.05} and {@code 1.5}) compare 0: callers break ties, e.g. by
 * upload time.
 */
public final class VersionOrder implements Comparator<String> {

    public static final VersionOrder INSTANCE = new VersionOrder();

    private VersionOrder() {
    }

    @Override
    public int compare(String left, String right) {
        List<String> a = tokens(left);
        List<String> b = tokens(right);
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int order = compareTokens(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    static List<String> tokens(String version) {
        String text = version.strip().toLowerCase(Locale.ROOT);
        if (text.startsWith("version")) {
            text = text.substring("version".length());
        }
        else if (text.startsWith("v") && text.length() > 1 && Character.isDigit(text.charAt(1))) {
            text = text.substring(1);
        }
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int start = i;
            if (Character.isDigit(c)) {
                while (i < text.length() && Character.isDigit(text.charAt(i))) {
                    i++;
                }
            }
            else if (Character.isLetter(c)) {
                while (i < text.length() && Character.isLetter(text.charAt(i))) {
                    i++;
                }
            }
            else {
                i++;
                continue;
            }
            tokens.add(text.substring(start, i));
        }
        return tokens;
    }

    private static int compareTokens(String a, String b) {
        boolean aNumber = Character.isDigit(a.charAt(0));
        boolean bNumber = Character.isDigit(b.charAt(0));
        if (aNumber && bNumber) {
            String x = stripZeros(a);
            String y = stripZeros(b);
            return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
        }
        if (aNumber != bNumber) {
            return aNumber ? 1 : -1;
        }
        return a.compareTo(b);
    }

    private static String stripZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

}
