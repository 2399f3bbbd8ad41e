package org.edm.migrations.contract;

import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What a database must contain: tables with their columns and primary keys, named
 * indexes, triggers and foreign keys. Anything the database has beyond this is allowed (a
 * later migration may add it) and reported only as information.
 * <p>
 * Types are written as PostgreSQL's {@code format_type} prints them, e.g.
 * {@code character varying(255)}, {@code timestamp without time zone}.
 */
public record SchemaContract(List<Table> tables, List<Index> indexes, List<Trigger> triggers,
        List<ForeignKey> foreignKeys) {

    public SchemaContract {
        tables = List.copyOf(tables);
        indexes = List.copyOf(indexes);
        triggers = List.copyOf(triggers);
        foreignKeys = List.copyOf(foreignKeys);
    }

    /** A table with the columns it must have (it may have more) and its primary key. */
    public record Table(String name, List<String> primaryKey, List<Column> columns) {

        public Table {
            primaryKey = List.copyOf(primaryKey);
            columns = List.copyOf(columns);
        }

        public static Table of(String name, List<String> primaryKey, Column... columns) {
            return new Table(name, primaryKey, List.of(columns));
        }
    }

    /**
     * A column: its type and nullability always, its default or generation expression
     * where the contract promises one.
     */
    public record Column(String name, String type, boolean nullable, @Nullable String defaultExpression,
            @Nullable Generated generated) {

        public static Column notNull(String name, String type) {
            return new Column(name, type, false, null, null);
        }

        public static Column nullable(String name, String type) {
            return new Column(name, type, true, null, null);
        }

        /** The same column with a default, written as {@code pg_get_expr} prints it. */
        public Column withDefault(String expression) {
            return new Column(name, type, nullable, expression, generated);
        }

        /**
         * The same column as {@code GENERATED ALWAYS AS (...) STORED}, its expression
         * matching the pattern.
         */
        public Column generatedStored(String description, Pattern expression) {
            return new Column(name, type, nullable, defaultExpression, new Generated(description, expression));
        }
    }

    /**
     * A stored generated column's expression, checked by pattern because PostgreSQL
     * versions print it alike but not identically.
     */
    public record Generated(String description, Pattern expression) {
    }

    /**
     * A named index.
     *
     * @param method {@code btree}, {@code gin}, ...
     * @param keys key columns or expressions as {@code pg_get_indexdef} prints them, in
     * order
     * @param predicate the partial index's {@code WHERE} as {@code pg_get_expr} prints
     * it, or null for none
     */
    public record Index(String name, String table, String method, boolean unique, List<String> keys,
            @Nullable String predicate) {

        public Index {
            keys = List.copyOf(keys);
        }

        public static Index btree(String name, String table, String... keys) {
            return new Index(name, table, "btree", false, List.of(keys), null);
        }

        public static Index uniqueBtree(String name, String table, String... keys) {
            return new Index(name, table, "btree", true, List.of(keys), null);
        }

        public static Index gin(String name, String table, String... keys) {
            return new Index(name, table, "gin", false, List.of(keys), null);
        }

        public Index where(String condition) {
            return new Index(name, table, method, unique, keys, condition);
        }

        String describe() {
            return (unique ? "unique " : "") + method + " (" + String.join(", ", keys) + ") on " + table
                    + (predicate == null ? "" : " where " + predicate);
        }
    }

    /**
     * A trigger.
     *
     * @param timing {@code BEFORE}, {@code AFTER} or {@code INSTEAD OF}
     * @param events e.g. {@code UPDATE} or {@code INSERT OR UPDATE}
     * @param level {@code ROW} or {@code STATEMENT}
     * @param function the function it executes
     */
    public record Trigger(String name, String table, String timing, String events, String level, String function) {

        public static Trigger beforeUpdateEachRow(String name, String table, String function) {
            return new Trigger(name, table, "BEFORE", "UPDATE", "ROW", function);
        }

        String describe() {
            return timing + " " + events + " ON " + table + " FOR EACH " + level + " EXECUTE FUNCTION " + function
                    + "()";
        }
    }

    /**
     * A foreign key, identified by its table and columns (its name is reported, not
     * required).
     *
     * @param onDelete {@code CASCADE}, {@code SET NULL}, {@code RESTRICT},
     * {@code NO ACTION}, {@code SET DEFAULT}
     */
    public record ForeignKey(String name, String table, List<String> columns, String referencedTable,
            List<String> referencedColumns, String onDelete) {

        public ForeignKey {
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
        }

        public static ForeignKey cascading(String name, String table, String column, String referencedTable,
                String referencedColumn) {
            return new ForeignKey(name, table, List.of(column), referencedTable, List.of(referencedColumn), "CASCADE");
        }

        String describe() {
            return table + " (" + String.join(", ", columns) + ") REFERENCES " + referencedTable + " ("
                    + String.join(", ", referencedColumns) + ") ON DELETE " + onDelete;
        }
    }
}
