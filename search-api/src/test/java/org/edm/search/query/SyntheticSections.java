package org.edm.search.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

import org.edm.search.query.CorpusSections.BaseDocument;
import org.edm.search.query.CorpusSections.BaseSection;

/**
 * Replicates the corpus sections with variation until the wanted number of sections is
 * reached: every copy of a corpus document becomes a new document (another version), and
 * every section text gets some of its words replaced by words drawn from the corpus's own
 * word frequencies (so the Zipf shape stays), numbers changed, and now and then an
 * exchange identifier or a made-up field name (a rare term). Deterministic for a given
 * seed.
 */
final class SyntheticSections {

    record Document(UUID id, String title, String version, int pageCount) {
    }

    record Section(UUID id, UUID documentId, int level, String title, String content, int pageNumber, UUID parentId,
            int orderIndex) {
    }

    /**
     * Identifiers as they appear in exchange specifications; injected rarely so they are
     * rare-to-medium terms.
     */
    private static final String[] IDENTIFIERS = { "AddOrder", "Stock_Locate", "MsgType (35=D)", "ITCH 5.0",
            "SoupBinTCP", "MsgType", "OrderExecuted", "Tracking_Number", "35=8", "MoldUDP64", "SeqNum", "ClOrdID",
            "35=F", "OUCH 4.2", "BEP 8.0" };

    private static final String[] TITLE_QUALIFIERS = { "Overview", "Format", "Fields", "Example", "Notes", "Extended",
            "Legacy", "Optional", "Reserved", "Timing" };

    private final List<BaseDocument> base;

    private final String[] vocabulary;

    private final double[] cumulative;

    private final SplittableRandom random;

    SyntheticSections(List<BaseDocument> base, long seed) {
        this.base = base;
        this.random = new SplittableRandom(seed);
        Map<String, Integer> counts = new HashMap<>();
        for (BaseDocument document : base) {
            for (BaseSection section : document.sections()) {
                for (String word : section.content().split("\\s+")) {
                    if (word.length() > 1 && word.length() < 25) {
                        counts.merge(word, 1, Integer::sum);
                    }
                }
            }
        }
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries
            .sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        vocabulary = new String[entries.size()];
        cumulative = new double[entries.size()];
        double sum = 0;
        for (int i = 0; i < entries.size(); i++) {
            vocabulary[i] = entries.get(i).getKey();
            sum += entries.get(i).getValue();
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
    }

    /**
     * Emits documents, each followed by its sections in reading order, until
     * {@code total} sections exist.
     */
    void generate(int total, Consumer<Document> documents, Consumer<Section> sections) {
        int produced = 0;
        for (int copy = 0; produced < total; copy++) {
            for (BaseDocument template : base) {
                if (produced >= total) {
                    return;
                }
                var document = new Document(uuid(),
                        copy == 0 ? template.title() : template.title() + " " + variantName(copy),
                        copy == 0 ? template.version() : template.version() + "." + copy,
                        template.sections().get(template.sections().size() - 1).pageNumber());
                documents.accept(document);
                UUID[] lastAtLevel = new UUID[8];
                int order = 0;
                for (BaseSection section : template.sections()) {
                    if (produced >= total) {
                        return;
                    }
                    UUID id = uuid();
                    UUID parent = null;
                    for (int level = section.level() - 1; level >= 1 && parent == null; level--) {
                        parent = lastAtLevel[level];
                    }
                    lastAtLevel[section.level()] = id;
                    Arrays.fill(lastAtLevel, section.level() + 1, lastAtLevel.length, null);
                    sections.accept(new Section(id, document.id(), section.level(), vary(section.title(), copy),
                            copy == 0 ? section.content() : varyContent(section.content()), section.pageNumber(),
                            parent, order++));
                    produced++;
                }
            }
        }
    }

    private String variantName(int copy) {
        return new String[] { "Spring", "Summer", "Autumn", "Winter" }[copy % 4] + " " + (2000 + copy / 4);
    }

    private String vary(String title, int copy) {
        if (copy == 0 || random.nextInt(5) != 0) {
            return title;
        }
        return title + " " + TITLE_QUALIFIERS[random.nextInt(TITLE_QUALIFIERS.length)];
    }

    private String varyContent(String content) {
        String[] words = content.split("\\s+");
        var out = new StringBuilder(content.length() + 64);
        for (String word : words) {
            int dice = random.nextInt(100);
            if (dice < 8) {
                word = sampleWord();
            }
            else if (dice < 10 && word.chars().allMatch(Character::isDigit)) {
                word = Integer.toString(random.nextInt(100_000));
            }
            if (dice == 99) {
                continue;
            }
            out.append(word).append(' ');
        }
        int extra = random.nextInt(1000);
        if (extra < 15) {
            out.append(IDENTIFIERS[random.nextInt(IDENTIFIERS.length)]).append(' ');
        }
        else if (extra < 25) {
            out.append("Fld").append(Integer.toString(random.nextInt(1 << 20), 36)).append(' ');
        }
        return out.toString().strip();
    }

    private String sampleWord() {
        int index = Arrays.binarySearch(cumulative, random.nextDouble());
        return vocabulary[Math.min(vocabulary.length - 1, index < 0 ? -index - 1 : index)];
    }

    private UUID uuid() {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }

}
