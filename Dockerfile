# Vividly server image: Debian with a JRE and the speech and video engines Vividly runs (ffmpeg,
# Festival with an English HTS voice, espeak-ng, pocketsphinx). Build from the repository root:
#   docker build -t vividly .
# deploy/compose.yaml runs two of them behind nginx with PostgreSQL, Redis, SolrCloud and MinIO.

FROM debian:trixie-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends openjdk-21-jdk-headless ca-certificates \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline || true
COPY src src
RUN ./mvnw -B -q -DskipTests package && cp target/vividly.jar /vividly.jar

FROM debian:trixie-slim
RUN apt-get update && apt-get install -y --no-install-recommends \
      openjdk-21-jre-headless ffmpeg festival festvox-us-slt-hts espeak-ng pocketsphinx pocketsphinx-en-us \
      fonts-dejavu-core fontconfig ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /data vividly \
    && mkdir -p /data && chown vividly /data
COPY --from=build /vividly.jar /app/vividly.jar
USER vividly
WORKDIR /data
VOLUME /data
# 8080: the application; 8081: the actuator (metrics, probes) for the monitoring network.
EXPOSE 8080 8081
ENV MANAGEMENT_SERVER_PORT=8081 \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+UseG1GC"
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8081 && printf "GET /actuator/health/readiness HTTP/1.0\r\n\r\n" >&3 && grep -q "200" <&3'
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -jar /app/vividly.jar serve --port 8080 --data /data \"$@\"", "--"]
