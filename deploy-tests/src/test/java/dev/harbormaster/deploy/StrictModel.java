package dev.harbormaster.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Parses rendered manifests strictly into the fabric8 Kubernetes model: every object must map to a
 * typed model class (not {@link GenericKubernetesResource}), and no field anywhere may be unknown
 * to the model. fabric8's classes collect unknown fields in {@code additionalProperties} instead of
 * failing (so {@code FAIL_ON_UNKNOWN_PROPERTIES} alone proves nothing); this class therefore also
 * walks every parsed object and reports each non-empty {@code additionalProperties} with its path.
 * cert-manager and Prometheus Operator objects are checked against {@link CertManagerModel} and
 * {@link MonitoringModel} and returned untyped.
 */
final class StrictModel {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private StrictModel() {}

  /** Every document of a multi-document YAML stream, parsed strictly. */
  static List<HasMetadata> parseAll(String yaml) {
    List<HasMetadata> objects = new ArrayList<>();
    try (var docs = YAML.readValues(YAML.createParser(yaml), JsonNode.class)) {
      while (docs.hasNextValue()) {
        JsonNode doc = docs.nextValue();
        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
          objects.add(parse(doc));
        }
      }
    }
    return List.copyOf(objects);
  }

  /**
   * One object, parsed strictly.
   *
   * @throws AssertionError naming the object and every unknown field's path
   */
  static HasMetadata parse(JsonNode doc) {
    String name =
        doc.path("apiVersion").asString("?")
            + " "
            + doc.path("kind").asString("?")
            + " "
            + doc.path("metadata").path("name").asString("?");
    String apiVersion = doc.path("apiVersion").asString("");
    String kind = doc.path("kind").asString("");
    var recordModel =
        CertManagerModel.forKind(apiVersion, kind)
            .or(() -> MonitoringModel.forKind(apiVersion, kind));
    if (recordModel.isPresent()) {
      try {
        JSON.treeToValue(doc, recordModel.get());
        return JSON.treeToValue(doc, GenericKubernetesResource.class);
      } catch (RuntimeException e) {
        throw new AssertionError(name + " does not parse with its strict record model: " + e, e);
      }
    }
    KubernetesResource parsed;
    try {
      parsed = JSON.treeToValue(doc, KubernetesResource.class);
    } catch (RuntimeException e) {
      throw new AssertionError(name + " does not parse with the fabric8 model: " + e, e);
    }
    if (parsed instanceof GenericKubernetesResource || !(parsed instanceof HasMetadata typed)) {
      throw new AssertionError(name + " has no typed fabric8 model class");
    }
    List<String> unknown = new ArrayList<>();
    walk(typed, "", unknown);
    if (!unknown.isEmpty()) {
      throw new AssertionError(name + " has fields unknown to the model: " + unknown);
    }
    return typed;
  }

  /** Collects non-empty {@code additionalProperties} below {@code value}. */
  static void walk(Object value, String path, List<String> unknown) {
    switch (value) {
      case null -> {}
      case Collection<?> items -> {
        int i = 0;
        for (Object item : items) {
          walk(item, path + "[" + i++ + "]", unknown);
        }
      }
      case Map<?, ?> map -> map.forEach((k, v) -> walk(v, path + "." + k, unknown));
      default -> {
        if (value.getClass().getPackageName().startsWith("io.fabric8.")) {
          walkBean(value, path, unknown);
        }
      }
    }
  }

  private static void walkBean(Object bean, String path, List<String> unknown) {
    Method[] getters = bean.getClass().getMethods();
    Arrays.sort(getters, Comparator.comparing(Method::getName));
    for (Method m : getters) {
      if (!isGetter(m)) {
        continue;
      }
      Object v = invoke(m, bean, path);
      if (m.getName().equals("getAdditionalProperties") && v instanceof Map<?, ?> extra) {
        if (!extra.isEmpty()) {
          unknown.add((path.isEmpty() ? "" : path + ".") + extra.keySet());
        }
      } else {
        walk(v, path + "." + property(m), unknown);
      }
    }
  }

  private static boolean isGetter(Method m) {
    return m.getName().startsWith("get")
        && m.getName().length() > 3
        && m.getParameterCount() == 0
        && !Modifier.isStatic(m.getModifiers())
        && m.getDeclaringClass() != Object.class
        && m.getReturnType() != void.class;
  }

  private static Object invoke(Method m, Object bean, String path) {
    try {
      return m.invoke(bean);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new AssertionError("reading " + path + "." + property(m) + ": " + e, e);
    }
  }

  private static String property(Method m) {
    String n = m.getName().substring(3);
    return Character.toLowerCase(n.charAt(0)) + n.substring(1);
  }
}
