package dev.harbormaster.oci.manifest;

import dev.harbormaster.oci.digest.Digest;
import dev.harbormaster.oci.platform.Platform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the fields this client needs from manifest JSON; everything else stays in the bytes. */
final class ManifestParser {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private ManifestParser() {}

  static Manifest parse(ManifestBytes m) {
    String where = "manifest " + m.digest() + " (" + m.mediaType() + ")";
    if (!MediaTypes.isIndex(m.mediaType()) && !MediaTypes.isImageManifest(m.mediaType())) {
      return new OtherManifest(m.mediaType());
    }
    JsonNode root = read(m.bytes(), where);
    Optional<Descriptor> subject =
        root.optional("subject").map(n -> descriptor(n, where + " subject"));
    Optional<String> artifactType = text(root, "artifactType");
    if (MediaTypes.isIndex(m.mediaType())) {
      List<Descriptor> entries = new ArrayList<>();
      JsonNode list = root.path("manifests");
      if (!list.isArray()) {
        throw new InvalidManifestException(where + ": field \"manifests\" must be an array", null);
      }
      for (int i = 0; i < list.size(); i++) {
        entries.add(descriptor(list.get(i), where + " manifests[" + i + "]"));
      }
      return new ImageIndex(m.mediaType(), entries, subject, artifactType);
    }
    JsonNode layers = root.path("layers");
    List<Descriptor> layerList = new ArrayList<>();
    if (layers.isArray()) {
      for (int i = 0; i < layers.size(); i++) {
        layerList.add(descriptor(layers.get(i), where + " layers[" + i + "]"));
      }
    } else if (!layers.isMissingNode()) {
      throw new InvalidManifestException(where + ": field \"layers\" must be an array", null);
    }
    JsonNode config = root.path("config");
    if (!config.isObject()) {
      throw new InvalidManifestException(where + ": field \"config\" is missing", null);
    }
    return new ImageManifest(
        m.mediaType(), descriptor(config, where + " config"), layerList, subject, artifactType);
  }

  /** The media type of manifest JSON served without a useful Content-Type. */
  static String detectMediaType(byte[] bytes) {
    JsonNode root = read(bytes, "manifest");
    Optional<String> declared = text(root, "mediaType");
    if (declared.isPresent()) {
      return declared.get();
    }
    if (root.path("manifests").isArray()) {
      return MediaTypes.OCI_INDEX;
    }
    if (root.path("config").isObject()) {
      return MediaTypes.OCI_MANIFEST;
    }
    throw new InvalidManifestException(
        "manifest has no mediaType, manifests or config field: cannot tell its type", null);
  }

  private static JsonNode read(byte[] bytes, String where) {
    try {
      JsonNode root = JSON.readTree(bytes);
      if (root == null || !root.isObject()) {
        throw new InvalidManifestException(where + " is not a JSON object", null);
      }
      return root;
    } catch (JacksonException e) {
      throw new InvalidManifestException(
          where + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  static Descriptor descriptor(JsonNode n, String where) {
    String mediaType =
        text(n, "mediaType")
            .orElseThrow(() -> new InvalidManifestException(where + ": mediaType missing", null));
    String digestText =
        text(n, "digest")
            .orElseThrow(() -> new InvalidManifestException(where + ": digest missing", null));
    Digest digest;
    try {
      digest = Digest.parse(digestText);
    } catch (IllegalArgumentException e) {
      throw new InvalidManifestException(where + ": " + e.getMessage(), e);
    }
    JsonNode size = n.path("size");
    if (!size.canConvertToLong() || !size.isIntegralNumber() || size.longValue() < 0) {
      throw new InvalidManifestException(where + ": size must be a non-negative integer", null);
    }
    Optional<Platform> platform = Optional.empty();
    JsonNode p = n.path("platform");
    if (p.isObject()) {
      try {
        platform =
            Optional.of(
                new Platform(
                    text(p, "os").orElse(""),
                    text(p, "architecture").orElse(""),
                    text(p, "variant").filter(v -> !v.isEmpty())));
      } catch (IllegalArgumentException e) {
        throw new InvalidManifestException(where + ": " + e.getMessage(), e);
      }
    }
    List<String> urls = new ArrayList<>();
    n.path("urls").forEach(u -> urls.add(u.isString() ? u.stringValue() : u.toString()));
    Map<String, String> annotations = new LinkedHashMap<>();
    for (var e : n.path("annotations").properties()) {
      annotations.put(e.getKey(), e.getValue().isString() ? e.getValue().stringValue() : "");
    }
    return new Descriptor(
        mediaType, digest, size.longValue(), platform, text(n, "artifactType"), urls, annotations);
  }

  private static Optional<String> text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isString() ? Optional.of(v.stringValue()) : Optional.empty();
  }
}
