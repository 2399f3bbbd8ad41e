package org.edm.versions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Stable section keys: a section's key is its normalised title path without numbers, e.g.
 * {@code order-entry/new-order/fields} for {@code 4.2.1 Fields} under
 * {@code 4.2 New Order} under {@code 4 Order Entry}; each segment at most 48 characters;
 * a key already taken gets {@code -2}, {@code -3}... The first version of a family
 * derives all its keys so; a newer version inherits the key of each section it is aligned
 * to ({@link VersionComparer}) and derives keys only for the sections it adds, under
 * their parent's key.
 */
public final class SectionKeys {

    private static final int SEGMENT = 48;

    private SectionKeys() {
    }

    /** Keys for a version with no predecessor, by {@code orderIndex}. */
    public static List<String> derive(List<Section> sections) {
        return complete(sections, new String[sections.size()]);
    }

    /**
     * Fills the {@code null} entries of {@code inherited} (parents before children),
     * keeping the others.
     */
    static List<String> complete(List<Section> sections, @Nullable String[] inherited) {
        String[] keys = Arrays.copyOf(inherited, inherited.length);
        Set<String> taken = new HashSet<>();
        for (String key : keys) {
            if (key != null) {
                taken.add(key);
            }
        }
        for (Section section : sections) {
            int i = section.orderIndex();
            if (keys[i] != null) {
                continue;
            }
            String segment = segment(section.title());
            String base = section.parentIndex() == null ? segment : keys[section.parentIndex()] + "/" + segment;
            String key = base;
            for (int n = 2; !taken.add(key); n++) {
                key = base + "-" + n;
            }
            keys[i] = key;
        }
        List<String> result = new ArrayList<>(keys.length);
        for (String key : keys) {
            result.add(key);
        }
        return result;
    }

    private static String segment(String title) {
        String slug = Titles.normalise(title).replace(' ', '-');
        if (slug.isEmpty()) {
            return "section";
        }
        if (slug.length() > SEGMENT) {
            int cut = slug.lastIndexOf('-', SEGMENT);
            slug = slug.substring(0, cut > SEGMENT / 2 ? cut : SEGMENT);
        }
        return slug;
    }

}
