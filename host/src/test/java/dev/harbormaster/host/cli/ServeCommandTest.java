package dev.harbormaster.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.host.Fixtures;
import dev.harbormaster.host.Main;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code harbormaster serve} run as a real process: listening line, a review, SIGTERM. */
class ServeCommandTest {
  private static final Pattern LISTENING =
      Pattern.compile("Harbormaster listening on (http://127\\.0\\.0\\.1:\\d+) .*");

  @TempDir Path dir;

  @Test
  void printsOneListeningLine_servesReviews_andStopsGracefullyOnSigterm() throws Exception {
    CliFixture cli = new CliFixture(dir);
    Path config =
        cli.config(
            """
            server: {address: 127.0.0.1, port: 0, plainHttp: true, shutdownGrace: 5s}
            instances:
              - {name: hello, plugin: greeting, scope: validating, config: {greeting: hi}}
            """);
    String java = ProcessHandle.current().info().command().orElse("java");
    Process process =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "serve",
                    "--config",
                    config.toString()))
            .redirectError(dir.resolve("stderr.log").toFile())
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertThat(line)
          .as("first stdout line")
          .isNotNull()
          .matches(LISTENING)
          .contains("hello=greeting");
      Matcher m = LISTENING.matcher(line);
      assertThat(m.matches()).isTrue();

      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(m.group(1) + "/validate"))
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofByteArray(
                              Fixtures.bytes("reviews/pod-create.json")))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"allowed\":true").contains("hi");

      process.destroy(); // SIGTERM: the shutdown hook drains and stops the plugins
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isIn(0, 143);
      assertThat(Files.readString(dir.resolve("stderr.log")))
          .as("the review's log line was flushed before exit")
          .contains("review uid=\"705ab4f5-6393-11e8-b7cc-42010a800002\"")
          .contains("decision=\"allowed\"");
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void invalidConfig_exitsOne_withTheProblem() throws Exception {
    CliFixture cli = new CliFixture(dir);
    Path config =
        cli.config(
            "server: {plainHttp: true}\ninstances: [{name: x, plugin: nope, scope: mutating}]\n");

    assertThat(cli.run("serve", "--config", config.toString())).isEqualTo(1);
    assertThat(cli.err).contains("instance 'x'").contains("unknown plugin id 'nope'");
  }
}
