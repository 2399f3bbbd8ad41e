# The one-shot migrations job: `docker compose run --rm migrations <command>` runs any migration-tool command.
FROM eclipse-temurin:17.0.13_11-jre
WORKDIR /app
COPY migrations/target/edm-migrations.jar /app/edm-migrations.jar
ENTRYPOINT ["java", "-jar", "/app/edm-migrations.jar"]
CMD ["upgrade"]
