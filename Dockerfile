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
	&& java -Djarmode=tools -jar postern.jar extract --layers --destination extracted --application-filename postern.jar

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
# replaces the last ones. The jar is extracted (lib/ and a postern.jar naming them) rather
# than nested, so that its classes can be archived below.
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
# Class-data sharing: a training run, which stops once the application is ready and uses a
# database in memory, archives the classes of a start-up; every start maps them instead of
# loading them from the jars (docs/benchmarks.md, "Start-up and memory"). Made with the
# options of the ENTRYPOINT below.
RUN java -XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC -Xmx160m -XX:MaxMetaspaceSize=128m \
		-XX:ReservedCodeCacheSize=48m -Xss512k -XX:MaxDirectMemorySize=32m -XX:TrimNativeHeapInterval=5000 \
		-XX:ArchiveClassesAtExit=postern.jsa -Xlog:cds=off -Dspring.context.exit=onRefresh \
		-jar postern.jar --spring.datasource.url=jdbc:h2:mem:training --postern.data-dir=/tmp/training \
	&& rm -rf /tmp/training
# caddy validate keeps its storage under $HOME; the database and backups go to the volume.
# Two malloc arenas rather than eight per core (memory, as in deploy/postern.service).
ENV HOME=/var/lib/postern \
	POSTERN_DATADIR=/var/lib/postern \
	MALLOC_ARENA_MAX=2
USER 10001:10001
EXPOSE 8080
# The memory limits of deploy/postern.service, and the archive made above.
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-Xmx160m", "-XX:MaxMetaspaceSize=128m", "-XX:ReservedCodeCacheSize=48m", "-Xss512k", "-XX:MaxDirectMemorySize=32m", "-XX:TrimNativeHeapInterval=5000", "-XX:SharedArchiveFile=postern.jsa", "-jar", "postern.jar"]
