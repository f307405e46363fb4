package dev.harbormaster.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** deploy/monitoring rendered with kubectl kustomize and parsed strictly, once per run. */
final class Monitoring {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern METRIC = Pattern.compile("\\bharbormaster_[a-z_]+");
  private static volatile Rendered rendered;

  private Monitoring() {}

  /** The rendered objects. */
  static Rendered render() {
    if (rendered == null) {
      rendered =
          new Rendered(
              StrictModel.parseAll(
                  Kustomize.render(Overlay.deployDirectory().resolve("monitoring"))));
    }
    return rendered;
  }

  /** The one object of {@code kind}. */
  static GenericKubernetesResource one(String kind) {
    List<GenericKubernetesResource> found =
        render().all(GenericKubernetesResource.class).stream()
            .filter(o -> o.getKind().equals(kind))
            .toList();
    if (found.size() != 1) {
      throw new AssertionError(
          "expected one " + kind + " in deploy/monitoring, found " + found.size());
    }
    return found.getFirst();
  }

  /** Every alert's PromQL expression, by alert name. */
  @SuppressWarnings("unchecked")
  static Map<String, String> alertExpressions() {
    Map<String, String> exprs = new java.util.LinkedHashMap<>();
    List<Map<String, Object>> groups = one("PrometheusRule").get("spec", "groups");
    for (Map<String, Object> group : groups) {
      for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
        exprs.put((String) rule.get("alert"), (String) rule.get("expr"));
      }
    }
    return exprs;
  }

  /** Every PromQL expression of the Grafana dashboard's panels. */
  static List<String> dashboardExpressions() {
    ConfigMap cm = render().one(ConfigMap.class, "harbormaster-grafana-dashboard");
    JsonNode dashboard = JSON.readTree(cm.getData().get("harbormaster.json"));
    List<String> exprs = new ArrayList<>();
    for (JsonNode panel : dashboard.required("panels")) {
      for (JsonNode target : panel.required("targets")) {
        exprs.add(target.required("expr").asString());
      }
    }
    return exprs;
  }

  /** The Harbormaster metric series names the alerts and the dashboard use. */
  static Set<String> metricNames() {
    Set<String> names = new TreeSet<>();
    List<String> exprs = new ArrayList<>(alertExpressions().values());
    exprs.addAll(dashboardExpressions());
    for (String expr : exprs) {
      Matcher m = METRIC.matcher(expr);
      while (m.find()) {
        names.add(m.group());
      }
    }
    return names;
  }
}
