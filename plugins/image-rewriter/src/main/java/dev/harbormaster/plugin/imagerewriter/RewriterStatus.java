package dev.harbormaster.plugin.imagerewriter;

import dev.harbormaster.plugin.imagerewriter.rules.Rule;
import dev.harbormaster.plugin.imagerewriter.rules.RuleSet;
import java.util.List;
import java.util.Map;

/**
 * The status document of an instance, served by the host at {@code GET /plugins/{instance}/status}.
 *
 * @param mode the mode
 * @param rewriteTemplates whether workload templates are rewritten
 * @param rules the rules in order
 * @param availabilityCacheEntries existence answers held or in flight
 * @param counters counts so far, {@code name{tag=value,...}} to count
 */
record RewriterStatus(
    String mode,
    boolean rewriteTemplates,
    List<RuleStatus> rules,
    int availabilityCacheEntries,
    Map<String, Long> counters) {

  /**
   * One rule as configured.
   *
   * @param name name
   * @param match the prefix or {@code regex:...}
   * @param excludes exclusions
   * @param mirror mirror prefix
   * @param layout layout
   * @param checkAvailability whether the mirror is asked first
   * @param platforms platforms an index must list
   */
  record RuleStatus(
      String name,
      String match,
      List<String> excludes,
      String mirror,
      String layout,
      boolean checkAvailability,
      List<String> platforms) {

    static RuleStatus of(Rule rule) {
      return new RuleStatus(
          rule.name(),
          rule.match().toString(),
          rule.excludes().stream().map(Object::toString).toList(),
          rule.mirror().toString(),
          rule.layout().configName(),
          rule.checkAvailability(),
          rule.platforms().stream().map(Object::toString).toList());
    }
  }

  static List<RuleStatus> rules(RuleSet rules) {
    return rules.rules().stream().map(RuleStatus::of).toList();
  }
}
