package dev.harbormaster.prefetch.agent.pull;

import dev.harbormaster.oci.auth.Credential;
import dev.harbormaster.oci.auth.Keyring;
import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.prefetch.agent.cri.CriClient;
import dev.harbormaster.prefetch.agent.cri.CriFailure;
import dev.harbormaster.prefetch.agent.cri.RuntimeImage;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pulls one image through the CRI the way kubelet would: {@code ImageStatus} first (an image the
 * runtime has counts as success, no pull); then {@code PullImage} with every credential the keyring
 * matches for the image's registry and repository, most specific first, then anonymously; a
 * credential is never sent to a host it was not matched for.
 *
 * @see <a
 *     href="https://kubernetes.io/docs/concepts/containers/images/#using-a-private-registry">kubelet
 *     and private registries</a>
 */
public final class ImagePuller {
  /** containerd cancels a pull that gets no bytes for 5 minutes; give an attempt about 10. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(10);

  private final CriClient cri;
  private final Duration deadline;
  private final DiskGuard disk;

  /** A puller on {@code cri} whose PullImage calls may take {@code deadline}. */
  public ImagePuller(CriClient cri, Duration deadline) {
    this(cri, deadline, DiskGuard.none());
  }

  /**
   * A puller that also refuses to pull (reason {@code disk}, retried later) while {@code disk} says
   * the image filesystem is too full; images already present are still reported.
   */
  public ImagePuller(CriClient cri, Duration deadline, DiskGuard disk) {
    this.cri = cri;
    this.deadline = deadline;
    this.disk = disk;
  }

  /**
   * Makes sure the runtime has {@code image}.
   *
   * @param image a normalised reference ({@code registry/repository[:tag][@digest]})
   * @param keyring the credentials to match
   * @param runtimeHandler the CRI runtime handler, empty for the default
   */
  public PullOutcome pull(String image, Keyring keyring, String runtimeHandler) {
    try {
      Optional<RuntimeImage> present = cri.imageStatus(image);
      if (present.isPresent()) {
        return new PullOutcome.AlreadyPresent(present.get().id(), present.get().size());
      }
    } catch (StatusRuntimeException e) {
      return new PullOutcome.Failed(CriFailure.of(e));
    }
    Optional<String> full = disk.refusal();
    if (full.isPresent()) {
      return new PullOutcome.Failed(
          new CriFailure(CriFailure.Kind.TRANSIENT, CriFailure.DISK, full.get()));
    }
    ImageReference ref = ImageReference.parse(image);
    List<Optional<Credential>> candidates = new ArrayList<>();
    keyring
        .credentialsFor(ref.registry(), ref.repository())
        .forEach(c -> candidates.add(Optional.of(c)));
    candidates.add(Optional.empty());
    CriFailure last = null;
    for (Optional<Credential> credential : candidates) {
      long start = System.nanoTime();
      try {
        String imageRef = cri.pull(image, credential, runtimeHandler, deadline);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        long size = sizeOf(image);
        return new PullOutcome.Pulled(imageRef, size, took);
      } catch (StatusRuntimeException e) {
        last = CriFailure.of(e);
        if (last.kind() != CriFailure.Kind.AUTH) {
          break;
        }
      }
    }
    return new PullOutcome.Failed(last);
  }

  private long sizeOf(String image) {
    try {
      return cri.imageStatus(image).map(RuntimeImage::size).orElse(0L);
    } catch (StatusRuntimeException e) {
      return 0; // the pull succeeded; the size is only informative
    }
  }
}
