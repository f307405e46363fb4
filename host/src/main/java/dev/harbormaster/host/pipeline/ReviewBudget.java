package dev.harbormaster.host.pipeline;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a review may take: the API server's {@code ?timeout=} (for example {@code 10s}; default
 * 10s, at most 30s) minus a safety margin for the network and the response, so that the API server
 * gets the host's answer rather than applying the webhook's failure policy.
 *
 * @see <a
 *     href="https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#timeouts">webhook
 *     timeouts</a>
 */
public final class ReviewBudget {
  /** The API server's default webhook timeout. */
  public static final Duration DEFAULT = Duration.ofSeconds(10);

  /** The largest timeout the API server allows. */
  public static final Duration MAX = Duration.ofSeconds(30);

  private static final Pattern GO_SECONDS = Pattern.compile("(\\d{1,6})(s|ms)?");

  private ReviewBudget() {}

  /** The budget for a request whose {@code timeout} query parameter is {@code param}. */
  public static Duration fromTimeoutParam(Optional<String> param) {
    Duration timeout = param.flatMap(ReviewBudget::parse).orElse(DEFAULT);
    if (timeout.compareTo(MAX) > 0) timeout = MAX;
    // Keep 20% of the timeout, at most one second, for the network and for writing the answer.
    Duration margin = timeout.dividedBy(5);
    if (margin.compareTo(Duration.ofSeconds(1)) > 0) margin = Duration.ofSeconds(1);
    return timeout.minus(margin);
  }

  private static Optional<Duration> parse(String text) {
    Matcher m = GO_SECONDS.matcher(text.strip());
    if (!m.matches()) return Optional.empty();
    long amount = Long.parseLong(m.group(1));
    Duration d = "ms".equals(m.group(2)) ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
    return d.isZero() ? Optional.empty() : Optional.of(d);
  }
}
