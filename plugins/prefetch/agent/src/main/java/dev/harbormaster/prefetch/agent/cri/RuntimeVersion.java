package dev.harbormaster.prefetch.agent.cri;

/**
 * What the runtime says in {@code RuntimeService.Version}.
 *
 * @param runtimeName e.g. {@code containerd}
 * @param runtimeVersion e.g. {@code 1.6.20~ds1} (Debian) or {@code v1.7.13}
 * @param apiVersion the CRI API version, e.g. {@code v1}
 */
public record RuntimeVersion(String runtimeName, String runtimeVersion, String apiVersion) {
  /** {@code containerd 1.6.20~ds1}. */
  public String describe() {
    return runtimeName + " " + runtimeVersion;
  }
}
