# One image recipe for every service: build the jars first (mvn -DskipTests package), then
#   docker compose build
# MODULE is the Maven module (ingest-service, parser-worker, search-api, web); JAR_GLOB picks its runnable jar.
FROM eclipse-temurin:17.0.13_11-jre
ARG MODULE
ARG JAR_GLOB=${MODULE}/target/${MODULE}-*-exec.jar
# parser-worker OCRs scanned pages with the system's Tesseract (libtesseract through tess4j, English data);
# the other services do not need it
RUN apt-get update && apt-get install -y --no-install-recommends curl \
    && if [ "$MODULE" = "parser-worker" ]; then \
         apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng libtesseract-dev; fi \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 edm && mkdir -p /var/lib/edm/files && chown -R edm /var/lib/edm
WORKDIR /app
COPY ${JAR_GLOB} /app/app.jar
USER edm
# exit on OutOfMemoryError so the orchestrator restarts the service instead of leaving a half-dead JVM
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
