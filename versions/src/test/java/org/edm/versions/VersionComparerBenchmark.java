package org.edm.versions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Comparison speed: two versions of 500 sections (50 chapters of 9 subsections, about 150
 * words each), the newer with a chapter inserted at 2 (renumbering all later ones), 25
 * sections edited, 5 removed, 3 moved and 3 renamed. Prints the median CPU time of the
 * comparing thread over 15 runs after 5 warm-up runs, on the calling thread (one core).
 * Asserts nothing.
 *
 * <p>
 * Run: {@code mvn -B -Pbenchmark -pl versions test}.
 */
class VersionComparerBenchmark {

    /**
     * CPU time of the calling thread: the figure does not depend on what else the machine
     * runs.
     */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    @Test
    void comparesTwoVersionsOf500Sections() {
        Random random = new Random(42);
        List<String> vocabulary = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            vocabulary.add(Integer.toString(i * 7919 + 1000, 36));
        }
        List<String[]> chapters = new ArrayList<>();
        Sections older = new Sections();
        for (int c = 0; c < 50; c++) {
            older.add(1, (c + 1) + " Chapter " + vocabulary.get(c), text(random, vocabulary, 60));
            for (int s = 0; s < 9; s++) {
                older.add(2, (c + 1) + "." + (s + 1) + " Message " + vocabulary.get(100 + c * 9 + s),
                        text(random, vocabulary, 150));
            }
        }
        List<Section> from = older.list();
        Sections newer = new Sections();
        Section moved = null;
        for (Section section : from) {
            int chapter = Integer.parseInt(section.title().split("[. ]")[0]);
            String number = section.title().substring(0, section.title().indexOf(' '));
            String rest = section.title().substring(number.length());
            if (chapter >= 2) {
                String[] parts = number.split("\\.");
                parts[0] = String.valueOf(chapter + 1);
                number = String.join(".", parts);
            }
            if (chapter == 2 && section.level() == 1) {
                newer.add(1, "2 Inserted chapter", text(random, vocabulary, 60));
                for (int s = 0; s < 5; s++) {
                    newer.add(2, "2." + (s + 1) + " New message " + s, text(random, vocabulary, 150));
                }
            }
            int i = section.orderIndex();
            if (i % 97 == 13) {
                continue; // removed
            }
            if (i % 151 == 20 && moved == null) {
                moved = section;
                continue;
            }
            String body = section.body();
            if (i % 20 == 7) {
                body = body.replaceFirst(" [a-z0-9]+ ", " edited" + i + " ");
            }
            if (i % 167 == 30) {
                rest = rest + " (revised)";
            }
            newer.add(section.level(), number + rest, body);
            if (moved != null && chapter == 40 && section.title().endsWith(vocabulary.get(100 + 39 * 9 + 8))) {
                newer.add(2, "41.10" + moved.title().substring(moved.title().indexOf(' ')), moved.body());
                moved = null;
            }
        }
        List<Section> to = newer.list();

        Comparison comparison = null;
        for (int i = 0; i < 5; i++) {
            comparison = VersionComparer.compare(from, to);
        }
        long[] nanos = new long[15];
        for (int i = 0; i < nanos.length; i++) {
            long start = CPU.getCurrentThreadCpuTime();
            comparison = VersionComparer.compare(from, to);
            nanos[i] = CPU.getCurrentThreadCpuTime() - start;
        }
        Arrays.sort(nanos);
        System.out.println();
        System.out.printf(Locale.ROOT, "== VersionComparer: %d -> %d sections, %d words ==%n", from.size(), to.size(),
                from.stream().mapToInt(s -> s.body().split(" ").length).sum());
        System.out.printf(Locale.ROOT, "CPU time of one thread: median %.1f ms, min %.1f ms, max %.1f ms (JDK %s)%n",
                nanos[7] / 1e6, nanos[0] / 1e6, nanos[14] / 1e6, System.getProperty("java.version"));
        System.out.println("counts " + comparison.counts());
    }

    private static String text(Random random, List<String> vocabulary, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(vocabulary.get(random.nextInt(vocabulary.size()))).append(i % 12 == 11 ? '\n' : ' ');
        }
        return text.toString().strip();
    }

}
