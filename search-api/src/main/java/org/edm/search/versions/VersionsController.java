package org.edm.search.versions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.edm.search.versions.Problems.FamilyNotFound;
import org.edm.search.versions.Problems.NoPredecessor;
import org.edm.search.versions.Problems.NotComparable;
import org.edm.search.versions.Problems.PermalinkNotFound;
import org.edm.search.versions.Problems.VersionNotFound;
import org.edm.search.versions.VersionViews.Change;
import org.edm.search.versions.VersionViews.ComparisonView;
import org.edm.search.versions.VersionViews.Counts;
import org.edm.search.versions.VersionViews.FamilyDetail;
import org.edm.search.versions.VersionViews.FamilyList;
import org.edm.search.versions.VersionViews.FamilySummary;
import org.edm.search.versions.VersionViews.FamilyVersion;
import org.edm.search.versions.VersionViews.PermalinkView;
import org.edm.search.versions.VersionViews.SectionRef;
import org.edm.search.versions.VersionViews.VersionChange;
import org.edm.search.versions.VersionViews.VersionRef;
import org.edm.search.versions.VersionsRepository.KeyChange;
import org.edm.search.versions.VersionsRepository.StoredComparison;
import org.edm.search.web.InvalidParameter;
import org.edm.search.web.PageLimits;
import org.edm.search.web.TextParameter;
import org.edm.versions.ChangeKind;
import org.edm.versions.Comparison;
import org.edm.versions.Families;
import org.edm.versions.SectionChange;
import org.edm.versions.SectionKeys;
import org.edm.versions.StoredSections;
import org.edm.versions.VersionComparer;
import org.edm.versions.VersionOrder;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

/** Families, their versions, comparisons between versions and section permalinks. */
@RestController
class VersionsController {

    private final VersionsRepository repository;

    private final PageLimits limits;

    VersionsController(VersionsRepository repository, PageLimits limits) {
        this.repository = repository;
        this.limits = limits;
    }

    @GetMapping("/api/families")
    @Operation(summary = "Families (documents with the same title), by family key, each with its newest done version")
    FamilyList families(
            @Parameter(description = "families per page, 1 to 100; default 20") @RequestParam(name = "limit",
                    required = false) @Nullable Integer limit,
            @Parameter(description = "nextAfter of the previous page: the families after this key") @RequestParam(
                    name = "after", required = false) @Nullable String after) {
        int rows = limits.rows(limit);
        List<String> page = repository.families(TextParameter.check("after", after, 255), rows + 1);
        String next = null;
        if (page.size() > rows) {
            page = page.subList(0, rows);
            next = page.get(rows - 1);
        }
        Map<String, List<Member>> members = repository.members(page);
        List<FamilySummary> families = new ArrayList<>();
        for (String family : page) {
            List<Member> versions = members.getOrDefault(family, List.of());
            Optional<Member> newest = newestDone(versions);
            families.add(new FamilySummary(family, title(versions), versions.size(),
                    newest.map(m -> new VersionRef(m.id(), m.version())).orElse(null)));
        }
        return new FamilyList(families, next, rows);
    }

    @GetMapping("/api/families/{family}")
    @Operation(summary = "A family's versions in natural version order, each with its change counts against the "
            + "previous done version")
    FamilyDetail family(@Parameter(
            description = "the family key or any title of the family") @PathVariable("family") String family) {
        String key = Families.key(family);
        List<Member> versions = members(key);
        Optional<Member> newest = newestDone(versions);
        Map<UUID, StoredComparison> byTo = new HashMap<>();
        for (StoredComparison comparison : repository.comparisonsTo(versions.stream().map(Member::id).toList())) {
            byTo.merge(comparison.to(), comparison, (a, b) -> a.computedAt().isAfter(b.computedAt()) ? a : b);
        }
        List<FamilyVersion> views = new ArrayList<>();
        Member previousDone = null;
        for (Member member : versions) {
            UUID comparedWith = null;
            Counts counts = null;
            if (member.done() && previousDone != null) {
                comparedWith = previousDone.id();
                StoredComparison stored = byTo.get(member.id());
                if (stored != null && stored.from().equals(previousDone.id())) {
                    counts = stored.counts();
                }
            }
            views.add(new FamilyVersion(member.id(), member.version(), member.status(), member.uploadDate(),
                    newest.map(m -> m.id().equals(member.id())).orElse(false), comparedWith, counts));
            if (member.done()) {
                previousDone = member;
            }
        }
        return new FamilyDetail(key, title(versions), views);
    }

    @GetMapping("/api/compare")
    @Operation(summary = "Section-level comparison of two done versions of one family: counts per kind and a page "
            + "of section changes with word-level hunks; computed on demand when not stored")
    ComparisonView compare(@RequestParam("from") UUID from, @RequestParam("to") UUID to,
            @Parameter(description = "section changes per page, 1 to 100; default 20") @RequestParam(name = "limit",
                    required = false) @Nullable Integer limit,
            @Parameter(description = "changes to skip; default 0") @RequestParam(name = "offset",
                    required = false) @Nullable Integer offset) {
        var older = repository.document(from).orElseThrow(() -> new VersionNotFound(from));
        var newer = repository.document(to).orElseThrow(() -> new VersionNotFound(to));
        if (!older.getKey().equals(newer.getKey())) {
            throw new NotComparable("Documents " + from + " and " + to + " belong to different families.");
        }
        if (!older.getValue().done() || !newer.getValue().done()) {
            throw new NotComparable("Only done versions can be compared.");
        }
        return comparison(older.getKey(), older.getValue(), newer.getValue(), limits.rows(limit), offset(offset));
    }

    @GetMapping("/api/documents/{id}/changes")
    @Operation(summary = "The document compared with the previous done version of its family")
    ComparisonView changes(@PathVariable("id") UUID id,
            @RequestParam(name = "limit", required = false) @Nullable Integer limit,
            @RequestParam(name = "offset", required = false) @Nullable Integer offset) {
        var document = repository.document(id).orElseThrow(() -> new VersionNotFound(id));
        if (!document.getValue().done()) {
            throw new NotComparable("Document " + id + " is not done.");
        }
        Member previous = null;
        for (Member member : members(document.getKey())) {
            if (member.id().equals(id)) {
                break;
            }
            if (member.done()) {
                previous = member;
            }
        }
        if (previous == null) {
            throw new NoPredecessor(id);
        }
        return comparison(document.getKey(), previous, document.getValue(), limits.rows(limit), offset(offset));
    }

    @GetMapping("/api/families/{family}/sections/{*key}")
    @Operation(summary = "A section by its permalink key: the newest done version's section (or the pinned "
            + "version's) and the versions in which it changed")
    PermalinkView permalink(@PathVariable("family") String family, @PathVariable("key") String key,
            @Parameter(description = "pin this version label instead of the newest done version") @RequestParam(
                    name = "version", required = false) @Nullable String version) {
        String familyKey = Families.key(family);
        String sectionKey = key.startsWith("/") ? key.substring(1) : key;
        List<Member> versions = members(familyKey);
        List<Member> done = versions.stream().filter(Member::done).toList();
        Optional<Member> newest = newestDone(versions);
        Member chosen;
        if (version == null) {
            chosen = newest.orElseThrow(() -> new PermalinkNotFound("Family '" + familyKey + "' has no done version."));
        }
        else {
            String label = TextParameter.check("version", version, 50);
            chosen = done.stream()
                .filter(m -> m.version().equals(label))
                .reduce((a, b) -> b)
                .or(() -> done.stream()
                    .filter(m -> VersionOrder.INSTANCE.compare(m.version(), label) == 0)
                    .reduce((a, b) -> b))
                .orElseThrow(
                        () -> new PermalinkNotFound("Family '" + familyKey + "' has no done version " + label + "."));
        }
        SectionRef section = repository.sectionByKey(chosen.id(), sectionKey)
            .orElseThrow(() -> new PermalinkNotFound("Version " + chosen.version() + " of family '" + familyKey
                    + "' has no section with key '" + sectionKey + "'."));
        Map<UUID, UUID> predecessor = new HashMap<>();
        for (int i = 1; i < done.size(); i++) {
            predecessor.put(done.get(i).id(), done.get(i - 1).id());
        }
        Map<UUID, String> kindByVersion = new HashMap<>();
        for (KeyChange change : repository.changesOfKey(sectionKey, predecessor.keySet())) {
            if (change.from().equals(predecessor.get(change.to()))) {
                kindByVersion.put(change.to(), change.kind());
            }
        }
        List<VersionChange> changedIn = new ArrayList<>();
        for (Member member : done) {
            String kind = kindByVersion.get(member.id());
            if (kind != null) {
                changedIn.add(new VersionChange(member.id(), member.version(), kind));
            }
        }
        return new PermalinkView(familyKey, sectionKey, new VersionRef(chosen.id(), chosen.version()),
                newest.map(m -> m.id().equals(chosen.id())).orElse(false), section, changedIn);
    }

    private ComparisonView comparison(String family, Member from, Member to, int limit, int offset) {
        VersionRef fromRef = new VersionRef(from.id(), from.version());
        VersionRef toRef = new VersionRef(to.id(), to.version());
        Optional<StoredComparison> stored = repository.comparisonsTo(List.of(to.id()))
            .stream()
            .filter(c -> c.from().equals(from.id()))
            .findFirst();
        if (stored.isPresent()) {
            Counts counts = stored.get().counts();
            int total = counts.changed() + counts.added() + counts.removed() + counts.moved() + counts.renamed();
            return new ComparisonView(family, fromRef, toRef, counts, true, stored.get().computedAt(),
                    repository.changes(stored.get().id(), offset, limit), total, offset, limit);
        }
        StoredSections older = repository.sections(from.id());
        StoredSections newer = repository.sections(to.id());
        List<String> olderKeys = repository.keys(from.id(), older)
            .orElseGet(() -> SectionKeys.derive(older.sections()));
        Comparison comparison = VersionComparer.compare(older.sections(), olderKeys, from.version(), newer.sections(),
                to.version());
        Map<ChangeKind, Integer> counts = comparison.counts();
        List<SectionChange> differences = comparison.differences();
        List<Change> page = new ArrayList<>();
        for (SectionChange change : differences.subList(Math.min(offset, differences.size()),
                Math.min(offset + limit, differences.size()))) {
            page.add(new Change(change.kind().wireName(), change.key(),
                    change.fromIndex() == null ? null : older.ids().get(change.fromIndex()),
                    change.toIndex() == null ? null : newer.ids().get(change.toIndex()), change.fromTitle(),
                    change.toTitle(), change.hunks()));
        }
        return new ComparisonView(family, fromRef, toRef,
                new Counts(counts.get(ChangeKind.UNCHANGED), counts.get(ChangeKind.CHANGED),
                        counts.get(ChangeKind.ADDED), counts.get(ChangeKind.REMOVED), counts.get(ChangeKind.MOVED),
                        counts.get(ChangeKind.RENAMED)),
                false, null, page, differences.size(), offset, limit);
    }

    private List<Member> members(String family) {
        List<Member> versions = repository.members(List.of(family)).getOrDefault(family, List.of());
        if (versions.isEmpty()) {
            throw new FamilyNotFound(family);
        }
        return versions;
    }

    private static Optional<Member> newestDone(List<Member> versions) {
        return versions.stream().filter(Member::done).max(Member.ORDER);
    }

    private static String title(List<Member> versions) {
        return versions.isEmpty() ? "" : versions.get(versions.size() - 1).title();
    }

    private static int offset(@Nullable Integer offset) {
        int skip = offset == null ? 0 : offset;
        if (skip < 0) {
            throw new InvalidParameter("offset", "offset must not be negative.");
        }
        return skip;
    }

}
