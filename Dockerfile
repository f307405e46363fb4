# The Harbormaster host: the distribution (dist/) built from source with the Maven wrapper, on a
# distroless Java 21 runtime (no shell, no package manager), as the non-root uid 65532.
#
# Build (from the repository root; deploy/base/deployment.yaml runs this image name):
#   docker build -t harbormaster/harbormaster:0.1.0 .
#
# Layout of the image:
#   /opt/harbormaster/lib/                 the host and its libraries (the class path)
#   /plugins/                              every plugin jar of the distribution
#   /etc/harbormaster/config/config.yaml   the config (the Deployment mounts the ConfigMap there)
#   /etc/harbormaster/tls/                 the serving certificate (mounted from a Secret)
# harbormaster.home is /, so a config's `plugins.dir: ${harbormaster.home}/plugins` (the
# distribution's example) and `plugins.dir: /plugins` (deploy/base/configmap.yaml) both name
# /plugins. deploy-tests' HostImageTest checks all of this against the built distribution and
# runs the ENTRYPOINT's command line.

# Needs BuildKit (the default builder since Docker 23) for the cache mount below. Both base images
# can come from a mirror or a Harbor proxy project instead:
#   --build-arg BUILD_IMAGE=harbor.example.com/dockerhub-proxy/library/eclipse-temurin:21-jdk
#   --build-arg RUNTIME_IMAGE=harbor.example.com/gcr-proxy/distroless/java21-debian12:nonroot
ARG BUILD_IMAGE=eclipse-temurin:21-jdk
ARG RUNTIME_IMAGE=gcr.io/distroless/java21-debian12:nonroot

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY . .
# Tests run in CI, not in the image build. The cache mount keeps Maven and its downloads.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -pl dist -am package -Dmaven.test.skip=true

FROM ${RUNTIME_IMAGE}
LABEL org.opencontainers.image.title="harbormaster" \
      org.opencontainers.image.description="Kubernetes admission host with PF4J plugins"
COPY --from=build /src/dist/target/harbormaster/lib /opt/harbormaster/lib
COPY --from=build /src/dist/target/harbormaster/plugins /plugins
WORKDIR /opt/harbormaster
USER 65532:65532
EXPOSE 8443
# A JVM in a container sizes its heap from the memory limit; the Deployment may override this.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
# Exec form, no shell: java expands the class path wildcard itself.
ENTRYPOINT ["/usr/bin/java", "-Dharbormaster.home=/", "-cp", "/opt/harbormaster/lib/*", "dev.harbormaster.host.Main"]
CMD ["serve", "--config", "/etc/harbormaster/config/config.yaml"]
