# Postern's image: the jar built with the Maven wrapper, run on a JRE as a non-root user,
# with the caddy and maddy binaries it runs next to it (see docs/deploy.md, "Docker").
#
#   docker build -t postern .
#
# The caddy and maddy stages pin the same tags as docker-compose.yml, so the CLIs Postern
# runs are the versions of the servers they talk to.

# Build: the Maven wrapper on a JDK 17. Tests run in CI, not here.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY src/main/ src/main/
COPY frontend/ frontend/
RUN ./mvnw -B -Dmaven.test.skip=true package \
	&& cp target/postern-*.jar postern.jar \
	&& java -Djarmode=tools -jar postern.jar extract --layers --launcher --destination extracted

# The CLIs Postern runs, taken from the official images.
FROM caddy:2.10 AS caddy
FROM foxcpp/maddy:0.9 AS maddy

# Run: a JRE 17 on Alpine. The official maddy binary is linked against Alpine's musl C
# library, so it only runs on a musl system; caddy is a static binary.
FROM eclipse-temurin:17-jre-alpine
RUN addgroup -S -g 10001 postern \
	&& adduser -S -D -u 10001 -G postern -h /var/lib/postern -s /sbin/nologin postern \
	&& mkdir -p /var/lib/postern \
	&& chown postern:postern /var/lib/postern
# The defaults of postern.caddy.binary and postern.maddy.binary.
COPY --from=caddy /usr/bin/caddy /usr/local/bin/caddy
COPY --from=maddy /bin/maddy /usr/local/bin/maddy
WORKDIR /opt/postern
# Layers from the least to the most often changed, so a rebuild after a code change only
# replaces the last one.
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
# caddy validate keeps its storage under $HOME; the database and backups go to the volume.
ENV HOME=/var/lib/postern \
	POSTERN_DATADIR=/var/lib/postern
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "org.springframework.boot.loader.launch.JarLauncher"]
