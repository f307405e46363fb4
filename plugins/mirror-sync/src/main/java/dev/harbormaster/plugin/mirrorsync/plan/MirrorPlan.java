package dev.harbormaster.plugin.mirrorsync.plan;

import dev.harbormaster.oci.reference.RepositoryName;
import java.util.List;
import java.util.Optional;

/**
 * What one mirror needs: the tags considered, how many are in sync, the copies to make and the tags
 * that could not be checked.
 *
 * @param mirror the configured source
 * @param target the target repository
 * @param considered tags selected by the filters
 * @param inSync tags whose target already has the upstream digest
 * @param copies tags to copy
 * @param failures tags that could not be checked, with reasons
 * @param listingError why the tag list could not be read (then nothing else was done)
 */
public record MirrorPlan(
    String mirror,
    RepositoryName target,
    int considered,
    int inSync,
    List<PlannedCopy> copies,
    List<TagFailure> failures,
    Optional<String> listingError) {

  /**
   * A tag that could not be checked or copied.
   *
   * @param tag the tag
   * @param reason a short classifier ({@code not-found}, {@code unavailable}, {@code denied}, ...)
   * @param message the detail
   */
  public record TagFailure(String tag, String reason, String message) {}

  /** Copies the lists. */
  public MirrorPlan {
    copies = List.copyOf(copies);
    failures = List.copyOf(failures);
  }
}
