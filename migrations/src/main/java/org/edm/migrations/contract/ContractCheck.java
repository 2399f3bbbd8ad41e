package org.edm.migrations.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.edm.migrations.contract.LiveSchema.LiveColumn;
import org.edm.migrations.contract.LiveSchema.LiveForeignKey;
import org.edm.migrations.contract.LiveSchema.LiveIndex;
import org.edm.migrations.contract.LiveSchema.LiveTrigger;
import org.edm.migrations.contract.SchemaContract.Column;
import org.edm.migrations.contract.SchemaContract.ForeignKey;
import org.edm.migrations.contract.SchemaContract.Index;
import org.edm.migrations.contract.SchemaContract.Table;
import org.edm.migrations.contract.SchemaContract.Trigger;

/**
 * Compares a live schema with a contract. Everything the contract states and the database
 * lacks or has otherwise is a {@link Finding.Severity#DIFFERENCE}; whatever the database
 * has beyond the contract (tables, columns, indexes, triggers, foreign keys of later
 * migrations) is {@link Finding.Severity#INFO}.
 */
public final class ContractCheck {

    private ContractCheck() {
    }

    public static List<Finding> compare(SchemaContract contract, LiveSchema live) {
        List<Finding> findings = new ArrayList<>();
        contract.tables().forEach(table -> checkTable(table, live, findings));
        contract.indexes().forEach(index -> checkIndex(index, live, findings));
        contract.triggers().forEach(trigger -> checkTrigger(trigger, live, findings));
        contract.foreignKeys().forEach(foreignKey -> checkForeignKey(foreignKey, live, findings));
        reportExtras(contract, live, findings);
        return List.copyOf(findings);
    }

    private static void checkTable(Table table, LiveSchema live, List<Finding> findings) {
        if (!live.tables().contains(table.name())) {
            findings.add(Finding.difference("table " + table.name(), "missing"));
            return;
        }
        Map<String, LiveColumn> columns = live.columns().getOrDefault(table.name(), Map.of());
        for (Column expected : table.columns()) {
            String subject = "column " + table.name() + "." + expected.name();
            LiveColumn actual = columns.get(expected.name());
            if (actual == null) {
                findings.add(Finding.difference(subject,
                        "missing, expected " + expected.type() + (expected.nullable() ? "" : " NOT NULL")));
                continue;
            }
            if (!actual.type().equals(expected.type())) {
                findings.add(Finding.difference(subject, "type " + actual.type() + ", expected " + expected.type()));
            }
            if (actual.notNull() == expected.nullable()) {
                findings.add(Finding.difference(subject,
                        expected.nullable() ? "NOT NULL, expected nullable" : "nullable, expected NOT NULL"));
            }
            if (expected.defaultExpression() != null && !actual.generated()
                    && !expected.defaultExpression().equals(actual.expression())) {
                findings.add(
                        Finding.difference(subject, "default " + Objects.requireNonNullElse(actual.expression(), "none")
                                + ", expected " + expected.defaultExpression()));
            }
            if (expected.generated() != null) {
                if (!actual.generated() || actual.expression() == null) {
                    findings.add(Finding.difference(subject, "not a generated column, expected GENERATED ALWAYS AS ("
                            + expected.generated().description() + ") STORED"));
                }
                else if (!expected.generated().expression().matcher(actual.expression()).matches()) {
                    findings.add(Finding.difference(subject, "generated as " + actual.expression() + ", expected "
                            + expected.generated().description()));
                }
            }
        }
        List<String> primaryKey = live.primaryKeys().get(table.name());
        if (primaryKey == null) {
            findings.add(Finding.difference("primary key of " + table.name(),
                    "missing, expected (" + String.join(", ", table.primaryKey()) + ")"));
        }
        else if (!primaryKey.equals(table.primaryKey())) {
            findings.add(Finding.difference("primary key of " + table.name(), "(" + String.join(", ", primaryKey)
                    + "), expected (" + String.join(", ", table.primaryKey()) + ")"));
        }
    }

    private static void checkIndex(Index expected, LiveSchema live, List<Finding> findings) {
        String subject = "index " + expected.name();
        LiveIndex actual = live.indexes().get(expected.name());
        if (actual == null) {
            findings.add(Finding.difference(subject, "missing, expected " + expected.describe()));
            return;
        }
        List<String> problems = new ArrayList<>();
        if (!actual.table().equals(expected.table())) {
            problems.add("on table " + actual.table());
        }
        if (!actual.method().equals(expected.method())) {
            problems.add("method " + actual.method());
        }
        if (actual.unique() != expected.unique()) {
            problems.add(actual.unique() ? "unique" : "not unique");
        }
        if (!actual.keys().equals(expected.keys())) {
            problems.add("keys (" + String.join(", ", actual.keys()) + ")");
        }
        if (!Objects.equals(actual.predicate(), expected.predicate())) {
            problems.add(actual.predicate() == null ? "not partial" : "where " + actual.predicate());
        }
        if (!problems.isEmpty()) {
            findings
                .add(Finding.difference(subject, String.join(", ", problems) + "; expected " + expected.describe()));
        }
    }

    private static void checkTrigger(Trigger expected, LiveSchema live, List<Finding> findings) {
        String subject = "trigger " + expected.name();
        LiveTrigger actual = live.triggers().get(expected.name());
        if (actual == null) {
            findings.add(Finding.difference(subject, "missing, expected " + expected.describe()));
            return;
        }
        Trigger found = new Trigger(actual.name(), actual.table(), actual.timing(), actual.events(), actual.level(),
                actual.function());
        if (!found.equals(expected)) {
            findings.add(Finding.difference(subject, found.describe() + "; expected " + expected.describe()));
        }
        if (!actual.enabled()) {
            findings.add(Finding.difference(subject, "disabled"));
        }
    }

    private static void checkForeignKey(ForeignKey expected, LiveSchema live, List<Finding> findings) {
        String subject = "foreign key " + expected.name();
        List<LiveForeignKey> candidates = live.foreignKeys()
            .stream()
            .filter(actual -> actual.table().equals(expected.table()) && actual.columns().equals(expected.columns()))
            .toList();
        if (candidates.isEmpty()) {
            findings.add(Finding.difference(subject, "missing, expected " + expected.describe()));
            return;
        }
        boolean matches = candidates.stream()
            .anyMatch(actual -> actual.referencedTable().equals(expected.referencedTable())
                    && actual.referencedColumns().equals(expected.referencedColumns())
                    && actual.onDelete().equals(expected.onDelete()));
        if (!matches) {
            LiveForeignKey actual = candidates.get(0);
            ForeignKey found = new ForeignKey(actual.name(), actual.table(), actual.columns(), actual.referencedTable(),
                    actual.referencedColumns(), actual.onDelete());
            findings.add(Finding.difference(subject, found.describe() + "; expected " + expected.describe()));
        }
    }

    private static void reportExtras(SchemaContract contract, LiveSchema live, List<Finding> findings) {
        Set<String> tables = contract.tables().stream().map(Table::name).collect(Collectors.toSet());
        for (String table : live.tables()) {
            if (table.equals(LiveSchema.FLYWAY_HISTORY)) {
                continue;
            }
            if (!tables.contains(table)) {
                findings.add(Finding.info("table " + table, "not in the contract"));
            }
        }
        for (Table table : contract.tables()) {
            Set<String> known = table.columns().stream().map(Column::name).collect(Collectors.toSet());
            live.columns()
                .getOrDefault(table.name(), Map.of())
                .keySet()
                .stream()
                .filter(column -> !known.contains(column))
                .forEach(column -> findings
                    .add(Finding.info("column " + table.name() + "." + column, "not in the contract")));
        }
        Set<String> indexes = contract.indexes().stream().map(Index::name).collect(Collectors.toSet());
        live.indexes()
            .values()
            .stream()
            .filter(index -> !index.backsConstraint() && !indexes.contains(index.name())
                    && !index.table().equals(LiveSchema.FLYWAY_HISTORY))
            .forEach(index -> findings.add(Finding.info("index " + index.name(), "not in the contract")));
        Set<String> triggers = contract.triggers().stream().map(Trigger::name).collect(Collectors.toSet());
        live.triggers()
            .keySet()
            .stream()
            .filter(name -> !triggers.contains(name))
            .forEach(name -> findings.add(Finding.info("trigger " + name, "not in the contract")));
        live.foreignKeys()
            .stream()
            .filter(actual -> contract.foreignKeys()
                .stream()
                .noneMatch(expected -> expected.table().equals(actual.table())
                        && expected.columns().equals(actual.columns())))
            .forEach(actual -> findings.add(Finding.info("foreign key " + actual.name(), "not in the contract")));
    }

}
