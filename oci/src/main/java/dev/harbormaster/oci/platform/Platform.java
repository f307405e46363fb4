package dev.harbormaster.oci.platform;

import java.util.Objects;
import java.util.Optional;

/**
 * A target platform {@code os/architecture[/variant]}, normalised like containerd does so that
 * equal platforms compare equal: {@code x86_64} is {@code amd64}, {@code aarch64} is {@code arm64},
 * {@code arm64/v8} is {@code arm64} (v8 is arm64's only and default variant), {@code arm} without
 * variant is {@code arm/v7}, and variants {@code 7} and {@code v7} are the same.
 *
 * <p>Attestation manifests in an index carry the platform {@code unknown/unknown}: see {@link
 * #isUnknown()}.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/image-index.md">OCI image
 *     index: platform</a>
 * @see <a href="https://github.com/containerd/platforms/blob/main/database.go">containerd platform
 *     normalisation</a>
 */
public record Platform(String os, String architecture, Optional<String> variant) {

  /** The platform of attestation entries in an index. */
  public static final Platform UNKNOWN = new Platform("unknown", "unknown", Optional.empty());

  /** Normalises the parts; use {@link #parse} for strings. */
  public Platform {
    Objects.requireNonNull(variant, "variant");
    os = requirePart(os, "os").toLowerCase(java.util.Locale.ROOT);
    String arch = requirePart(architecture, "architecture").toLowerCase(java.util.Locale.ROOT);
    String v = variant.map(x -> x.toLowerCase(java.util.Locale.ROOT)).orElse("");
    switch (arch) {
      case "x86_64", "x86-64", "amd64" -> {
        arch = "amd64";
        v = v.equals("v1") ? "" : v;
      }
      case "aarch64", "arm64" -> {
        arch = "arm64";
        v = v.equals("8") || v.equals("v8") ? "" : v;
      }
      case "armhf", "armel", "arm" -> {
        v = arch.equals("armel") ? "v6" : arch.equals("armhf") ? "v7" : v;
        arch = "arm";
        v =
            v.isEmpty()
                ? "v7"
                : v.length() == 1 && v.charAt(0) >= '5' && v.charAt(0) <= '8' ? "v" + v : v;
      }
      case "i386", "386" -> arch = "386";
      default -> {}
    }
    architecture = arch;
    variant = v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  /**
   * Parses {@code os/arch} or {@code os/arch/variant}.
   *
   * @throws IllegalArgumentException naming the input and the expected form
   */
  public static Platform parse(String text) {
    String[] parts = text.split("/", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException(
          "invalid platform \""
              + text
              + "\": expected os/arch or os/arch/variant, e.g. linux/arm64");
    }
    for (String p : parts) {
      if (p.isBlank()) {
        throw new IllegalArgumentException(
            "invalid platform \"" + text + "\": os, arch and variant must not be empty");
      }
    }
    return new Platform(
        parts[0], parts[1], parts.length == 3 ? Optional.of(parts[2]) : Optional.empty());
  }

  /** {@code os/architecture} without variant. */
  public static Platform of(String os, String architecture) {
    return new Platform(os, architecture, Optional.empty());
  }

  /**
   * Whether an index entry for {@code candidate} serves this platform: equal after normalisation. A
   * requested platform without variant matches any variant of its architecture except on {@code
   * arm}, whose default variant is {@code v7}.
   */
  public boolean matches(Platform candidate) {
    if (!os.equals(candidate.os) || !architecture.equals(candidate.architecture)) {
      return false;
    }
    return variant.isEmpty() && !architecture.equals("arm") || variant.equals(candidate.variant);
  }

  /** Whether this is the {@code unknown/unknown} platform of attestation manifests. */
  public boolean isUnknown() {
    return os.equals("unknown") && architecture.equals("unknown");
  }

  /** {@code os/architecture[/variant]}. */
  @Override
  public String toString() {
    return os + "/" + architecture + variant.map(v -> "/" + v).orElse("");
  }

  private static String requirePart(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("platform " + field + " must not be empty");
    }
    return value;
  }
}
