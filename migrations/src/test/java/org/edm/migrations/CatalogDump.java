package org.edm.migrations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * A textual dump of everything a migration can create in the current schema, read from
 * the catalog: relations, columns (logical order, type, nullability, default, identity,
 * generation), indexes, constraints, triggers, functions, sequences, views, types,
 * extensions and the privileges granted on them. Flyway's history table is left out. Two
 * databases with equal dumps have the same schema.
 */
final class CatalogDump {

    private static final String NOT_HISTORY = "c.relname NOT LIKE 'flyway_schema_history%'";

    private static final List<String> QUERIES = List.of("""
            SELECT format('relation %s kind=%s persistence=%s', c.relname, c.relkind, c.relpersistence)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND {NOT_HISTORY}
            """.replace("{NOT_HISTORY}", NOT_HISTORY), """
            SELECT format('column %s.%s position=%s type=%s not_null=%s default=%s identity=%s generated=%s',
                          c.relname, a.attname,
                          row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum),
                          format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid),
                          a.attidentity, a.attgenerated)
            FROM pg_attribute a
                JOIN pg_class c ON c.oid = a.attrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0
                  AND NOT a.attisdropped AND {NOT_HISTORY}
            """.replace("{NOT_HISTORY}", NOT_HISTORY), """
            SELECT format('index %s', pg_get_indexdef(x.indexrelid))
            FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND {NOT_HISTORY}
            """.replace("{NOT_HISTORY}", NOT_HISTORY), """
            SELECT format('constraint %s on %s: %s deferrable=%s', k.conname, coalesce(c.relname, '-'),
                          pg_get_constraintdef(k.oid), k.condeferrable)
            FROM pg_constraint k
                JOIN pg_namespace n ON n.oid = k.connamespace
                LEFT JOIN pg_class c ON c.oid = k.conrelid
            WHERE n.nspname = current_schema() AND coalesce(c.relname, '') NOT LIKE 'flyway_schema_history%'
            """, """
            SELECT format('trigger %s enabled=%s', pg_get_triggerdef(t.oid), t.tgenabled)
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND NOT t.tgisinternal
            """, """
            SELECT format('function %s(%s) kind=%s returns %s language=%s volatility=%s body=%s', p.proname,
                          pg_get_function_identity_arguments(p.oid), p.prokind, pg_get_function_result(p.oid),
                          l.lanname, p.provolatile, md5(coalesce(p.prosrc, '')))
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang
            WHERE n.nspname = current_schema()
            """, """
            SELECT format('sequence %s type=%s start=%s increment=%s min=%s max=%s cycle=%s cache=%s', sequencename,
                          data_type, start_value, increment_by, min_value, max_value, cycle, cache_size)
            FROM pg_sequences WHERE schemaname = current_schema()
            """, """
            SELECT format('view %s: %s', c.relname, pg_get_viewdef(c.oid))
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('v', 'm')
            """, """
            SELECT format('type %s kind=%s labels=%s', t.typname, t.typtype,
                          (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e
                           WHERE e.enumtypid = t.oid))
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = current_schema() AND t.typtype IN ('e', 'd', 'r', 'm')
            """, """
            SELECT format('extension %s', extname) FROM pg_extension
            """,
            // privileges given to other roles (the owner's own entry appears once any
            // grant was made, and stays
            // after a REVOKE, so it is left out)
            """
                    SELECT format('grant %s on %s to %s', a.privilege_type, c.relname,
                                  CASE a.grantee WHEN 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END)
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) a
                    WHERE n.nspname = current_schema() AND a.grantee <> c.relowner AND {NOT_HISTORY}
                    """.replace("{NOT_HISTORY}", NOT_HISTORY), """
                    SELECT format('grant %s (%s) on %s to %s', a.privilege_type, att.attname, c.relname,
                                  CASE a.grantee WHEN 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END)
                    FROM pg_attribute att JOIN pg_class c ON c.oid = att.attrelid
                        JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(att.attacl) a
                    WHERE n.nspname = current_schema() AND a.grantee <> c.relowner AND {NOT_HISTORY}
                    """.replace("{NOT_HISTORY}", NOT_HISTORY), """
                    SELECT format('grant %s on schema %s to %s', a.privilege_type, n.nspname,
                                  CASE a.grantee WHEN 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END)
                    FROM pg_namespace n, aclexplode(n.nspacl) a
                    WHERE n.nspname = current_schema() AND a.grantee <> n.nspowner
                    """, """
                    SELECT format('default privileges for %s: %s', pg_get_userbyid(d.defaclrole), d.defaclacl)
                    FROM pg_default_acl d
                    """);

    private CatalogDump() {
    }

    static List<String> of(DataSource dataSource) {
        List<String> lines = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String query : QUERIES) {
                try (ResultSet rows = statement.executeQuery(query)) {
                    while (rows.next()) {
                        lines.add(rows.getString(1));
                    }
                }
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot dump the catalog", e);
        }
        lines.sort(String::compareTo);
        return List.copyOf(lines);
    }

}
