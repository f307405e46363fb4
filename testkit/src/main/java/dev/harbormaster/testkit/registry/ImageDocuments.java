package dev.harbormaster.testkit.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON documents of a test image: config, image manifest and image index. */
final class ImageDocuments {

  private ImageDocuments() {}

  static Map<String, Object> config(String platform, List<TestLayer> layers) {
    String[] parts = platform.split("/");
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("created", "2024-01-01T00:00:00Z");
    config.put("architecture", parts[1]);
    config.put("os", parts[0]);
    if (parts.length == 3) {
      config.put("variant", parts[2]);
    }
    config.put(
        "config",
        Map.of("Env", List.of("PATH=/usr/local/bin:/usr/bin:/bin"), "Cmd", List.of("/bin/true")));
    config.put(
        "rootfs",
        Map.of("type", "layers", "diff_ids", layers.stream().map(TestLayer::diffId).toList()));
    return config;
  }

  static Map<String, Object> manifest(
      ImageFormat format, Descriptor config, List<TestLayer> layers) {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", format.manifestMediaType());
    manifest.put("config", OciLayoutWriter.descriptorJson(config));
    List<Map<String, Object>> layerJson = new ArrayList<>();
    layers.forEach(l -> layerJson.add(OciLayoutWriter.descriptorJson(l.blob())));
    manifest.put("layers", layerJson);
    return manifest;
  }

  static Map<String, Object> index(
      ImageFormat format, List<TestPlatformImage> images, Optional<TestPlatformImage> attestation) {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (TestPlatformImage image : images) {
      Map<String, Object> entry = OciLayoutWriter.descriptorJson(image.manifest());
      entry.put("platform", platformJson(image.platform()));
      entries.add(entry);
    }
    attestation.ifPresent(
        a -> {
          Map<String, Object> entry = OciLayoutWriter.descriptorJson(a.manifest());
          entry.put(
              "annotations",
              Map.of(
                  "vnd.docker.reference.digest",
                  images.getFirst().manifest().digest(),
                  "vnd.docker.reference.type",
                  "attestation-manifest"));
          entry.put("platform", platformJson("unknown/unknown"));
          entries.add(entry);
        });
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("schemaVersion", 2);
    index.put("mediaType", format.indexMediaType());
    index.put("manifests", entries);
    return index;
  }

  private static Map<String, Object> platformJson(String platform) {
    String[] parts = platform.split("/");
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("architecture", parts[1]);
    json.put("os", parts[0]);
    if (parts.length == 3) {
      json.put("variant", parts[2]);
    }
    return json;
  }
}
