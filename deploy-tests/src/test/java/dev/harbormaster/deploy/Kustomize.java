package dev.harbormaster.deploy;

import dev.harbormaster.testkit.process.PeerBinaries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with the real {@code kubectl kustomize} (kustomize v5 built into
 * kubectl), exactly as a user does before {@code kubectl apply -k}.
 *
 * @see <a href="https://kubectl.docs.kubernetes.io/references/kustomize/">kustomize reference</a>
 */
final class Kustomize {
  private Kustomize() {}

  /**
   * The rendered multi-document YAML of {@code directory}.
   *
   * @throws AssertionError naming the directory and kubectl's error output when rendering fails
   */
  static String render(Path directory) {
    Path kubectl = PeerBinaries.require("kubectl", "kubernetes-client");
    try {
      Path stderr = Files.createTempFile("kustomize", ".err");
      try {
        Process p =
            new ProcessBuilder(kubectl.toString(), "kustomize", directory.toString())
                .redirectError(stderr.toFile())
                .start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          throw new AssertionError("kubectl kustomize " + directory + " did not finish");
        }
        if (p.exitValue() != 0) {
          throw new AssertionError(
              "kubectl kustomize "
                  + directory
                  + " failed (exit "
                  + p.exitValue()
                  + "): "
                  + Files.readString(stderr));
        }
        return out;
      } finally {
        Files.deleteIfExists(stderr);
      }
    } catch (IOException e) {
      throw new AssertionError("running kubectl kustomize " + directory + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while rendering " + directory, e);
    }
  }
}
