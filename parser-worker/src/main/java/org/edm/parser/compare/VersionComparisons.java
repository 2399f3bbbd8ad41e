package org.edm.parser.compare;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.edm.events.DocumentProcessed;
import org.edm.events.DocumentsCompared;
import org.edm.versions.ChangeKind;
import org.edm.versions.Comparison;
import org.edm.versions.Families;
import org.edm.versions.SectionChange;
import org.edm.versions.SectionKeys;
import org.edm.versions.StoredSections;
import org.edm.versions.VersionComparer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one {@code documents.processed} event, in one transaction, at most once per
 * event id (recorded in {@code processed_events} under consumer
 * {@value ComparisonRepository#CONSUMER}):
 * <ol>
 * <li>nothing unless the document still exists and is {@code done};</li>
 * <li>under a transaction-scoped advisory lock on its family (so concurrent versions of
 * one family are handled one after the other, and every row lock is taken under it: no
 * deadlock between two of these transactions), the family's {@code done} versions in
 * version order;</li>
 * <li>with a predecessor: compares the two, stores the comparison (replacing an earlier
 * one of the same pair), the document's section keys (inherited through the alignment)
 * and appends {@link DocumentsCompared}; without one: derives its keys;</li>
 * <li>with a {@code done} successor (the document was re-parsed, or an older version
 * arrived late): compares the successor with it the same way, re-keys the successor and
 * announces that comparison too.</li>
 * </ol>
 */
@Component
public class VersionComparisons {

    private static final Logger log = LoggerFactory.getLogger(VersionComparisons.class);

    private final ComparisonRepository repository;

    private final ComparedEventsOutbox outbox;

    private final TransactionTemplate transaction;

    private final Clock clock;

    VersionComparisons(ComparisonRepository repository, ComparedEventsOutbox outbox, TransactionTemplate transaction) {
        this.repository = repository;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = Clock.systemUTC();
    }

    public void apply(DocumentProcessed event) {
        transaction.executeWithoutResult(status -> {
            if (repository.alreadyProcessed(event.eventId())) {
                log.debug("Event {} for document {} already applied", event.eventId(), event.documentId());
                return;
            }
            if (DocumentProcessed.STATUS_DONE.equals(event.status())) {
                compare(event.documentId());
            }
            repository.recordProcessed(event.eventId(), event.documentId());
        });
    }

    private void compare(UUID documentId) {
        Optional<String> title = repository.title(documentId);
        if (title.isEmpty()) {
            return;
        }
        String family = Families.key(title.get());
        repository.lockFamily(family);
        if (!repository.lockDone(documentId)) {
            return;
        }
        List<FamilyMember> members = repository.familyMembers(family);
        int at = -1;
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).id().equals(documentId)) {
                at = i;
            }
        }
        FamilyMember current = members.get(at);
        StoredSections sections = repository.sections(documentId);
        List<String> keys;
        if (at > 0) {
            keys = compareAndStore(family, members.get(at - 1), current, sections);
        }
        else {
            keys = SectionKeys.derive(sections.sections());
            repository.replaceKeys(documentId, sections, keys);
            log.info("Document {} is the first version of family '{}': {} section keys", documentId, family,
                    keys.size());
        }
        if (at + 1 < members.size()) {
            FamilyMember next = members.get(at + 1);
            if (repository.lockDone(next.id())) {
                compareAndStore(family, current, sections, keys, next, repository.sections(next.id()));
            }
        }
    }

    private List<String> compareAndStore(String family, FamilyMember older, FamilyMember newer,
            StoredSections newerSections) {
        StoredSections olderSections = repository.sections(older.id());
        List<String> olderKeys = repository.keys(olderSections, older.id()).orElseGet(() -> {
            List<String> derived = SectionKeys.derive(olderSections.sections());
            repository.replaceKeys(older.id(), olderSections, derived);
            return derived;
        });
        return compareAndStore(family, older, olderSections, olderKeys, newer, newerSections);
    }

    private List<String> compareAndStore(String family, FamilyMember older, StoredSections olderSections,
            List<String> olderKeys, FamilyMember newer, StoredSections newerSections) {
        long start = System.nanoTime();
        Comparison comparison = VersionComparer.compare(olderSections.sections(), olderKeys, older.version(),
                newerSections.sections(), newer.version());
        Instant now = clock.instant();
        repository.replaceKeys(newer.id(), newerSections, comparison.toKeys());
        repository.replaceComparison(older.id(), olderSections, newer.id(), newerSections, comparison, now);
        Map<ChangeKind, Integer> counts = comparison.counts();
        List<DocumentsCompared.ChangedSection> changed = new ArrayList<>();
        for (SectionChange change : comparison.differences()) {
            changed.add(new DocumentsCompared.ChangedSection(change.kind().wireName(), change.key(), change.title()));
        }
        outbox.append(DocumentsCompared.of(now, family, older.id(), older.version(), newer.id(), newer.version(),
                new DocumentsCompared.Counts(counts.get(ChangeKind.UNCHANGED), counts.get(ChangeKind.CHANGED),
                        counts.get(ChangeKind.ADDED), counts.get(ChangeKind.REMOVED), counts.get(ChangeKind.MOVED),
                        counts.get(ChangeKind.RENAMED)),
                changed));
        log.info("Compared document {} ({}) with {} ({}) in family '{}': {} in {} ms", newer.id(), newer.version(),
                older.id(), older.version(), family, counts, (System.nanoTime() - start) / 1_000_000);
        return comparison.toKeys();
    }

}
