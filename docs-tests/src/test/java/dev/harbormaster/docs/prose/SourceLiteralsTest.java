package dev.harbormaster.docs.prose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SourceLiteralsTest {
  private final SourceLiterals literals =
      SourceLiterals.of(
          List.of(
              """
              throw new IllegalArgumentException(
                  "server.tls (certFile, keyFile) is required; set server.plainHttp: true to serve plain"
                      + " HTTP explicitly");
              LOG.warn("{}: queue full, dropped {} ({} more dropped since the last report)", name, key, n);
              problems.add("plugin jar " + jar + " (Plugin-Id " + id + ", Plugin-Version " + v + ")");
              String quoted = "say \\"hi\\"";
              """));

  @Test
  void joinsAdjacentLiterals_andResolvesEscapes() {
    assertThat(
            literals.missingParts(
                "server.tls (certFile, keyFile) is required; set server.plainHttp: true to serve"
                    + " plain HTTP explicitly"))
        .isEmpty();
    assertThat(literals.missingParts("say \"hi\"")).isEmpty();
  }

  @Test
  void matchesTheFixedPartsBetweenPlaceholders() {
    assertThat(
            literals.missingParts(
                "<queue>: queue full, dropped <key> (<n> more dropped since the last report)"))
        .isEmpty();
    assertThat(literals.missingParts("plugin jar <jar> (Plugin-Id ..., Plugin-Version ...)"))
        .isEmpty();
  }

  @Test
  void reportsPartsNoLiteralHas() {
    assertThat(literals.missingParts("<queue>: queue overflow, dropped <key>"))
        .containsExactly("queue overflow, dropped");
  }

  @Test
  void fixedParts_dropPlaceholdersEdgePunctuationAndShortPieces() {
    assertThat(SourceLiterals.fixedParts("instances[<i>].config.<path>: <message>"))
        .containsExactly("instances", "config");
    assertThat(
            SourceLiterals.fixedParts(
                "cannot watch [...] for TLS file changes (...); polling only"))
        .containsExactly("cannot watch", "for TLS file changes", "polling only");
    assertThat(SourceLiterals.fixedParts("<instance>: <message>")).isEmpty();
  }
}
