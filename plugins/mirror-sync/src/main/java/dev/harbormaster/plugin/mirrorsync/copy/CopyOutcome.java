package dev.harbormaster.plugin.mirrorsync.copy;

import dev.harbormaster.oci.copy.CopyResult;
import dev.harbormaster.oci.digest.Digest;

/** What a consumer did with one {@link SyncItem}. */
public sealed interface CopyOutcome {

  /**
   * Copied (or found already there) and verified.
   *
   * @param source the upstream digest copied
   * @param result the copier's counts
   */
  record Copied(Digest source, CopyResult result) implements CopyOutcome {}

  /**
   * Not applied: a newer observation of the same tag was applied already.
   *
   * @param applied the generation applied
   */
  record Superseded(long applied) implements CopyOutcome {}
}
