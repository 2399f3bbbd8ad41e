package org.edm.parser.compare;

import java.util.List;
import java.util.UUID;

import org.edm.versions.Section;

/**
 * A document's sections as the versions library reads them, with their database ids.
 *
 * @param sections by {@code orderIndex}
 * @param ids the section ids, by {@code orderIndex}
 */
record StoredSections(List<Section> sections, List<UUID> ids) {
}
