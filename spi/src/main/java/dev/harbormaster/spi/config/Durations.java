package dev.harbormaster.spi.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations the way Kubernetes users write them: Go's {@code time.ParseDuration} units
 * ({@code ms}, {@code s}, {@code m}, {@code h}, combined as in {@code 1h30m}), or ISO-8601 ({@code
 * PT2S}).
 */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");
  private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h))+");

  private Durations() {}

  /**
   * Parses a duration.
   *
   * @throws IllegalArgumentException naming the value and the accepted forms
   */
  public static Duration parse(String text) {
    String value = text == null ? "" : text.strip();
    if (value.equals("0")) {
      return Duration.ZERO;
    }
    if (value.startsWith("P") || value.startsWith("p")) {
      try {
        return Duration.parse(value);
      } catch (DateTimeParseException e) {
        throw invalid(text);
      }
    }
    if (!WHOLE.matcher(value).matches()) {
      throw invalid(text);
    }
    Matcher m = PART.matcher(value);
    long nanos = 0;
    while (m.find()) {
      double amount = Double.parseDouble(m.group(1));
      long unitNanos =
          switch (m.group(2)) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
          };
      nanos = Math.addExact(nanos, Math.round(amount * unitNanos));
    }
    return Duration.ofNanos(nanos);
  }

  /**
   * Renders a duration in the short form accepted by {@link #parse} ({@code 1h30m}, {@code 250ms},
   * {@code 1.5s}); below a millisecond is dropped.
   */
  public static String format(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    long h = duration.toHours();
    int m = duration.toMinutesPart();
    int s = duration.toSecondsPart();
    int ms = duration.toMillisPart();
    if (h > 0) out.append(h).append('h');
    if (m > 0) out.append(m).append('m');
    if (ms > 0 && out.isEmpty() && s == 0) {
      out.append(ms).append("ms");
    } else if (ms > 0) {
      // Seconds with a fraction, as Go writes them: 1.5s, 1m0.25s (not 1s500ms).
      String fraction = String.format("%03d", ms).replaceAll("0+$", "");
      out.append(s).append('.').append(fraction).append('s');
    } else if (s > 0) {
      out.append(s).append('s');
    }
    return out.toString();
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "invalid duration '"
            + text
            + "': expected a number with a unit (ms, s, m, h), e.g. 500ms, 2s, 10m, 1h30m, or ISO-8601"
            + " such as PT2S");
  }
}
