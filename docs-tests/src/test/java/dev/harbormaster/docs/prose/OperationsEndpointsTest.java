package dev.harbormaster.docs.prose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.host.config.ConfigLoader;
import dev.harbormaster.host.config.LoadedConfig;
import dev.harbormaster.host.plugins.InstanceStatus;
import dev.harbormaster.host.plugins.PluginCatalog;
import dev.harbormaster.host.runtime.HostServer;
import dev.harbormaster.plugin.denylatest.DenyLatestPlugin;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operations endpoints table of docs/operations.md against a real host on a loopback port: the
 * routes it lists are the host's GET routes, and what it says each answers is what they answer.
 */
class OperationsEndpointsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern ROW = Pattern.compile("^\\| `GET (\\S+)` \\| (.*) \\|$");
  private static final Pattern GET_ROUTE = Pattern.compile("routes\\.get\\(\"([^\"]+)\"");
  private static final String CONFIG =
      """
      server: { address: 127.0.0.1, port: 0, plainHttp: true, shutdownGrace: 1s }
      instances:
        - name: no-latest
          plugin: deny-latest
          scope: validating
          failurePolicy: allow
      """;

  private final HttpClient http = HttpClient.newHttpClient();
  private HostServer host;

  @BeforeEach
  void startHost() {
    LoadedConfig loaded =
        ConfigLoader.parse(
            "endpoints-test.yaml",
            Checkout.root(),
            new ByteArrayInputStream(CONFIG.getBytes(StandardCharsets.UTF_8)));
    host =
        HostServer.start(loaded, PluginCatalog.of(Map.of("deny-latest", new DenyLatestPlugin())));
  }

  @AfterEach
  void stopHost() {
    host.shutdown();
  }

  /** Path to the documented answer, from the table's rows. */
  private static Map<String, String> documented() {
    Map<String, String> rows = new java.util.TreeMap<>();
    for (String line : Checkout.read(Checkout.file("docs/operations.md")).lines().toList()) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        rows.put(m.group(1), m.group(2));
      }
    }
    return rows;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(host.baseUrl() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void listsExactlyTheHostsGetRoutes() {
    String server =
        Checkout.read(
            Checkout.file("host/src/main/java/dev/harbormaster/host/http/AdmissionServer.java"));
    Set<String> routes = new TreeSet<>();
    Matcher m = GET_ROUTE.matcher(server);
    while (m.find()) {
      routes.add(m.group(1));
    }

    assertThat(routes).isNotEmpty();
    assertThat(documented().keySet()).isEqualTo(routes);
  }

  @Test
  void theProbes_answerTheDocumentedBodies() throws Exception {
    Map<String, String> doc = documented();

    for (String probe : List.of("/healthz", "/readyz")) {
      HttpResponse<String> answer = get(probe);
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(doc.get(probe)).contains("`200 " + answer.body() + "`");
    }
  }

  @Test
  void plugins_listsTheDocumentedFields_andStatesAreTheInstanceStates() throws Exception {
    String row = documented().get("/plugins");
    JsonNode instance = JSON.readTree(get("/plugins").body()).path("instances").path(0);
    List<String> spans = MarkdownDocument.parse(Checkout.root(), row).codeSpans();
    List<String> states =
        Arrays.stream(InstanceStatus.State.values())
            .map(s -> s.name().toLowerCase(Locale.ROOT))
            .toList();
    List<String> fields = new ArrayList<>(spans);
    fields.removeAll(states);

    assertThat(instance.path("name").asString()).isEqualTo("no-latest");
    assertThat(instance.propertyNames()).containsExactlyElementsOf(fields);
    assertThat(spans).containsAll(states);
  }

  @Test
  void status_answersTheDocumentedBodies_forKnownAndUnknownInstances() throws Exception {
    String row = documented().get("/plugins/{instance}/status");
    HttpResponse<String> known = get("/plugins/no-latest/status");
    HttpResponse<String> unknown = get("/plugins/nope/status");

    assertThat(known.statusCode()).isEqualTo(200);
    assertThat(known.body()).isEqualTo("{}"); // deny-latest publishes no status
    assertThat(row).contains("(`" + known.body() + "` if none yet)");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("nope");
    assertThat(row).contains("`404 " + unknown.body().replace("nope", "...") + "`");
  }
}
