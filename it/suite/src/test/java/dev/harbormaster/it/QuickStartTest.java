package dev.harbormaster.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.testkit.process.PeerProcess;
import dev.harbormaster.testkit.process.ReadinessCheck;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The README's quick start: {@code bin/harbormaster serve} without a config serves the embedded
 * default (plain HTTP on 127.0.0.1:8080, the distribution's plugins, one validating deny-latest
 * instance), and a review file sent to it gets a decision.
 */
class QuickStartTest {
  private static final URI BASE = URI.create("http://127.0.0.1:8080");

  @TempDir Path workDir;

  @Test
  void serveWithoutConfig_deniesAPodUsingLatest_onLocalhost8080() throws Exception {
    Assumptions.assumeTrue(
        portIsFree(8080), "127.0.0.1:8080 is in use; the quick start needs it free");
    HttpClient client = HttpClient.newHttpClient();
    try (PeerProcess host =
        PeerProcess.start(
            "quick-start",
            workDir,
            List.of("/bin/sh", Distribution.launcher().toString(), "serve"),
            Map.of("JAVA_HOME", System.getProperty("java.home")))) {
      host.awaitReady(ReadinessCheck.httpGet(BASE.resolve("/healthz")), Duration.ofSeconds(60));

      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(BASE.resolve("/validate"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          Resources.text("reviews/pod-create-implicit-latest.json")))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      JsonNode review = Resources.JSON.readTree(response.body());
      assertThat(review.at("/response/allowed").asBoolean()).isFalse();
      assertThat(review.at("/response/status/message").asString())
          .startsWith("deny-latest: Pod shop/web: container \"web\" uses image \"nginx\"");
      assertThat(Files.readString(host.stdoutLog()))
          .contains("http://127.0.0.1:8080")
          .contains(Distribution.home().resolve("plugins").toString());
    }
  }

  private static boolean portIsFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
