package dev.harbormaster.plugin.imagerewriter;

import dev.harbormaster.plugin.imagerewriter.rules.Rule;
import dev.harbormaster.plugin.imagerewriter.rules.RuleConfig;
import dev.harbormaster.plugin.imagerewriter.rules.RuleSet;
import dev.harbormaster.spi.ConfigProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The config of one {@code image-rewriter} instance (see {@code docs/plugins/image-rewriter.md}).
 *
 * @param rules the rewrite rules, in order; the first that takes an image wins
 * @param mode {@code rewrite} (default) or {@code only-mirrored}
 * @param rewriteTemplates whether pod templates of Deployment, StatefulSet, DaemonSet, ReplicaSet,
 *     Job and CronJob are rewritten too (default false: only Pods, no GitOps drift)
 * @param imagePullPolicy a policy set on every rewritten container ({@code Always}, {@code
 *     IfNotPresent} or {@code Never}); absent: left as it is
 * @param imagePullSecrets secrets added to {@code imagePullSecrets} of a pod spec with a rewritten
 *     image (those already listed are not repeated)
 * @param availability how existence checks run
 */
public record ImageRewriterConfig(
    List<RuleConfig> rules,
    Optional<String> mode,
    Boolean rewriteTemplates,
    Optional<String> imagePullPolicy,
    List<String> imagePullSecrets,
    AvailabilityConfig availability) {
  private static final Set<String> PULL_POLICIES = Set.of("Always", "IfNotPresent", "Never");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  /** Fills defaults; {@link #problems()} checks the values. */
  public ImageRewriterConfig {
    rules = rules == null ? List.of() : List.copyOf(rules);
    mode = mode == null ? Optional.empty() : mode;
    rewriteTemplates = rewriteTemplates != null && rewriteTemplates;
    imagePullPolicy = imagePullPolicy == null ? Optional.empty() : imagePullPolicy;
    imagePullSecrets = imagePullSecrets == null ? List.of() : List.copyOf(imagePullSecrets);
    availability = availability == null ? AvailabilityConfig.defaults() : availability;
  }

  /** Problems with the values, each with its JSON path below {@code config}. */
  public List<ConfigProblem> problems() {
    List<ConfigProblem> problems = new ArrayList<>();
    if (rules.isEmpty()) {
      problems.add(
          new ConfigProblem(
              "rules",
              "at least one rule is required, e.g. {match: docker.io, mirror:"
                  + " harbor.example.com/dockerhub-proxy}"));
    }
    Set<String> names = new HashSet<>();
    List<Rule> compiled = ruleSet().rules();
    for (int i = 0; i < compiled.size(); i++) {
      if (!names.add(compiled.get(i).name())) {
        problems.add(
            new ConfigProblem(
                "rules[" + i + "].name",
                "'"
                    + compiled.get(i).name()
                    + "' names an earlier rule too; names must be unique"));
      }
    }
    mode.ifPresent(
        m -> {
          try {
            Mode.parse(m);
          } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem("mode", e.getMessage()));
          }
        });
    imagePullPolicy
        .filter(p -> !PULL_POLICIES.contains(p))
        .ifPresent(
            p ->
                problems.add(
                    new ConfigProblem(
                        "imagePullPolicy",
                        "'" + p + "' is not a pull policy; use Always, IfNotPresent or Never")));
    for (int i = 0; i < imagePullSecrets.size(); i++) {
      String s = imagePullSecrets.get(i);
      if (s.length() > 253 || !DNS_SUBDOMAIN.matcher(s).matches()) {
        problems.add(
            new ConfigProblem(
                "imagePullSecrets[" + i + "]",
                "'" + s + "' is not a Secret name (a lower-case DNS-1123 subdomain)"));
      }
    }
    return problems;
  }

  /** The compiled rules. */
  public RuleSet ruleSet() {
    List<Rule> compiled = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      compiled.add(rules.get(i).toRule(i));
    }
    return new RuleSet(compiled);
  }

  /** The mode; {@link Mode#REWRITE} when absent. Call after {@link #problems()} found none. */
  public Mode effectiveMode() {
    return mode.map(Mode::parse).orElse(Mode.REWRITE);
  }

  /** Whether any rule checks availability. */
  public boolean checksAvailability() {
    return rules.stream().anyMatch(RuleConfig::checkAvailability);
  }
}
