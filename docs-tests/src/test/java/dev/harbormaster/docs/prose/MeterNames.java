package dev.harbormaster.docs.prose;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Meter names, as registered in the code and as named in a document.
 *
 * <p>In the code, every meter is named by a string literal {@code "harbormaster.<words>"} (see
 * {@code PluginContext.meterRegistry()}: plugins name meters {@code harbormaster.<plugin>.*}).
 * Every such literal in the production sources of the host, the plugins and the libraries they
 * bundle is taken as a meter name, except the few {@link #NOT_METERS} literals that name something
 * else; so a new meter cannot be added without this scan seeing it.
 *
 * <p>In a document, a name may be written in Micrometer form ({@code harbormaster.reviews}) or in
 * Prometheus form ({@code harbormaster_reviews_seconds_bucket}); both are reduced to the Micrometer
 * name.
 */
final class MeterNames {
  /** Literals of the {@code harbormaster.} form that are not meters, and what they are. */
  static final Map<String, String> NOT_METERS =
      Map.of(
          "harbormaster.review", "the logger of the per-review log line (ReviewLog)",
          "harbormaster.home", "the system property bin/harbormaster sets (LoadedConfig)");

  private static final Pattern LITERAL = Pattern.compile("\"(harbormaster\\.[a-z0-9.]*[a-z0-9])\"");
  private static final Pattern IN_TEXT =
      Pattern.compile("(?<![A-Za-z0-9_.-])(harbormaster[._][a-z0-9_.]*[a-z0-9])(?![a-z0-9_./-])");
  private static final String[] PROMETHEUS_SUFFIXES = {
    "_seconds_bucket", "_seconds_count", "_seconds_sum", "_seconds_max", "_seconds", "_total"
  };

  /** The source roots scanned: production code that runs in the host, a plugin or the agent. */
  static final String[] SOURCE_ROOTS = {"host", "plugins", "oci", "worker", "workload"};

  private MeterNames() {}

  /** Meter name to the source files registering it, from the production sources under root. */
  static Map<String, Set<String>> registered(Path root) {
    Map<String, Set<String>> names = new TreeMap<>();
    for (String dir : SOURCE_ROOTS) {
      for (Path file : Checkout.files(root.resolve(dir), ".java")) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        if (!relative.contains("/src/main/java/")) {
          continue;
        }
        literals(Checkout.read(file))
            .forEach(name -> names.computeIfAbsent(name, k -> new TreeSet<>()).add(relative));
      }
    }
    return names;
  }

  /** The meter-name literals of one source text ({@link #NOT_METERS} left out). */
  static Set<String> literals(String source) {
    Set<String> names = new TreeSet<>();
    Matcher m = LITERAL.matcher(source);
    while (m.find()) {
      if (!NOT_METERS.containsKey(m.group(1))) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  /** Every {@code harbormaster.*} or {@code harbormaster_*} name in {@code text}, as written. */
  static Set<String> namedIn(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = IN_TEXT.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /**
   * The Micrometer name of a name written in either form: {@code
   * harbormaster_reviews_seconds_count} and {@code harbormaster.reviews} are both {@code
   * harbormaster.reviews}.
   */
  static String micrometerName(String written) {
    String name = written;
    if (name.startsWith("harbormaster_")) {
      for (String suffix : PROMETHEUS_SUFFIXES) {
        if (name.endsWith(suffix)) {
          name = name.substring(0, name.length() - suffix.length());
          break;
        }
      }
      name = name.replace('_', '.');
    }
    return name;
  }
}
