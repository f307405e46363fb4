package dev.harbormaster.testkit.containerd;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the output of {@code containerd config default} (containerd 1.6, config version 2) into a
 * private instance's config: {@code root}, {@code state}, the gRPC socket and the CRI plugin's
 * {@code registry.config_path} all under one work directory (see {@code notes/test-peers.md}).
 *
 * @see <a href="https://github.com/containerd/containerd/blob/release/1.6/docs/cri/config.md">CRI
 *     plugin config</a>
 */
final class ContainerdConfig {

  private ContainerdConfig() {}

  static String rewrite(String defaults, Path root, Path state, Path socket, Path certsDir) {
    String config = replaceOnce(defaults, "(?m)^root = \".*\"$", "root = " + quoted(root), "root");
    config = replaceOnce(config, "(?m)^state = \".*\"$", "state = " + quoted(state), "state");
    config =
        replaceOnce(
            config,
            "(?m)^(\\[grpc\\]\\n  )address = \".*\"$",
            "$1address = " + Matcher.quoteReplacement(quoted(socket)),
            "[grpc] address");
    return replaceOnce(
        config,
        "(?m)^(    \\[plugins\\.\"io\\.containerd\\.grpc\\.v1\\.cri\"\\.registry\\]\\n      )"
            + "config_path = \".*\"$",
        "$1config_path = " + Matcher.quoteReplacement(quoted(certsDir)),
        "[plugins.\"io.containerd.grpc.v1.cri\".registry] config_path");
  }

  private static String replaceOnce(String text, String regex, String replacement, String field) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    if (!matcher.find()) {
      throw new IllegalStateException(
          "`containerd config default` has no '"
              + field
              + "' setting where containerd 1.6 puts it; cannot configure a private instance");
    }
    return matcher.replaceFirst(
        replacement.startsWith("$1") ? replacement : Matcher.quoteReplacement(replacement));
  }

  private static String quoted(Path path) {
    return "\"" + path + "\"";
  }

  /** {@code hosts.toml} for a plain-HTTP registry at {@code host} ({@code 127.0.0.1:PORT}). */
  static String plainHttpHosts(String host) {
    return "server = \"http://"
        + host
        + "\"\n\n[host.\"http://"
        + host
        + "\"]\n  capabilities = [\"pull\", \"resolve\"]\n  skip_verify = true\n";
  }
}
