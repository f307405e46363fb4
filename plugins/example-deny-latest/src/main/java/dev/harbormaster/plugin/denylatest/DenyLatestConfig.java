package dev.harbormaster.plugin.denylatest;

import dev.harbormaster.spi.ConfigProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The config of one {@code deny-latest} instance. Every field is optional, so an empty {@code
 * config: {}} (or none at all) is valid.
 *
 * <p>The host binds the instance's {@code config:} block to this record strictly: an unknown field
 * or a value of the wrong type fails start-up and {@code harbormaster check} with its JSON path.
 * Checks of the values themselves are in {@link #problems()}, which the plugin's {@code validate}
 * reports, so each problem carries its own path (an {@link IllegalArgumentException} thrown from
 * the compact constructor would also be shown, but against the whole block).
 *
 * @param exemptNamespaces namespaces whose objects are always allowed (for example {@code
 *     kube-system}); each must be a DNS-1123 label
 * @param message an extra sentence appended to every denial, for example a link to the team's image
 *     policy
 */
public record DenyLatestConfig(List<String> exemptNamespaces, Optional<String> message) {
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  /** Fills absent fields with defaults; {@link DenyLatestPlugin#validate} checks the values. */
  public DenyLatestConfig {
    exemptNamespaces = exemptNamespaces == null ? List.of() : List.copyOf(exemptNamespaces);
    message = message == null ? Optional.empty() : message.filter(m -> !m.isBlank());
  }

  /**
   * Problems with the values, each with its JSON path below {@code config}: a namespace that is not
   * a DNS-1123 label can never match, so it is surely a typo.
   */
  public List<ConfigProblem> problems() {
    List<ConfigProblem> problems = new ArrayList<>();
    for (int i = 0; i < exemptNamespaces.size(); i++) {
      String namespace = exemptNamespaces.get(i);
      if (!DNS_LABEL.matcher(namespace).matches()) {
        problems.add(
            new ConfigProblem(
                "exemptNamespaces[" + i + "]",
                "'"
                    + namespace
                    + "' is not a namespace name (a lower-case DNS-1123 label: a-z, 0-9 and '-',"
                    + " at most 63 characters)"));
      }
    }
    return problems;
  }

  /** The config of {@code config: {}}: no exemptions, no extra message. */
  public static DenyLatestConfig defaults() {
    return new DenyLatestConfig(List.of(), Optional.empty());
  }

  /** True when objects in {@code namespace} are exempt. */
  public boolean exempts(String namespace) {
    return exemptNamespaces.contains(namespace);
  }
}
