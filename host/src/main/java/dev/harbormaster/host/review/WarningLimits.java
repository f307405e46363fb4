package dev.harbormaster.host.review;

import java.util.ArrayList;
import java.util.List;

/**
 * Caps warnings the way the API server would, so that what the user sees is predictable: each
 * warning at most {@value #MAX_LENGTH} characters, all together at most {@value #MAX_TOTAL}
 * characters; the rest are replaced by one "N more warnings omitted" line.
 *
 * @see <a href="https://kubernetes.io/blog/2020/09/03/warnings/">Kubernetes warnings</a>
 */
public final class WarningLimits {
  /** The API server truncates longer warnings. */
  public static final int MAX_LENGTH = 256;

  /** The API server drops warnings beyond this total size. */
  public static final int MAX_TOTAL = 4096;

  private WarningLimits() {}

  /** Returns the warnings truncated and capped. */
  public static List<String> cap(List<String> warnings) {
    List<String> out = new ArrayList<>(Math.min(warnings.size(), 16));
    int total = 0;
    for (int i = 0; i < warnings.size(); i++) {
      String w = truncate(warnings.get(i).replace('\n', ' '));
      if (total + w.length() > MAX_TOTAL - 64) {
        out.add((warnings.size() - i) + " more warnings omitted");
        break;
      }
      out.add(w);
      total += w.length();
    }
    return out;
  }

  private static String truncate(String w) {
    return w.length() <= MAX_LENGTH ? w : w.substring(0, MAX_LENGTH - 3) + "...";
  }
}
