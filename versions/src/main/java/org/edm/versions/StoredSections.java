package org.edm.versions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A stored document's sections as the comparison reads them, with their database ids: what parser-worker and
 * search-api both load from the {@code sections} table (each with its own SQL) before comparing or keying.
 *
 * @param sections by {@code orderIndex}
 * @param ids the section ids, by {@code orderIndex}
 */
public record StoredSections(List<Section> sections, List<UUID> ids) {

    public StoredSections {
        sections = List.copyOf(sections);
        ids = List.copyOf(ids);
        if (sections.size() != ids.size()) {
            throw new IllegalArgumentException(sections.size() + " sections but " + ids.size() + " ids");
        }
    }

    /**
     * One stored section row.
     *
     * @param parentId the enclosing section's id, {@code null} at top level
     * @param content the section's own text, {@code null} read as empty
     */
    public record Row(UUID id, int level, @Nullable UUID parentId, String title, @Nullable String content) {
    }

    /** The sections of rows read in {@code order_index} order (a parent always comes before its children). */
    public static StoredSections of(List<Row> rows) {
        Map<UUID, Integer> index = new HashMap<>();
        List<Section> sections = new ArrayList<>(rows.size());
        List<UUID> ids = new ArrayList<>(rows.size());
        for (Row row : rows) {
            int position = sections.size();
            index.put(row.id(), position);
            Integer parent = row.parentId() == null ? null : index.get(row.parentId());
            sections.add(new Section(position, row.level(), parent, row.title(),
                    row.content() == null ? "" : row.content()));
            ids.add(row.id());
        }
        return new StoredSections(sections, ids);
    }

    /**
     * The stored keys ({@code section_keys}: section id to key) by {@code orderIndex}, or empty unless every section
     * has one (then the caller derives them again).
     */
    public Optional<List<String>> keys(Map<UUID, String> storedKeys) {
        List<String> keys = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            String key = storedKeys.get(id);
            if (key == null) {
                return Optional.empty();
            }
            keys.add(key);
        }
        return Optional.of(keys);
    }
}
