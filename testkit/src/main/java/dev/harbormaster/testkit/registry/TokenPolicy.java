package dev.harbormaster.testkit.registry;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may get a token and which actions it carries: known users with passwords, optional per-user
 * repository rules, and the actions granted to anonymous clients.
 */
record TokenPolicy(
    Map<String, String> passwords, Map<String, List<Rule>> rules, Set<String> anonymousActions) {

  /** Grants {@code actions} on repositories whose name matches {@code repository}. */
  record Rule(Pattern repository, Set<String> actions) {}

  TokenPolicy {
    passwords = Map.copyOf(passwords);
    rules = Map.copyOf(rules);
    anonymousActions = Set.copyOf(anonymousActions);
  }

  boolean authenticates(String user, String password) {
    return password.equals(passwords.get(user));
  }

  boolean allowsAnonymous() {
    return !anonymousActions.isEmpty();
  }

  /** Grants each requested scope the allowed subset of its actions; drops empty grants. */
  List<TokenScope> grant(Optional<String> user, List<TokenScope> requested) {
    return requested.stream()
        .map(scope -> new TokenScope(scope.type(), scope.name(), allowed(user, scope)))
        .filter(scope -> !scope.actions().isEmpty())
        .toList();
  }

  private Set<String> allowed(Optional<String> user, TokenScope scope) {
    Set<String> actions = new HashSet<>(scope.actions());
    if (user.isEmpty()) {
      actions.retainAll(anonymousActions);
      return actions;
    }
    List<Rule> userRules = rules.get(user.get());
    if (userRules == null) {
      return actions;
    }
    Set<String> permitted = new HashSet<>();
    userRules.stream()
        .filter(rule -> scope.type().equals("repository"))
        .filter(rule -> rule.repository().matcher(scope.name()).matches())
        .forEach(rule -> permitted.addAll(rule.actions()));
    if (!permitted.contains("*")) {
      actions.retainAll(permitted);
    }
    return actions;
  }
}
