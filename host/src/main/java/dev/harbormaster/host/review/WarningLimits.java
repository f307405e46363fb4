package dev.harbormaster.host.review;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Caps warnings the way the API server's warning recorder does, so that what the user sees is
 * predictable: duplicates dropped, each warning at most {@value #MAX_LENGTH} characters, all
 * together at most {@value #MAX_TOTAL} characters; the rest are replaced by one "N more warnings
 * omitted" line.
 *
 * @see <a
 *     href="https://github.com/kubernetes/kubernetes/blob/master/staging/src/k8s.io/apiserver/pkg/server/filters/warning.go">apiserver
 *     warning recorder (truncateItemRunes 256, truncateAtTotalRunes 4096)</a>
 */
public final class WarningLimits {
  /** The API server truncates longer warnings. */
  public static final int MAX_LENGTH = 256;

  /** The API server drops warnings beyond this total size. */
  public static final int MAX_TOTAL = 4096;

  private WarningLimits() {}

  /** Returns the warnings truncated and capped. */
  public static List<String> cap(List<String> all) {
    List<String> warnings = List.copyOf(new LinkedHashSet<>(all));
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
