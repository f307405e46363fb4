package dev.harbormaster.deploy;

import dev.harbormaster.testkit.process.PeerBinaries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Renders a kustomization with the real {@code kubectl kustomize} (kustomize v5 built into
 * kubectl), exactly as a user does before {@code kubectl apply -k}.
 *
 * @see <a href="https://kubectl.docs.kubernetes.io/references/kustomize/">kustomize reference</a>
 */
final class Kustomize {
  private static final Pattern KUSTOMIZE_VERSION =
      Pattern.compile("Kustomize Version: v?(\\d+)\\.(\\d+)");
  private static volatile boolean versionChecked;

  private Kustomize() {}

  /**
   * The kubectl to render with, whose built-in kustomize is v5 or later (deploy/ uses {@code
   * replacements} and {@code patches} with targets; Debian 12's kubernetes-client 1.20 embeds
   * kustomize v2). Missing or too old: the test fails under {@code CI=true} and is skipped
   * otherwise, like any missing peer.
   */
  static Path kubectl() {
    Path kubectl = PeerBinaries.require("kubectl", "kubernetes-client");
    if (!versionChecked) {
      String version = run(List.of(kubectl.toString(), "version", "--client"), "kubectl version");
      Matcher m = KUSTOMIZE_VERSION.matcher(version);
      if (!m.find() || Integer.parseInt(m.group(1)) < 5) {
        String message =
            kubectl
                + " has no kustomize v5 or later (its `version --client` says: "
                + version.strip()
                + "); install a kubectl >= 1.27";
        if (PeerBinaries.isCi()) {
          throw new AssertionError(message);
        }
        Assumptions.abort(message);
      }
      versionChecked = true;
    }
    return kubectl;
  }

  /**
   * The rendered multi-document YAML of {@code directory}.
   *
   * @throws AssertionError naming the directory and kubectl's error output when rendering fails
   */
  static String render(Path directory) {
    return run(
        List.of(kubectl().toString(), "kustomize", directory.toString()),
        "kubectl kustomize " + directory);
  }

  private static String run(List<String> command, String what) {
    try {
      Path stderr = Files.createTempFile("kustomize", ".err");
      try {
        Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          throw new AssertionError(what + " did not finish");
        }
        if (p.exitValue() != 0) {
          throw new AssertionError(
              what + " failed (exit " + p.exitValue() + "): " + Files.readString(stderr));
        }
        return out;
      } finally {
        Files.deleteIfExists(stderr);
      }
    } catch (IOException e) {
      throw new AssertionError("running " + what + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted: " + what, e);
    }
  }
}
