package org.edm.localstack;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The faults of a soak run and when each happens:
 * {@code parser-kill:2,kafka-stop:1,postgres-stop:1} gives four faults, the kinds
 * interleaved in the order given (parser-kill, kafka-stop, postgres-stop, parser-kill),
 * spread evenly over the uploads: with 1,000 uploads they fire once 200, 400, 600 and 800
 * uploads were accepted. Counting accepted uploads rather than seconds keeps the faults
 * inside the upload window however fast the machine is.
 *
 * @param faults in the order they fire, each with the number of accepted uploads it waits
 * for
 */
record FaultSchedule(List<ScheduledFault> faults) {

    /**
     * What a fault does to the running stack; each is undone (restarted) after the
     * outage.
     */
    enum Fault {

        /** SIGKILL of parser-worker's process, then a new process. */
        PARSER_KILL("parser-kill"),
        /**
         * The embedded Kafka broker shut down, then started on the same ports and log.
         */
        KAFKA_STOP("kafka-stop"),
        /**
         * The embedded PostgreSQL stopped (connections break), then started on the same
         * port and data.
         */
        POSTGRES_STOP("postgres-stop");

        final String label;

        Fault(String label) {
            this.label = label;
        }

        static Fault of(String label) {
            for (Fault fault : values()) {
                if (fault.label.equals(label)) {
                    return fault;
                }
            }
            throw new IllegalArgumentException("unknown fault " + label + " (parser-kill, kafka-stop, postgres-stop)");
        }

    }

    /** One fault, fired once {@code afterUploads} uploads were accepted. */
    record ScheduledFault(int afterUploads, Fault fault) {
    }

    FaultSchedule {
        faults = List.copyOf(faults);
    }

    /**
     * Plans {@code spec} (comma-separated {@code kind:count}, empty for none) over
     * {@code uploads} uploads.
     * @throws IllegalArgumentException for an unknown kind or a count below 0
     */
    static FaultSchedule plan(String spec, int uploads) {
        Map<Fault, Integer> counts = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String item = part.strip().toLowerCase(Locale.ROOT);
            if (item.isEmpty()) {
                continue;
            }
            int colon = item.indexOf(':');
            Fault fault = Fault.of(colon < 0 ? item : item.substring(0, colon));
            int count;
            try {
                count = colon < 0 ? 1 : Integer.parseInt(item.substring(colon + 1));
            }
            catch (NumberFormatException e) {
                throw new IllegalArgumentException("fault count must be a number: " + item);
            }
            if (count < 0) {
                throw new IllegalArgumentException("fault count must not be negative: " + item);
            }
            counts.merge(fault, count, Integer::sum);
        }
        List<Deque<Fault>> queues = new ArrayList<>();
        counts.forEach((fault, count) -> {
            Deque<Fault> queue = new ArrayDeque<>();
            for (int i = 0; i < count; i++) {
                queue.add(fault);
            }
            queues.add(queue);
        });
        List<Fault> order = new ArrayList<>();
        while (queues.stream().anyMatch(queue -> !queue.isEmpty())) {
            for (Deque<Fault> queue : queues) {
                if (!queue.isEmpty()) {
                    order.add(queue.poll());
                }
            }
        }
        List<ScheduledFault> faults = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            int after = (int) Math.round((double) uploads * (i + 1) / (order.size() + 1));
            faults.add(new ScheduledFault(Math.max(1, after), order.get(i)));
        }
        return new FaultSchedule(faults);
    }

    /** {@code parser-kill@200, kafka-stop@400, ...}. */
    String describe() {
        if (faults.isEmpty()) {
            return "none";
        }
        return String.join(", ", faults.stream().map(f -> f.fault().label + "@" + f.afterUploads()).toList());
    }
}
