package dev.harbormaster.host.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.harbormaster.spi.Scope;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void loadsTheDocumentedFormat_withConfigFileInlined() throws Exception {
    Path file = copyFixture("full.yaml");
    copyFixture("deny-latest.yaml");

    LoadedConfig loaded = ConfigLoader.load(file);

    HostConfig config = loaded.config();
    assertThat(config.server().port()).isEqualTo(9443);
    assertThat(config.server().logFormat()).isEqualTo(ServerConfig.LogFormat.JSON);
    assertThat(config.server().shutdownGrace()).isEqualTo(Duration.ofSeconds(15));
    assertThat(config.server().tls().orElseThrow().clientCaFile()).contains("tls/ca.crt");
    assertThat(loaded.pluginDirectory()).isEqualTo(dir.resolve("jars"));
    assertThat(loaded.resolve("tls/tls.crt")).isEqualTo(dir.resolve("tls/tls.crt"));
    InstanceConfig rewrite = config.instances().get(0);
    assertThat(rewrite.scope()).isEqualTo(Scope.MUTATING);
    assertThat(rewrite.failurePolicy()).isEqualTo(FailurePolicy.ALLOW);
    assertThat(rewrite.timeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(rewrite.match().kinds())
        .extracting(KindPattern::toString)
        .containsExactly("Pod", "apps/v1/Deployment", "v1/ReplicationController");
    assertThat(rewrite.match().objectSelector().matchExpressions()).hasSize(1);
    assertThat(rewrite.config().path("mirror").asString()).isEqualTo("harbor.local");
    InstanceConfig deny = config.instances().get(1);
    assertThat(deny.scope()).isEqualTo(Scope.VALIDATING);
    assertThat(deny.failurePolicy()).as("default").isEqualTo(FailurePolicy.DENY);
    assertThat(deny.timeout()).as("default").isEqualTo(Duration.ofSeconds(2));
    assertThat(deny.configFile()).isEmpty();
    assertThat(deny.config().path("allowedRegistries").get(0).asString()).isEqualTo("harbor.local");
  }

  @Test
  void unknownField_namesFileInstanceAndPath() {
    InvalidConfigException e =
        invalid(
            """
            server: {plainHttp: true}
            instances:
              - name: a
                plugin: p
                scope: validating
              - name: b
                plugin: p
                scope: validating
                match: {kinds: [Pod], namespace: {exclude: [x]}}
            """);

    assertThat(e.errors()).hasSize(1);
    ConfigError error = e.errors().get(0);
    assertThat(error.source()).isEqualTo("test.yaml");
    assertThat(error.instance()).contains("b");
    assertThat(error.path()).isEqualTo("instances[1].match.namespace");
    assertThat(error.message()).contains("unknown field 'namespace'");
    assertThat(e.getMessage())
        .startsWith("test.yaml: instance 'b': instances[1].match.namespace: ");
  }

  @Test
  void badValues_nameThePath() {
    assertThat(invalid(base("timeout: 2 seconds")).getMessage())
        .contains("instance 'x'")
        .contains("instances[0].timeout")
        .contains("invalid duration '2 seconds'");
    assertThat(invalid(base("failurePolicy: maybe")).getMessage())
        .contains("instances[0].failurePolicy");
    assertThat(invalid(base("match: {kinds: [a/b/c/d]}")).getMessage())
        .contains("instances[0].match.kinds[0]")
        .contains("invalid kind 'a/b/c/d'");
    assertThat(invalid(base("match: {operations: [PATCH]}")).getMessage())
        .contains("unknown operation 'PATCH'");
    assertThat(
            invalid(base("match: {objectSelector: {matchExpressions: [{key: k, operator: Like}]}}"))
                .getMessage())
        .contains("unknown operator 'Like'");
    assertThat(
            invalid(base("match: {objectSelector: {matchExpressions: [{key: k, operator: In}]}}"))
                .getMessage())
        .contains("operator In needs values");
  }

  @Test
  void duplicateInstanceNames_areRefused() {
    InvalidConfigException e =
        invalid(
            """
            server: {plainHttp: true}
            instances:
              - {name: same, plugin: p, scope: mutating}
              - {name: same, plugin: q, scope: validating}
            """);

    assertThat(e.errors())
        .singleElement()
        .satisfies(
            err -> {
              assertThat(err.path()).isEqualTo("instances[1].name");
              assertThat(err.instance()).contains("same");
              assertThat(err.message()).contains("duplicate instance name 'same'");
            });
  }

  @Test
  void tlsIsRequired_unlessPlainHttpIsExplicit() {
    assertThat(invalid("server: {port: 8443}\n").getMessage())
        .contains("server.tls (certFile, keyFile) is required")
        .contains("plainHttp: true");
    assertThat(invalid("instances: []\n").getMessage()).contains("server is required");
    assertThat(invalid("server: {plainHttp: true, tls: {certFile: a, keyFile: b}}\n").getMessage())
        .contains("choose one");
  }

  @Test
  void configAndConfigFile_together_areRefused() {
    assertThat(invalid(base("config: {a: 1}\n    configFile: other.yaml")).getMessage())
        .contains("either config or configFile");
  }

  @Test
  void missingConfigFile_namesInstanceAndField() {
    InvalidConfigException e = invalid(base("configFile: nowhere.yaml"));

    assertThat(e.errors().get(0).path()).isEqualTo("instances[0].configFile");
    assertThat(e.errors().get(0).instance()).contains("x");
  }

  @Test
  void yamlSyntaxErrors_nameTheLine() {
    assertThat(invalid("server: {plainHttp: true\ninstances: [\n").getMessage())
        .startsWith("test.yaml: line ")
        .contains("not valid YAML");
  }

  @Test
  void duplicateKeys_areRefused() {
    assertThat(invalid("server: {plainHttp: true, plainHttp: false}\n").getMessage())
        .contains("plainHttp");
  }

  @Test
  void missingFile_isNamed() {
    InvalidConfigException e =
        catchThrowableOfType(
            InvalidConfigException.class, () -> ConfigLoader.load(dir.resolve("absent.yaml")));

    assertThat(e.getMessage()).contains("absent.yaml").contains("not found");
  }

  @Test
  void embeddedDefault_servesPlainHttpOnLocalhost_withDenyLatest() {
    String before = System.getProperty("harbormaster.home");
    System.setProperty("harbormaster.home", dir.toString());
    try {
      LoadedConfig loaded = ConfigLoader.loadEmbedded();

      ServerConfig server = loaded.config().server();
      assertThat(server.address()).isEqualTo("127.0.0.1");
      assertThat(server.port()).isEqualTo(8080);
      assertThat(server.plainHttp()).isTrue();
      assertThat(loaded.pluginDirectory()).isEqualTo(dir.resolve("plugins"));
      assertThat(loaded.instances())
          .singleElement()
          .satisfies(
              i -> {
                assertThat(i.name()).isEqualTo("deny-latest");
                assertThat(i.plugin()).isEqualTo("deny-latest");
                assertThat(i.scope()).isEqualTo(Scope.VALIDATING);
                assertThat(i.config().isEmpty()).isTrue();
              });
    } finally {
      if (before == null) System.clearProperty("harbormaster.home");
      else System.setProperty("harbormaster.home", before);
    }
  }

  @Test
  void instanceDefaults_matchEverythingWithoutSubresources() {
    LoadedConfig loaded =
        parse("server: {plainHttp: true}\ninstances: [{name: x, plugin: p, scope: mutating}]\n");

    InstanceConfig x = loaded.instances().get(0);
    assertThat(x.match()).isEqualTo(MatchRules.ALL);
    assertThat(x.dryRun()).isFalse();
    assertThat(x.config().isObject()).isTrue();
    assertThat(loaded.config().plugins().sha256()).isEmpty();
    assertThat(loaded.config().server().address()).isEqualTo("0.0.0.0");
    assertThat(loaded.config().server().tls()).isEqualTo(Optional.empty());
    assertThat(loaded.instances()).isEqualTo(List.of(x));
  }

  private static String base(String extra) {
    return """
        server: {plainHttp: true}
        instances:
          - name: x
            plugin: p
            scope: mutating
            %s
        """
        .formatted(extra);
  }

  private LoadedConfig parse(String yaml) {
    return ConfigLoader.parse(
        "test.yaml", dir, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  private InvalidConfigException invalid(String yaml) {
    InvalidConfigException e =
        catchThrowableOfType(InvalidConfigException.class, () -> parse(yaml));
    assertThat(e).as("expected the config to be refused:\n" + yaml).isNotNull();
    return e;
  }

  private Path copyFixture(String name) throws Exception {
    Path target = dir.resolve(name);
    try (var in = getClass().getClassLoader().getResourceAsStream("config/" + name)) {
      Files.copy(in, target);
    }
    return target;
  }
}
