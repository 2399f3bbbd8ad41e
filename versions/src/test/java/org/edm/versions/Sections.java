package org.edm.versions;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds a section list in reading order, parents by title. */
final class Sections {

    private final List<Section> sections = new ArrayList<>();

    Sections add(int level, String title, String body) {
        Integer parent = null;
        for (int i = sections.size() - 1; i >= 0; i--) {
            if (sections.get(i).level() < level) {
                parent = i;
                break;
            }
        }
        return add(level, parent, title, body);
    }

    Sections add(int level, @Nullable Integer parent, String title, String body) {
        sections.add(new Section(sections.size(), level, parent, title, body));
        return this;
    }

    List<Section> list() {
        return List.copyOf(sections);
    }

}
