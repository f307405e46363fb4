package dev.harbormaster.prefetch.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsOrBool;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the CustomResourceDefinition of a fabric8 {@link CustomResource} class from the Java
 * model: group, version, kind, plural and scope from its annotations, and an OpenAPI v3 schema from
 * its spec and status records (strings, integers, booleans, enums, lists, string maps, nested
 * records; {@link JsonPropertyDescription} becomes the description).
 *
 * <p>Written for this project because fabric8's own CRD generator (crd-generator-api-v2 and its
 * Maven plugin) is not published on Maven Central for fabric8 8.0.0 (the newest there is 7.6.1,
 * built on Jackson 2).
 *
 * @see <a
 *     href="https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#specifying-a-structural-schema">Structural
 *     schemas</a>
 */
final class CrdGenerator {
  private CrdGenerator() {}

  /** The CRD of {@code type} as YAML. */
  static String yaml(Class<? extends CustomResource<?, ?>> type) {
    return Serialization.asYaml(crd(type));
  }

  /** The CRD of {@code type}. */
  static CustomResourceDefinition crd(Class<? extends CustomResource<?, ?>> type) {
    Type[] args = ((ParameterizedType) type.getGenericSuperclass()).getActualTypeArguments();
    Map<String, JSONSchemaProps> properties = new LinkedHashMap<>();
    properties.put("spec", schema(args[0]));
    boolean hasStatus = args[1] != Void.class;
    if (hasStatus) {
      properties.put("status", schema(args[1]));
    }
    String plural = HasMetadata.getPlural(type);
    String group = HasMetadata.getGroup(type);
    ShortNames shortNames = type.getAnnotation(ShortNames.class);
    CustomResourceDefinitionBuilder b = new CustomResourceDefinitionBuilder();
    return b.withNewMetadata()
        .withName(plural + "." + group)
        .endMetadata()
        .withNewSpec()
        .withGroup(group)
        .withScope(Namespaced.class.isAssignableFrom(type) ? "Namespaced" : "Cluster")
        .withNewNames()
        .withKind(HasMetadata.getKind(type))
        .withPlural(plural)
        .withSingular(HasMetadata.getSingular(type))
        .withShortNames(shortNames == null ? List.of() : Arrays.asList(shortNames.value()))
        .endNames()
        .addNewVersion()
        .withName(HasMetadata.getVersion(type))
        .withServed(true)
        .withStorage(true)
        .withNewSchema()
        .withOpenAPIV3Schema(
            new JSONSchemaPropsBuilder().withType("object").withProperties(properties).build())
        .endSchema()
        .withNewSubresources()
        .withStatus(
            hasStatus
                ? new io.fabric8.kubernetes.api.model.apiextensions.v1
                    .CustomResourceSubresourceStatus()
                : null)
        .endSubresources()
        .endVersion()
        .endSpec()
        .build();
  }

  private static JSONSchemaProps schema(Type type) {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] a = p.getActualTypeArguments();
      if (List.class.isAssignableFrom(raw)) {
        return new JSONSchemaPropsBuilder().withType("array").withItems(items(a[0])).build();
      }
      if (Map.class.isAssignableFrom(raw)) {
        return new JSONSchemaPropsBuilder()
            .withType("object")
            .withAdditionalProperties(new JSONSchemaPropsOrBool(null, schema(a[1])))
            .build();
      }
      throw new IllegalArgumentException("unsupported generic type " + type);
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      return new JSONSchemaPropsBuilder().withType("string").build();
    }
    if (c == int.class || c == Integer.class) {
      return new JSONSchemaPropsBuilder().withType("integer").withFormat("int32").build();
    }
    if (c == long.class || c == Long.class) {
      return new JSONSchemaPropsBuilder().withType("integer").withFormat("int64").build();
    }
    if (c == boolean.class || c == Boolean.class) {
      return new JSONSchemaPropsBuilder().withType("boolean").build();
    }
    if (c.isEnum()) {
      List<tools.jackson.databind.JsonNode> values =
          Arrays.stream(c.getEnumConstants())
              .map(
                  v ->
                      (tools.jackson.databind.JsonNode)
                          tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(
                              v.toString()))
              .toList();
      return new JSONSchemaPropsBuilder().withType("string").withEnum(values).build();
    }
    if (c.isRecord()) {
      Map<String, JSONSchemaProps> props = new LinkedHashMap<>();
      for (RecordComponent rc : c.getRecordComponents()) {
        JSONSchemaProps s = schema(rc.getGenericType());
        JsonPropertyDescription d = rc.getAnnotation(JsonPropertyDescription.class);
        if (d != null) {
          s.setDescription(d.value());
        }
        props.put(rc.getName(), s);
      }
      return new JSONSchemaPropsBuilder().withType("object").withProperties(props).build();
    }
    throw new IllegalArgumentException("unsupported type " + type);
  }

  private static io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsOrArray items(
      Type type) {
    return new io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsOrArray(
        List.of(), schema(type));
  }
}
