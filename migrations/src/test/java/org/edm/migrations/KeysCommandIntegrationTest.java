package org.edm.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.edm.migrations.ToolRunner.Result;
import org.edm.migrations.keys.ApiKeyInfo;
import org.edm.migrations.keys.ApiKeys;
import org.edm.security.ApiKeyFormat;
import org.edm.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code keys create|list|revoke}: a key is printed once, stored only as its hash, listed
 * without it, revoked.
 */
class KeysCommandIntegrationTest {

    private static final String DATABASE = "keys_command";

    private ToolRunner tool;

    private JdbcClient jdbc;

    @BeforeEach
    void migratedDatabase() {
        TestInfrastructure.shared().createDatabase(DATABASE);
        tool = ToolRunner.on(DATABASE);
        assertThat(tool.run("upgrade").exitCode()).isZero();
        jdbc = JdbcClient.create(TestInfrastructure.shared().dataSource(DATABASE));
    }

    @Test
    void createPrintsTheKeyAloneOnOneLineAndStoresOnlyItsHash() {
        // when
        Result create = tool.run("keys", "create", "--name", "ci", "--scopes", "documents:read,documents:write");

        // then
        assertThat(create.exitCode()).as(create.toString()).isEqualTo(ExitCode.OK);
        String key = create.out().strip();
        assertThat(create.out()).isEqualTo(key + System.lineSeparator());
        assertThat(ApiKeyFormat.isWellFormed(key)).as(key).isTrue();
        assertThat(jdbc.sql("SELECT key_hash FROM api_keys WHERE name = 'ci'").query(String.class).single())
            .isEqualTo(ApiKeyFormat.hash(key));
        assertThat(jdbc.sql("SELECT count(*) FROM api_keys WHERE key_hash = :key OR key_prefix = :key")
            .param("key", key)
            .query(Integer.class)
            .single()).isZero();
    }

    @Test
    void listShowsNamesPrefixesAndScopesButNeverAKey() {
        // given
        String key = tool.run("keys", "create", "--name", "reader", "--scopes", "documents:read").out().strip();

        // when
        Result list = tool.run("keys", "list");

        // then
        assertThat(list.exitCode()).as(list.toString()).isEqualTo(ExitCode.OK);
        assertThat(list.out()).contains("reader", ApiKeyFormat.displayPrefix(key) + "...", "documents:read")
            .doesNotContain(key);
    }

    @Test
    void revokeMarksTheKeyAndASecondRevokeIsRefused() {
        // given
        tool.run("keys", "create", "--name", "old", "--scopes", "admin");

        // when
        Result revoke = tool.run("keys", "revoke", "--name", "old");
        Result again = tool.run("keys", "revoke", "--name", "old");

        // then
        assertThat(revoke.exitCode()).as(revoke.toString()).isEqualTo(ExitCode.OK);
        assertThat(again.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(again.err()).contains("no valid key named 'old'");
        List<ApiKeyInfo> keys = new ApiKeys(TestInfrastructure.shared().dataSource(DATABASE)).list();
        assertThat(keys).singleElement().satisfies(info -> assertThat(info.revoked()).isTrue());
    }

    @Test
    void unknownScopesAndTakenNamesAreRefusedWithoutAKey() {
        // given
        tool.run("keys", "create", "--name", "taken", "--scopes", "documents:read");

        // when
        Result unknownScope = tool.run("keys", "create", "--name", "x", "--scopes", "documents:everything");
        Result takenName = tool.run("keys", "create", "--name", "taken", "--scopes", "documents:read");

        // then
        assertThat(unknownScope.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(unknownScope.err()).contains("unknown scope 'documents:everything'");
        assertThat(takenName.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(takenName.err()).contains("a key named 'taken' exists already");
        assertThat(unknownScope.out() + takenName.out()).doesNotContain(ApiKeyFormat.PREFIX);
        assertThat(jdbc.sql("SELECT count(*) FROM api_keys").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void apiKeysCreatesKeysUsableFromJava() {
        // given
        ApiKeys apiKeys = new ApiKeys(TestInfrastructure.shared().dataSource(DATABASE));

        // when
        var created = apiKeys.create("local-stack", List.of("admin"));

        // then
        assertThat(created.name()).isEqualTo("local-stack");
        assertThat(created.scopes()).containsExactly("admin");
        assertThat(created.toString()).doesNotContain(created.key());
        assertThat(apiKeys.list()).extracting(ApiKeyInfo::name).containsExactly("local-stack");
        assertThat(apiKeys.revoke("local-stack")).isTrue();
        assertThat(apiKeys.revoke("local-stack")).isFalse();
    }

}
