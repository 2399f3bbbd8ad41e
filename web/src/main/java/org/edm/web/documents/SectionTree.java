package org.edm.web.documents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.edm.web.api.ApiViews.OutlineEntry;
import org.jspecify.annotations.Nullable;

/**
 * The flat outline of search-api (reading order, each entry naming its parent) as a tree
 * for the page; the branches leading to the section being read are open, the others
 * closed.
 */
final class SectionTree {

    /**
     * One section and its children; {@code open} when the current section is in it;
     * {@code current} when it is it.
     */
    record Node(OutlineEntry entry, List<Node> children, boolean open, boolean current) {
    }

    private SectionTree() {
    }

    static List<Node> of(List<OutlineEntry> outline, @Nullable UUID current) {
        Map<UUID, OutlineEntry> byId = new HashMap<>();
        Map<UUID, List<OutlineEntry>> children = new HashMap<>();
        List<OutlineEntry> roots = new ArrayList<>();
        for (OutlineEntry entry : outline) {
            byId.put(entry.id(), entry);
        }
        for (OutlineEntry entry : outline) {
            if (entry.parentId() == null || !byId.containsKey(entry.parentId())) {
                roots.add(entry);
            }
            else {
                children.computeIfAbsent(entry.parentId(), id -> new ArrayList<>()).add(entry);
            }
        }
        Set<UUID> path = new HashSet<>();
        for (UUID id = current; id != null && byId.containsKey(id) && path.add(id); id = byId.get(id).parentId()) {
            // the current section and its ancestors
        }
        return build(roots, children, path, current);
    }

    private static List<Node> build(List<OutlineEntry> entries, Map<UUID, List<OutlineEntry>> children, Set<UUID> path,
            @Nullable UUID current) {
        List<Node> nodes = new ArrayList<>(entries.size());
        for (OutlineEntry entry : entries) {
            nodes.add(new Node(entry, build(children.getOrDefault(entry.id(), List.of()), children, path, current),
                    path.contains(entry.id()), entry.id().equals(current)));
        }
        return nodes;
    }

}
