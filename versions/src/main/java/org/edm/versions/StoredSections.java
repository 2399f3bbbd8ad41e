package org.edm.versions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A stored document's sections as the comparison reads them, with their database ids:
 * what parser-worker and search-api both load from the {@code sections} and
 * {@code section_keys} tables before comparing or keying. Each keeps only its SQL:
 * {@link Row} and {@link Key} carry the columns by name, so Spring's {@code JdbcClient}
 * maps them ({@code .query(StoredSections.Row.class)}).
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

    /**
     * The sections of rows read in {@code order_index} order (a parent always comes
     * before its children).
     */
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

    /** One stored section key ({@code section_keys}). */
    public record Key(UUID sectionId, String sectionKey) {
    }

    /**
     * The stored keys by {@code orderIndex}, or empty unless every section has one (then
     * the caller derives them again).
     */
    public Optional<List<String>> keys(List<Key> storedKeys) {
        Map<UUID, String> byId = new HashMap<>();
        storedKeys.forEach(key -> byId.put(key.sectionId(), key.sectionKey()));
        List<String> keys = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            String key = byId.get(id);
            if (key == null) {
                return Optional.empty();
            }
            keys.add(key);
        }
        return Optional.of(keys);
    }
}
