package dev.harbormaster.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.testkit.process.PeerBinaries;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * docs/install.md is true for this repository: the paths it names exist, the kustomizations it
 * applies render, its build commands are the Dockerfiles' own, the overlay it has the reader write
 * renders with the images it pushes and the config its command extracts, its offline {@code check}
 * passes when run as written (the image's command line, with the guide's mounts and a certificate
 * made by its openssl command), and the warnings it shows are the host's for that config.
 */
class InstallGuideTest {
  private static final Path ROOT = ContainerImage.repositoryRoot();
  private static final GuideDocument GUIDE = GuideDocument.read(ROOT.resolve("docs/install.md"));
  private static final String OVERLAY = "deploy/overlays/mine";
  private static final String CHECK_DIR = "/tmp/harbormaster-check";
  private static final String HOST_CONFIG = "/etc/harbormaster/config/config.yaml";

  /** Paths the guide has the reader create, so they are not in the repository. */
  private static final List<String> CREATED_BY_THE_READER =
      List.of(OVERLAY, "deploy/overlays/self-managed/ca.crt");

  private static final Pattern DEPLOY_PATH =
      Pattern.compile("deploy/[A-Za-z0-9_./-]*[A-Za-z0-9_-]");
  private static final Pattern KUSTOMIZATION =
      Pattern.compile("kubectl (?:(?:-n \\S+ )?(?:apply|delete) -k|kustomize) (\\S+)");
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  @TempDir static Path work;
  private static DeployCopy copy;
  private static Rendered overlay;

  @BeforeAll
  static void followTheGuidesOverlaySteps() throws Exception {
    copy = DeployCopy.createIn(work);
    copy.write(
        "overlays/mine/kustomization.yaml",
        GUIDE.blockStartingWith("# " + OVERLAY + "/kustomization.yaml").content());
    for (String command : GUIDE.commands("kubectl annotate --local")) {
      shell(command, work);
    }
    overlay =
        new Rendered(StrictModel.parseAll(Kustomize.render(copy.root().resolve("overlays/mine"))));
  }

  @AfterAll
  static void removeTheCopy() {
    if (copy != null) {
      copy.close();
    }
  }

  @Test
  void everyDeployPathItNames_exists_orIsOneTheReaderCreates() {
    Set<String> paths = new LinkedHashSet<>();
    DEPLOY_PATH.matcher(GUIDE.text()).results().forEach(m -> paths.add(m.group()));

    assertThat(paths).contains("deploy/overlays/cert-manager", "deploy/monitoring");
    assertThat(paths)
        .filteredOn(p -> CREATED_BY_THE_READER.stream().noneMatch(p::startsWith))
        .allSatisfy(p -> assertThat(ROOT.resolve(p)).as(p).exists());
  }

  @Test
  void everyKustomizationItAppliesOrRenders_renders() {
    Set<String> dirs = new LinkedHashSet<>();
    for (String command : GUIDE.commands()) {
      KUSTOMIZATION.matcher(command).results().forEach(m -> dirs.add(m.group(1)));
    }

    assertThat(dirs).contains(OVERLAY, "deploy/monitoring");
    for (String dir : dirs) {
      Path rendered =
          dir.equals(OVERLAY) ? copy.root().resolve("overlays/mine") : ROOT.resolve(dir);
      assertThat(StrictModel.parseAll(Kustomize.render(rendered))).as(dir).isNotEmpty();
    }
  }

  @Test
  void itsBuildCommands_areTheDockerfilesDocumentedOnes() {
    for (ContainerImage image : ContainerImage.values()) {
      assertThat(GUIDE.commands())
          .as(image.dockerfilePath())
          .contains(DocumentedBuild.of(image.dockerfile()).command());
    }
  }

  @Test
  void theOverlay_runsExactlyTheImagesItTagsAndPushes() {
    Set<String> built = new LinkedHashSet<>();
    for (ContainerImage image : ContainerImage.values()) {
      built.add(DocumentedBuild.of(image.dockerfile()).tag());
    }
    Set<String> pushed =
        GUIDE.commands("docker push ").stream()
            .map(c -> c.substring("docker push ".length()).strip())
            .collect(Collectors.toSet());
    Set<String> running = new LinkedHashSet<>();
    for (ContainerImage image : ContainerImage.values()) {
      running.add(image.container(overlay).getImage());
    }

    assertThat(GUIDE.commands("docker tag "))
        .hasSize(2)
        .allSatisfy(
            c -> {
              String[] w = c.split("\\s+");
              assertThat(built).contains(w[2]);
              assertThat(pushed).contains(w[3]);
            });
    assertThat(running).containsExactlyInAnyOrderElementsOf(pushed);
  }

  @Test
  void theConfigItExtracts_isTheShippedOne_andTheOverlayShipsIt() throws IOException {
    String extracted = Files.readString(copy.root().resolve("overlays/mine/config.yaml"));
    String shipped = DeployedConfig.of(Overlay.CERT_MANAGER.render()).yaml();

    assertThat(extracted).isEqualTo(shipped);
    assertThat(overlay.one(ConfigMap.class, DeployedConfig.CONFIG_MAP).getData())
        .containsEntry(DeployedConfig.KEY, extracted);
  }

  @Test
  void itsOfflineCheck_runAsWritten_passesOnTheExtractedConfig() throws Exception {
    Path checkDir = Files.createDirectories(work.resolve("check"));
    for (String command : GUIDE.commands()) {
      if (command.startsWith("mkdir")
          || command.startsWith("chmod")
          || command.startsWith("openssl")) {
        PeerBinaries.require("openssl", "openssl");
        shell(command.replace(CHECK_DIR, checkDir.toString()), work);
      }
    }
    List<String> dockerRun = dockerRun();
    ImageFilesystem fs = ImageFilesystem.assemble(ContainerImage.HOST, work.resolve("image"));
    int image = mountVolumes(dockerRun, fs, checkDir);

    assertThat(dockerRun.get(image))
        .isEqualTo(ContainerImage.HOST.container(Overlay.CERT_MANAGER.render()).getImage());
    try (ContainerProcess check =
        ContainerProcess.start(
            imageCommand(fs, dockerRun.subList(image + 1, dockerRun.size())),
            fs.resolve("/opt/harbormaster"))) {
      String out = check.awaitStdout(Duration.ofMinutes(2));
      assertThat(check.awaitExit(Duration.ofMinutes(1))).as(check.stderr()).contains(0);
      assertThat(out).startsWith("OK: ").contains("(prefetch)", "(image-rewriter)");
    }
  }

  @Test
  void theWarningsItShows_areWhatTheHostSaysForThatPod_andEnforcingRewritesIt() throws Exception {
    List<String> shown =
        GUIDE.blocks().stream()
            .flatMap(b -> b.content().lines())
            .filter(l -> l.startsWith("Warning: "))
            .map(l -> l.substring("Warning: ".length()))
            .toList();
    String audit = review(Files.readString(copy.root().resolve("overlays/mine/config.yaml")));
    ObjectNode config =
        (ObjectNode)
            YAML.readTree(Files.readString(copy.root().resolve("overlays/mine/config.yaml")));
    for (var instance : config.withArray("instances")) {
      if (instance.path("name").asString().equals("rewrite-to-mirrors")) {
        ((ObjectNode) instance).put("dryRun", false);
      }
    }
    String enforcing = review(YAML.writeValueAsString(config));

    assertThat(shown).hasSize(2);
    for (String warning : shown) {
      for (String fragment : warning.split("\\.\\.\\.")) {
        assertThat(audit).as("the review's output").contains(fragment.replace("\"", "\\\""));
      }
    }
    assertThat(enforcing)
        .contains("image: harbor.example.com/dockerhub-proxy/library/nginx:latest")
        .contains("harbormaster.dev/original-images");
  }

  @Test
  void theInstancesItNames_areTheShippedConfigs() throws IOException {
    Set<String> named = new LinkedHashSet<>();
    Matcher m =
        Pattern.compile("instances? \\(?(`[a-z0-9-]+`(?:, `[a-z0-9-]+`)*)").matcher(GUIDE.text());
    while (m.find()) {
      for (String name : m.group(1).split(", ")) {
        named.add(name.replace("`", ""));
      }
    }
    Set<String> shipped =
        DeployedConfig.of(Overlay.CERT_MANAGER.render()).load(work).config().instances().stream()
            .map(i -> i.name())
            .collect(Collectors.toSet());

    assertThat(named).contains("rewrite-to-mirrors", "prefetch");
    assertThat(shipped).containsAll(named);
  }

  /** Runs the host image's {@code review} on the guide's demo pod with {@code config}. */
  private static String review(String config) throws Exception {
    Path dir = Files.createTempDirectory(work, "review");
    ImageFilesystem fs = ImageFilesystem.assemble(ContainerImage.HOST, dir.resolve("image"));
    new DeployedConfig(config)
        .writeRelocated(fs.resolve(HOST_CONFIG), p -> fs.resolve(p).toString());
    Files.createDirectories(fs.resolve("/work"));
    Files.writeString(
        fs.resolve("/work/pod.yaml"),
        """
            apiVersion: v1
            kind: Pod
            metadata: { name: web, namespace: harbormaster-demo, labels: { run: web } }
            spec:
              containers: [{ name: web, image: "nginx:latest" }]
            """);
    List<String> args = List.of("review", "--config", HOST_CONFIG, "/work/pod.yaml");
    try (ContainerProcess review =
        ContainerProcess.start(imageCommand(fs, args), fs.resolve("/opt/harbormaster"))) {
      String out = review.awaitStdout(Duration.ofMinutes(2));
      assertThat(review.awaitExit(Duration.ofMinutes(1))).as(review.stderr()).contains(0);
      return out;
    }
  }

  /**
   * The host image's ENTRYPOINT with {@code args} (absolute ones mapped into {@code fs}), its ENV,
   * and Kubernetes clients pointed at a closed loopback port (never a real cluster).
   */
  private static ImageCommand imageCommand(ImageFilesystem fs, List<String> args) {
    var stage = ContainerImage.HOST.dockerfile().finalStage();
    List<String> command = new ArrayList<>(ImageCommand.entrypoint(stage));
    command.addAll(args);
    Map<String, String> env = new HashMap<>(ImageCommand.imageEnv(stage));
    env.merge(
        "JAVA_TOOL_OPTIONS",
        "-Dkubernetes.master=https://127.0.0.1:1 -Dkubernetes.auth.tryKubeConfig=false"
            + " -Dkubernetes.auth.tryServiceAccount=false",
        (a, b) -> a + " " + b);
    return new ImageCommand(command, env).local(fs, HostImageTest.currentJava());
  }

  /** The guide's {@code docker run} command as words (quotes removed, $PWD the repository). */
  private static List<String> dockerRun() {
    List<String> runs = GUIDE.commands("docker run ");
    assertThat(runs).hasSize(1);
    List<String> words = new ArrayList<>();
    Matcher m = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)").matcher(runs.getFirst());
    while (m.find()) {
      String w = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      words.add(w.replace("$PWD", work.toString()));
    }
    return words;
  }

  /** Copies each {@code -v HOST:CONTAINER[:ro]} into {@code fs}; returns the image's index. */
  private static int mountVolumes(List<String> run, ImageFilesystem fs, Path checkDir)
      throws IOException {
    int i = 2;
    while (run.get(i).startsWith("-")) {
      if (run.get(i).equals("-v")) {
        String[] volume = run.get(++i).split(":");
        Path from = Path.of(volume[0].replace(CHECK_DIR, checkDir.toString()));
        Path to = fs.resolve(volume[1]);
        Files.createDirectories(Files.isDirectory(from) ? to : to.getParent());
        if (Files.isDirectory(from)) {
          try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
              Files.copy(f, to.resolve(f.getFileName().toString()));
            }
          }
        } else if (volume[1].equals(HOST_CONFIG)) {
          // Its absolute paths (TLS files, plugins) move under the local root like the image's.
          new DeployedConfig(Files.readString(from))
              .writeRelocated(to, p -> fs.resolve(p).toString());
        } else {
          Files.copy(from, to);
        }
      }
      i++;
    }
    return i;
  }

  private static void shell(String command, Path dir) throws Exception {
    Process p =
        new ProcessBuilder("sh", "-c", command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new AssertionError("`" + command + "` failed: " + out);
    }
  }
}
