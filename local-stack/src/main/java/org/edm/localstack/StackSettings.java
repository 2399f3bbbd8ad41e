package org.edm.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * How the local stack runs: ports, data directory, and which parts are external. Flags
 * win over environment variables, which win over the defaults.
 *
 * @param dataDir where embedded PostgreSQL, Kafka and the stored PDFs keep their data
 * between runs
 * @param postgresPort port of the embedded PostgreSQL
 * @param kafkaPort client port of the embedded Kafka broker (its controller listens on
 * the next port)
 * @param ingestPort HTTP port of ingest-service
 * @param searchPort HTTP port of search-api
 * @param parserPort management (Actuator) port of parser-worker
 * @param bindAddress the address every service listens on (127.0.0.1: this machine only)
 * @param ingestManagementPort Actuator port of ingest-service
 * ({@code EDM_MANAGEMENT_PORT})
 * @param searchManagementPort Actuator port of search-api
 * @param parserManagementPort Actuator port of parser-worker (its only HTTP port unless
 * set otherwise)
 * @param externalDbUrl JDBC URL of an existing PostgreSQL: no embedded database is
 * started
 * @param dbUser database user that owns the schema (migrations, role passwords, the first
 * API key); the services connect as their own roles
 * @param dbPassword that user's password
 * @param externalKafka bootstrap servers of an existing Kafka: no embedded broker is
 * started
 * @param dropDir a directory watched for PDFs to upload, or null
 * @param servicesDir the project root holding
 * {@code <service>/target/<service>-*-exec.jar}
 * @param javaOptions JVM options for each service process
 * @param startServices false to start only PostgreSQL, Kafka and the migrations
 * @param serviceProperties further Spring properties for every service
 * ({@code --service-property=key=value})
 * @param webPort HTTP port of the web page for people (module web)
 */
record StackSettings(Path dataDir, int postgresPort, int kafkaPort, int ingestPort, int searchPort, int parserPort,
        String bindAddress, int ingestManagementPort, int searchManagementPort, int parserManagementPort,
        @Nullable String externalDbUrl, String dbUser, String dbPassword, @Nullable String externalKafka,
        @Nullable Path dropDir, Path servicesDir, List<String> javaOptions, boolean startServices,
        Map<String, String> serviceProperties, int webPort) {

    static final String USAGE = """
            Usage: java -jar local-stack/target/local-stack.jar [options]
                   java -jar local-stack/target/local-stack.jar watch [--from-beginning] [--kafka=HOST:PORT] [topic...]
                   java -jar local-stack/target/local-stack.jar soak --dir=DIR [options]   (soak --help)

            Runs the whole Exchange Documentation Manager on this machine: embedded PostgreSQL, an embedded Kafka
            broker (KRaft), the migrations, ingest-service, parser-worker, search-api and the web page (open
            http://localhost:8080/ and sign in with the key in DATA_DIR/api-key). Ctrl-C stops everything.

            Options (environment variable in brackets):
              --data-dir=DIR        data kept between runs [EDM_DATA_DIR]                     default ./data
              --postgres-port=N     embedded PostgreSQL port                                  default 5433
              --kafka-port=N        embedded Kafka port (controller on N+1)                   default 9092
              --ingest-port=N       ingest-service HTTP port                                  default 8081
              --search-port=N       search-api HTTP port                                      default 8082
              --parser-port=N       parser-worker HTTP port (health probes, Actuator)         default 8083
              --web-port=N          the web page for people                                   default 8080
              --bind=ADDR           address the services listen on [EDM_BIND_ADDRESS]         default 127.0.0.1
                                    (0.0.0.0 opens them to the network; PostgreSQL and Kafka stay on localhost)
              --ingest-management-port=N  ingest-service Actuator port                        default 9081
              --search-management-port=N  search-api Actuator port                            default 9082
              --parser-management-port=N  parser-worker Actuator port                  default: --parser-port
              --db-url=JDBC_URL     use this PostgreSQL instead of the embedded one [EDM_DB_URL]
              --db-user=NAME        schema owner, needs CREATEROLE [EDM_DB_USER]              default postgres
              --db-password=SECRET  prefer the variable [EDM_DB_PASSWORD]                    default postgres
              --kafka=HOST:PORT     use this Kafka instead of the embedded one [EDM_KAFKA_BOOTSTRAP_SERVERS]
              --drop-dir=DIR        upload every PDF copied into DIR [EDM_DROP_DIR]
              --services-dir=DIR    project root holding the services' target/*-exec.jar     default: found from this jar
              --java-opts="..."     JVM options for each service [EDM_JAVA_OPTS]              default -Xmx768m
              --service-property=K=V  a Spring property for every service (repeatable), e.g.
                                    --service-property=edm.upload.max-size=500MB
              --parser-workers=N    parser-worker processes in one consumer group (the n-th on the parser ports
                                    + 10(n-1), e.g. 8093 for the second)                     default 1
              --infrastructure-only start PostgreSQL, Kafka and the migrations, no services
              --help                this text

            On the first start the stack creates an API key with the admin scope and writes it, alone on one line,
            to DATA_DIR/api-key (mode 600); clients send it as `Authorization: Bearer <key>`:
              curl -H "Authorization: Bearer $(cat data/api-key)" 'http://localhost:8082/api/search?q=order'
            It also generates a database password for each service's role (edm_ingest, edm_parser, edm_search)
            and the search cursor secret into DATA_DIR/secrets.properties (mode 600); they reach the services
            through the environment only. Public ports answer /livez and /readyz; Actuator is on the management
            ports.

            watch prints every record of the project's topics (documents.uploaded, documents.processed,
            documents.deleted, documents.uploaded.DLT by default) as it arrives: a plain Kafka consumer.
            """;

    static StackSettings parse(String[] args, Map<String, String> env, Path defaultServicesDir) {
        Map<String, String> flags = new HashMap<>();
        Map<String, String> serviceProperties = new LinkedHashMap<>();
        boolean infrastructureOnly = false;
        for (String arg : args) {
            if (arg.equals("--infrastructure-only")) {
                infrastructureOnly = true;
                continue;
            }
            if (arg.startsWith("--service-property=")) {
                String property = arg.substring("--service-property=".length());
                int eq = property.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--service-property needs key=value, not " + property);
                }
                serviceProperties.put(property.substring(0, eq), property.substring(eq + 1));
                continue;
            }
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("unknown argument: " + arg + " (see --help)");
            }
            int eq = arg.indexOf('=');
            flags.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        var settings = new StackSettings(
                Path.of(value(flags, "data-dir", env, "EDM_DATA_DIR", "./data")).toAbsolutePath().normalize(),
                port(flags, "postgres-port", 5433), port(flags, "kafka-port", 9092), port(flags, "ingest-port", 8081),
                port(flags, "search-port", 8082), port(flags, "parser-port", 8083),
                value(flags, "bind", env, "EDM_BIND_ADDRESS", "127.0.0.1"), port(flags, "ingest-management-port", 9081),
                port(flags, "search-management-port", 9082),
                port(flags, "parser-management-port", port(flags, "parser-port", 8083)),
                value(flags, "db-url", env, "EDM_DB_URL", null),
                value(flags, "db-user", env, "EDM_DB_USER", "postgres"),
                value(flags, "db-password", env, "EDM_DB_PASSWORD", "postgres"),
                value(flags, "kafka", env, "EDM_KAFKA_BOOTSTRAP_SERVERS", null),
                pathOrNull(value(flags, "drop-dir", env, "EDM_DROP_DIR", null)),
                Path.of(value(flags, "services-dir", Map.of(), "", defaultServicesDir.toString())),
                splitOptions(value(flags, "java-opts", env, "EDM_JAVA_OPTS", "-Xmx768m")), !infrastructureOnly,
                Map.copyOf(serviceProperties), port(flags, "web-port", 8080));
        for (String known : List.of("data-dir", "postgres-port", "kafka-port", "ingest-port", "search-port",
                "parser-port", "bind", "ingest-management-port", "search-management-port", "parser-management-port",
                "db-url", "db-user", "db-password", "kafka", "drop-dir", "services-dir", "java-opts", "web-port")) {
            flags.remove(known);
        }
        if (!flags.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s): " + flags.keySet() + " (see --help)");
        }
        return settings;
    }

    /** JDBC URL of the {@code edm} database the services use. */
    String jdbcUrl() {
        return externalDbUrl != null ? externalDbUrl : "jdbc:postgresql://localhost:" + postgresPort + "/edm";
    }

    /**
     * The host clients on this machine use to reach the services: the bind address, or
     * loopback for a wildcard.
     */
    String serviceHost() {
        String host = bindAddress.equals("0.0.0.0") || bindAddress.equals("::") ? "127.0.0.1" : bindAddress;
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /**
     * The JDBC URL for the services: {@link #jdbcUrl()} without a {@code user} or
     * {@code password} parameter, which the driver would prefer to the service role's
     * own.
     */
    String serviceJdbcUrl() {
        String url = jdbcUrl();
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : url.substring(query + 1).split("&")) {
            String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
            if (!name.equalsIgnoreCase("user") && !name.equalsIgnoreCase("password") && !parameter.isEmpty()) {
                kept.add(parameter);
            }
        }
        return url.substring(0, query) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    String bootstrapServers() {
        return externalKafka != null ? externalKafka : "localhost:" + kafkaPort;
    }

    Path storageRoot() {
        return dataDir.resolve("files");
    }

    private static @Nullable String value(Map<String, String> flags, String flag, Map<String, String> env,
            String variable, @Nullable String fallback) {
        String fromFlag = flags.get(flag);
        if (fromFlag != null && !fromFlag.isBlank()) {
            return fromFlag;
        }
        String fromEnv = env.get(variable);
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : fallback;
    }

    private static int port(Map<String, String> flags, String flag, int fallback) {
        String text = flags.get(flag);
        if (text == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + flag + " must be a port number, not " + text);
        }
    }

    private static @Nullable Path pathOrNull(@Nullable String text) {
        return text == null ? null : Path.of(text).toAbsolutePath().normalize();
    }

    private static List<String> splitOptions(String text) {
        List<String> options = new ArrayList<>();
        for (String option : text.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                options.add(option);
            }
        }
        return List.copyOf(options);
    }
}
