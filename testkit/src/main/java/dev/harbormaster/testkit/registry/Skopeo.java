package dev.harbormaster.testkit.registry;

import dev.harbormaster.testkit.process.Command;
import dev.harbormaster.testkit.process.CommandFailedException;
import dev.harbormaster.testkit.process.CommandResult;
import dev.harbormaster.testkit.process.PeerBinaries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code skopeo} CLI as a second, independent registry client: TLS verification is off ({@code
 * --src-tls-verify=false --dest-tls-verify=false}, so plain-HTTP peers work), credentials are
 * passed with {@code --creds} when given and {@code --no-creds} otherwise, so a developer's own
 * {@code auth.json} never leaks into a test.
 *
 * <pre>{@code
 * Skopeo skopeo = Skopeo.locate();
 * skopeo.copyAll("oci:" + layout + ":v1", registry.dockerRef("app:v1"));
 * byte[] index = skopeo.inspectRaw(registry.dockerRef("app:v1"));
 * CommandResult denied = skopeo.tryInspectRaw(secured.dockerRef("app:v1"),
 *     Optional.of(new Credentials("alice", "wrong")));
 * }</pre>
 *
 * <p>Every method except the {@code try...} ones throws {@link CommandFailedException} (with
 * skopeo's stderr) when skopeo exits non-zero.
 *
 * @see <a href="https://github.com/containers/skopeo/tree/main/docs">skopeo manual pages</a>
 */
public final class Skopeo {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path binary;

  private Skopeo(Path binary) {
    this.binary = binary;
  }

  /** Finds skopeo (fails in CI, skips elsewhere when it is missing; apt package {@code skopeo}). */
  public static Skopeo locate() {
    return new Skopeo(PeerBinaries.require("skopeo", "skopeo"));
  }

  /** {@code skopeo inspect --raw <ref>} anonymously: the exact manifest bytes. */
  public byte[] inspectRaw(String dockerRef) {
    return inspectRaw(dockerRef, Optional.empty());
  }

  /** {@code skopeo inspect --raw} with optional credentials: the exact manifest bytes. */
  public byte[] inspectRaw(String dockerRef, Optional<Credentials> credentials) {
    return tryInspectRaw(dockerRef, credentials).orThrow().stdout();
  }

  /** Like {@link #inspectRaw(String, Optional)} but returns a failed result instead of throwing. */
  public CommandResult tryInspectRaw(String dockerRef, Optional<Credentials> credentials) {
    List<String> args = new ArrayList<>(List.of("inspect", "--raw", "--tls-verify=false"));
    args.addAll(credentials.map(c -> List.of("--creds", c.colonSeparated())).orElse(noCreds("")));
    args.add(dockerRef);
    return run(args);
  }

  /**
   * {@code skopeo list-tags docker://<repository>}: the tags of a repository, in the registry's
   * order (distribution 2.8 does not sort them).
   *
   * @param dockerRepository e.g. {@code docker://127.0.0.1:5000/app} (no tag)
   */
  public List<String> listTags(String dockerRepository, Optional<Credentials> credentials) {
    List<String> args = new ArrayList<>(List.of("list-tags", "--tls-verify=false"));
    args.addAll(credentials.map(c -> List.of("--creds", c.colonSeparated())).orElse(noCreds("")));
    args.add(dockerRepository);
    JsonNode tags = JSON.readTree(run(args).orThrow().stdout()).path("Tags");
    List<String> names = new ArrayList<>();
    tags.forEach(tag -> names.add(tag.asString()));
    return names;
  }

  /** {@code skopeo copy --all <src> <dest>} anonymously on both sides. */
  public void copyAll(String source, String destination) {
    copyAll(source, Optional.empty(), destination, Optional.empty());
  }

  /**
   * {@code skopeo copy --all}: copies an image or a whole index with every platform, keeping
   * manifests byte-identical (no format conversion).
   *
   * @param source e.g. {@code oci:/tmp/layout:v1} or {@code docker://127.0.0.1:5000/app:v1}
   * @param destination e.g. {@code docker://127.0.0.1:5001/app:v1}
   */
  public void copyAll(
      String source,
      Optional<Credentials> sourceCredentials,
      String destination,
      Optional<Credentials> destinationCredentials) {
    tryCopyAll(source, sourceCredentials, destination, destinationCredentials).orThrow();
  }

  /** Like {@link #copyAll(String, Optional, String, Optional)}, returning failures. */
  public CommandResult tryCopyAll(
      String source,
      Optional<Credentials> sourceCredentials,
      String destination,
      Optional<Credentials> destinationCredentials) {
    List<String> args = new ArrayList<>(List.of("copy", "--all", "--preserve-digests", "--quiet"));
    args.addAll(tlsOff());
    args.addAll(sideCreds("src", sourceCredentials));
    args.addAll(sideCreds("dest", destinationCredentials));
    args.add(source);
    args.add(destination);
    return run(args);
  }

  /**
   * {@code skopeo sync --all --src docker --dest docker <source> <destination>}: copies every tag
   * of {@code sourceRepository} (e.g. {@code 127.0.0.1:5000/app}) under {@code destinationPrefix}
   * (e.g. {@code 127.0.0.1:5001/mirror}, giving {@code mirror/app:TAG}).
   */
  public void sync(
      String sourceRepository,
      Optional<Credentials> sourceCredentials,
      String destinationPrefix,
      Optional<Credentials> destinationCredentials) {
    List<String> args =
        new ArrayList<>(
            List.of("sync", "--all", "--preserve-digests", "--src", "docker", "--dest", "docker"));
    args.addAll(tlsOff());
    args.addAll(sideCreds("src", sourceCredentials));
    args.addAll(sideCreds("dest", destinationCredentials));
    args.add(sourceRepository);
    args.add(destinationPrefix);
    run(args).orThrow();
  }

  /** Runs {@code skopeo <args>} as given (for flags these helpers do not cover). */
  public CommandResult run(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.add("--insecure-policy");
    command.addAll(args);
    return Command.of(command).run();
  }

  private static List<String> tlsOff() {
    return List.of("--src-tls-verify=false", "--dest-tls-verify=false");
  }

  private static List<String> sideCreds(String side, Optional<Credentials> credentials) {
    return credentials
        .map(c -> List.of("--" + side + "-creds", c.colonSeparated()))
        .orElse(noCreds(side + "-"));
  }

  private static List<String> noCreds(String prefix) {
    return List.of("--" + prefix + "no-creds");
  }
}
