package dev.harbormaster.oci.copy;

import dev.harbormaster.oci.manifest.ManifestBytes;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of one copy, updated from the copy's threads. */
final class Stats {
  final AtomicInteger manifests = new AtomicInteger();
  final AtomicInteger uploaded = new AtomicInteger();
  final AtomicInteger mounted = new AtomicInteger();
  final AtomicInteger present = new AtomicInteger();
  final AtomicLong bytes = new AtomicLong();

  CopyResult result(ManifestBytes top, boolean upToDate) {
    return new CopyResult(
        top.digest(),
        top.mediaType(),
        upToDate,
        manifests.get(),
        uploaded.get(),
        mounted.get(),
        present.get(),
        bytes.get());
  }
}
