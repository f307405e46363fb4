package dev.harbormaster.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.deploy.dockerfile.Stage;
import dev.harbormaster.host.Main;
import dev.harbormaster.testkit.pki.KeyEncoding;
import dev.harbormaster.testkit.pki.KeyType;
import dev.harbormaster.testkit.pki.TestPki;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The host's image (the root Dockerfile) fits the host and deploy/: its ENTRYPOINT starts the
 * host's main class from the copied distribution, its CMD is what the Deployment passes, its plugin
 * directory is the config's, its port the container's. Then the image's command line runs for real
 * on a local copy of the image's files and of the Deployment's mounts, and serves /healthz. (No
 * Docker engine here: the base image's Java is replaced by the JDK running the tests.)
 */
class HostImageTest {
  private static final ContainerImage IMAGE = ContainerImage.HOST;
  private static final Pattern LISTENING = Pattern.compile("listening on https://[^:]+:(\\d+)");
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  @TempDir Path dir;

  private static Stage image() {
    return IMAGE.dockerfile().finalStage();
  }

  private static Container container() {
    return IMAGE.container(Overlay.CERT_MANAGER.render());
  }

  @Test
  void theEntrypoint_startsTheHostsMainClass_fromTheCopiedLibraries() throws IOException {
    List<String> entrypoint = ImageCommand.entrypoint(image());
    ImageFilesystem fs = ImageFilesystem.assemble(IMAGE, dir);
    int cp = entrypoint.indexOf("-cp");
    String classPath = entrypoint.get(cp + 1);
    Path libraries = fs.resolve(classPath.substring(0, classPath.length() - "/*".length()));

    assertThat(entrypoint.getFirst()).isEqualTo(ImageCommand.IMAGE_JAVA);
    assertThat(entrypoint.getLast()).isEqualTo(Main.class.getName());
    assertThat(classPath).endsWith("/*");
    assertThat(fs.copyTo(classPath.substring(0, classPath.length() - 2)).sources())
        .singleElement()
        .satisfies(lib -> assertThat(lib.getFileName().toString()).isEqualTo("lib"));
    assertThat(containsClass(libraries, Main.class.getName()))
        .as("a jar in %s holds %s", libraries, Main.class.getName())
        .isTrue();
  }

  @Test
  void theCmd_isWhatTheDeploymentPasses_serveWithTheMountedConfig() {
    List<String> cmd = image().last("CMD").orElseThrow().execFormOrFail();
    Container c = container();
    String configMount = mount(c, "config").getMountPath();

    assertThat(c.getCommand()).as("the Deployment keeps the image's ENTRYPOINT").isNullOrEmpty();
    assertThat(c.getArgs()).isEqualTo(cmd);
    assertThat(cmd).containsExactly("serve", "--config", configMount + "/" + DeployedConfig.KEY);
  }

  @Test
  void thePluginDirectory_isTheConfigsAndHarbormasterHomes_withEveryPluginOfTheDistribution()
      throws IOException {
    ImageFilesystem fs = ImageFilesystem.assemble(IMAGE, dir);
    String configured =
        YAML.readTree(DeployedConfig.of(Overlay.CERT_MANAGER.render()).yaml())
            .path("plugins")
            .path("dir")
            .asString();
    String home =
        ImageCommand.entrypoint(image()).stream()
            .filter(w -> w.startsWith("-Dharbormaster.home="))
            .findFirst()
            .orElseThrow()
            .substring("-Dharbormaster.home=".length());
    ImageFilesystem.Copy plugins = fs.copyTo(configured);

    assertThat(plugins.sources()).containsExactly(DeployedConfig.pluginDirectory());
    assertThat(Path.of(home + "/plugins").normalize().toString())
        .as("${harbormaster.home}/plugins")
        .isEqualTo(configured);
    try (var jars = Files.list(fs.resolve(configured))) {
      assertThat(jars.map(p -> p.getFileName().toString()))
          .contains(
              "harbormaster-plugin-image-rewriter-0.1.0-SNAPSHOT.jar",
              "harbormaster-plugin-prefetch-0.1.0-SNAPSHOT.jar");
    }
  }

  @Test
  void theDeploymentRunsAsTheImagesUser() {
    String[] user = image().last("USER").orElseThrow().arguments().split(":");
    var pod = IMAGE.template(Overlay.CERT_MANAGER.render()).getSpec().getSecurityContext();

    assertThat(pod.getRunAsUser()).isEqualTo(Long.parseLong(user[0]));
    assertThat(pod.getRunAsGroup()).isEqualTo(Long.parseLong(user[user.length - 1]));
  }

  @Test
  void theExposedPort_isTheContainerPort() {
    assertThat(image().last("EXPOSE").orElseThrow().words())
        .containsExactly(String.valueOf(container().getPorts().getFirst().getContainerPort()));
  }

  @Test
  void theImagesCommandLine_withTheDeploymentsArgsEnvAndMounts_servesHealthz() throws Exception {
    Rendered rendered = Overlay.CERT_MANAGER.render();
    Container c = container();
    PodSpec pod = IMAGE.template(rendered).getSpec();
    ImageFilesystem fs = ImageFilesystem.assemble(IMAGE, dir);
    TestPki pki = TestPki.create(KeyType.EC_P256);
    for (VolumeMount m : c.getVolumeMounts()) {
      Volume v = volume(pod, m.getName());
      Path at = Files.createDirectories(fs.resolve(m.getMountPath()));
      if (v.getSecret() != null) {
        assertThat(v.getSecret().getSecretName()).isEqualTo("harbormaster-tls");
        pki.writeServerFiles(at, KeyEncoding.PKCS8);
      } else if (v.getConfigMap() != null) {
        DeployedConfig.of(rendered)
            .writeRelocated(at.resolve(DeployedConfig.KEY), p -> fs.resolve(p).toString());
      }
    }
    ImageCommand command = ImageCommand.of(image(), c).local(fs, currentJava());
    // mirror-sync's and prefetch's Kubernetes clients: a closed loopback port, never a real
    // cluster or this machine's kubeconfig (as HostRoutesTest does in-process).
    Map<String, String> env = new HashMap<>(command.environment());
    env.merge(
        "JAVA_TOOL_OPTIONS",
        "-Dkubernetes.master=https://127.0.0.1:1 -Dkubernetes.auth.tryKubeConfig=false"
            + " -Dkubernetes.auth.tryServiceAccount=false",
        (a, b) -> a + " " + b);

    try (ContainerProcess host =
        ContainerProcess.start(
            new ImageCommand(command.command(), env), fs.resolve(image().workdir()))) {
      Matcher listening = host.awaitLine(LISTENING, Duration.ofMinutes(2));
      HttpClient client = HttpClient.newBuilder().sslContext(pki.clientSslContext()).build();
      for (String path :
          List.of(
              c.getLivenessProbe().getHttpGet().getPath(),
              c.getReadinessProbe().getHttpGet().getPath())) {
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + listening.group(1) + path))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode())
            .as("GET %s: %s; stderr: %s", path, r.body(), host.stderr())
            .isEqualTo(200);
      }
    }
  }

  private static boolean containsClass(Path libraries, String className) throws IOException {
    String entry = className.replace('.', '/') + ".class";
    try (var jars = Files.list(libraries)) {
      for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
        try (JarFile f = new JarFile(jar.toFile())) {
          if (f.getEntry(entry) != null) {
            return true;
          }
        }
      }
    }
    return false;
  }

  static Path currentJava() {
    return Path.of(ProcessHandle.current().info().command().orElseThrow());
  }

  private static VolumeMount mount(Container c, String volume) {
    return c.getVolumeMounts().stream()
        .filter(m -> m.getName().equals(volume))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no mount of " + volume));
  }

  private static Volume volume(PodSpec pod, String name) {
    return pod.getVolumes().stream()
        .filter(v -> v.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no volume " + name));
  }
}
