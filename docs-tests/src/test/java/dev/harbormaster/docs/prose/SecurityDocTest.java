package dev.harbormaster.docs.prose;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * docs/security.md states what the code and deploy/ do: the TLS protocols, cipher suites, key
 * encodings and curves the host's TLS code accepts, and every RBAC rule of the host and the agent.
 */
class SecurityDocTest {
  private static final YAMLMapper YAML = new YAMLMapper();

  private final String security = Checkout.read(Checkout.file("docs/security.md"));
  private final List<String> spans =
      MarkdownDocument.parse(Checkout.file("docs/security.md"), security).codeSpans();

  private static Object constant(String className, String field)
      throws ReflectiveOperationException {
    Field f = Class.forName(className).getDeclaredField(field);
    f.setAccessible(true);
    return f.get(null);
  }

  private Set<String> spansMatching(String regex) {
    Pattern p = Pattern.compile(regex);
    Set<String> found = new TreeSet<>();
    spans.stream().filter(s -> p.matcher(s).matches()).forEach(found::add);
    return found;
  }

  @Test
  void namesExactlyTheTlsProtocolsAndCipherSuitesTheHostOffers() throws Exception {
    Collection<?> protocols =
        (Collection<?>) constant("dev.harbormaster.host.tls.TlsServerContext", "PROTOCOLS");
    Collection<?> suites =
        (Collection<?>) constant("dev.harbormaster.host.tls.TlsServerContext", "CIPHER_SUITES");

    assertThat(spansMatching("TLSv1\\.\\d"))
        .containsExactlyInAnyOrderElementsOf(toStrings(protocols));
    assertThat(spansMatching("TLS_[A-Z0-9_]+"))
        .containsExactlyInAnyOrderElementsOf(toStrings(suites));
  }

  @Test
  void namesEveryKeyEncodingAndCurveTheHostReads() throws Exception {
    Collection<?> labels =
        (Collection<?>) constant("dev.harbormaster.host.tls.PrivateKeys", "KEY_LABELS");
    Map<?, ?> curves = (Map<?, ?>) constant("dev.harbormaster.host.tls.PrivateKeys", "CURVES");

    assertThat(labels).isNotEmpty();
    assertThat(toStrings(labels)).allSatisfy(l -> assertThat(spans).contains(l));
    assertThat(toStrings(curves.values())).allSatisfy(c -> assertThat(security).contains(c));
  }

  @Test
  void explainsEveryRbacRuleOfTheHost_inOneTableRowWithItsVerbs() {
    List<String> rows = security.lines().filter(l -> l.startsWith("| `")).toList();
    List<String> unexplained = new ArrayList<>();
    for (JsonNode rule : rules("deploy/base/rbac.yaml")) {
      for (JsonNode resource : rule.path("resources")) {
        String name = resource.asString();
        List<String> verbs = rule.path("verbs").valueStream().map(JsonNode::asString).toList();
        boolean explained =
            rows.stream()
                .anyMatch(
                    row ->
                        Pattern.compile("`" + Pattern.quote(name) + "`").matcher(row).find()
                            && verbs.stream().allMatch(v -> row.contains(v)));
        if (!explained) {
          unexplained.add(name + " " + verbs);
        }
      }
    }
    assertThat(unexplained)
        .as("rules of deploy/base/rbac.yaml not in security.md's table")
        .isEmpty();
  }

  @Test
  void namesEveryResourceTheAgentMayAccess() {
    List<String> missing = new ArrayList<>();
    for (JsonNode rule : rules("deploy/prefetch-agent/daemonset.yaml")) {
      for (JsonNode resource : rule.path("resources")) {
        Matcher m = Pattern.compile("`" + resource.asString() + "`").matcher(security);
        if (!m.find()) {
          missing.add(resource.asString());
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  private static List<JsonNode> rules(String file) {
    List<JsonNode> rules = new ArrayList<>();
    String text = Checkout.read(Checkout.file(file));
    try (var docs = YAML.readValues(YAML.createParser(text), JsonNode.class)) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        String kind = doc.path("kind").asString("");
        if (kind.equals("Role") || kind.equals("ClusterRole")) {
          doc.path("rules").forEach(rules::add);
        }
      }
    }
    assertThat(rules).as("RBAC rules in " + file).isNotEmpty();
    return rules;
  }

  private static List<String> toStrings(Collection<?> values) {
    return values.stream().map(String::valueOf).toList();
  }
}
