package org.edm.migrations.contract;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * What a live database holds in its current schema, read from {@code pg_catalog}: the
 * same facts a {@link SchemaContract} states, in the same printed forms.
 */
public record LiveSchema(Set<String> tables, Map<String, List<String>> primaryKeys,
        Map<String, Map<String, LiveColumn>> columns, Map<String, LiveIndex> indexes, Map<String, LiveTrigger> triggers,
        List<LiveForeignKey> foreignKeys) {

    /** Flyway's own table is part of every migrated database but of no contract. */
    static final String FLYWAY_HISTORY = "flyway_schema_history";

    private static final String TABLES = """
            SELECT c.relname
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
            ORDER BY c.relname
            """;

    private static final String COLUMNS = """
            SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type,
                   a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS expression,
                   a.attgenerated = 's' AS generated
            FROM pg_attribute a
                JOIN pg_class c ON c.oid = a.attrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY c.relname, a.attnum
            """;

    private static final String PRIMARY_KEYS = """
            SELECT c.relname AS table_name,
                   array(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY AS u(attnum, position)
                         JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum
                         ORDER BY u.position) AS columns
            FROM pg_constraint k
                JOIN pg_class c ON c.oid = k.conrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND k.contype = 'p'
            """;

    private static final String INDEXES = """
            SELECT i.relname AS index_name, t.relname AS table_name, am.amname AS method, x.indisunique AS is_unique,
                   pg_get_expr(x.indpred, x.indrelid) AS predicate,
                   array(SELECT pg_get_indexdef(x.indexrelid, k, true) FROM generate_series(1, x.indnkeyatts) AS k
                         ORDER BY k) AS keys,
                   EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid
                           AND k.contype IN ('p', 'u', 'x')) AS backs_constraint
            FROM pg_index x
                JOIN pg_class i ON i.oid = x.indexrelid
                JOIN pg_class t ON t.oid = x.indrelid
                JOIN pg_am am ON am.oid = i.relam
                JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = current_schema()
            ORDER BY i.relname
            """;

    private static final String TRIGGERS = """
            SELECT t.tgname AS trigger_name, c.relname AS table_name, t.tgtype AS type, p.proname AS function,
                   t.tgenabled <> 'D' AS enabled
            FROM pg_trigger t
                JOIN pg_class c ON c.oid = t.tgrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_proc p ON p.oid = t.tgfoid
            WHERE n.nspname = current_schema() AND NOT t.tgisinternal
            ORDER BY t.tgname
            """;

    private static final String FOREIGN_KEYS = """
            SELECT k.conname AS name, c.relname AS table_name, r.relname AS referenced_table, k.confdeltype AS on_delete,
                   array(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY AS u(attnum, position)
                         JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum
                         ORDER BY u.position) AS columns,
                   array(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY AS u(attnum, position)
                         JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum
                         ORDER BY u.position) AS referenced_columns
            FROM pg_constraint k
                JOIN pg_class c ON c.oid = k.conrelid
                JOIN pg_class r ON r.oid = k.confrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND k.contype = 'f'
            ORDER BY k.conname
            """;

    public record LiveColumn(String name, String type, boolean notNull, @Nullable String expression,
            boolean generated) {
    }

    public record LiveIndex(String name, String table, String method, boolean unique, List<String> keys,
            @Nullable String predicate, boolean backsConstraint) {
    }

    public record LiveTrigger(String name, String table, String timing, String events, String level, String function,
            boolean enabled) {
    }

    public record LiveForeignKey(String name, String table, List<String> columns, String referencedTable,
            List<String> referencedColumns, String onDelete) {
    }

    /** Reads the connection's current schema (normally {@code public}). */
    public static LiveSchema read(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            Set<String> tables = new TreeSet<>();
            try (ResultSet rows = statement.executeQuery(TABLES)) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            Map<String, Map<String, LiveColumn>> columns = new LinkedHashMap<>();
            try (ResultSet rows = statement.executeQuery(COLUMNS)) {
                while (rows.next()) {
                    columns.computeIfAbsent(rows.getString("table_name"), table -> new LinkedHashMap<>())
                        .put(rows.getString("column_name"),
                                new LiveColumn(rows.getString("column_name"), rows.getString("type"),
                                        rows.getBoolean("not_null"), rows.getString("expression"),
                                        rows.getBoolean("generated")));
                }
            }
            Map<String, List<String>> primaryKeys = new LinkedHashMap<>();
            try (ResultSet rows = statement.executeQuery(PRIMARY_KEYS)) {
                while (rows.next()) {
                    primaryKeys.put(rows.getString("table_name"), strings(rows.getArray("columns")));
                }
            }
            Map<String, LiveIndex> indexes = new LinkedHashMap<>();
            try (ResultSet rows = statement.executeQuery(INDEXES)) {
                while (rows.next()) {
                    indexes.put(rows.getString("index_name"),
                            new LiveIndex(rows.getString("index_name"), rows.getString("table_name"),
                                    rows.getString("method"), rows.getBoolean("is_unique"),
                                    strings(rows.getArray("keys")), rows.getString("predicate"),
                                    rows.getBoolean("backs_constraint")));
                }
            }
            Map<String, LiveTrigger> triggers = new LinkedHashMap<>();
            try (ResultSet rows = statement.executeQuery(TRIGGERS)) {
                while (rows.next()) {
                    int type = rows.getInt("type");
                    triggers.put(rows.getString("trigger_name"),
                            new LiveTrigger(rows.getString("trigger_name"), rows.getString("table_name"), timing(type),
                                    events(type), (type & ROW) != 0 ? "ROW" : "STATEMENT", rows.getString("function"),
                                    rows.getBoolean("enabled")));
                }
            }
            List<LiveForeignKey> foreignKeys = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(FOREIGN_KEYS)) {
                while (rows.next()) {
                    foreignKeys.add(new LiveForeignKey(rows.getString("name"), rows.getString("table_name"),
                            strings(rows.getArray("columns")), rows.getString("referenced_table"),
                            strings(rows.getArray("referenced_columns")), onDelete(rows.getString("on_delete"))));
                }
            }
            return new LiveSchema(tables, primaryKeys, columns, indexes, triggers, foreignKeys);
        }
    }

    // pg_trigger.tgtype bits (src/include/catalog/pg_trigger.h)
    private static final int ROW = 1;

    private static final int BEFORE = 1 << 1;

    private static final int INSERT = 1 << 2;

    private static final int DELETE = 1 << 3;

    private static final int UPDATE = 1 << 4;

    private static final int TRUNCATE = 1 << 5;

    private static final int INSTEAD = 1 << 6;

    private static String timing(int type) {
        if ((type & INSTEAD) != 0) {
            return "INSTEAD OF";
        }
        return (type & BEFORE) != 0 ? "BEFORE" : "AFTER";
    }

    private static String events(int type) {
        List<String> events = new ArrayList<>();
        if ((type & INSERT) != 0) {
            events.add("INSERT");
        }
        if ((type & UPDATE) != 0) {
            events.add("UPDATE");
        }
        if ((type & DELETE) != 0) {
            events.add("DELETE");
        }
        if ((type & TRUNCATE) != 0) {
            events.add("TRUNCATE");
        }
        return String.join(" OR ", events);
    }

    private static String onDelete(String code) {
        return switch (code) {
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            case "r" -> "RESTRICT";
            default -> "NO ACTION";
        };
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
