package dev.harbormaster.prefetch.agent.cri;

import dev.harbormaster.oci.auth.Credential;
import dev.harbormaster.prefetch.agent.cri.v1.AuthConfig;
import dev.harbormaster.prefetch.agent.cri.v1.Image;
import dev.harbormaster.prefetch.agent.cri.v1.ImageFsInfoRequest;
import dev.harbormaster.prefetch.agent.cri.v1.ImageServiceGrpc;
import dev.harbormaster.prefetch.agent.cri.v1.ImageSpec;
import dev.harbormaster.prefetch.agent.cri.v1.ImageStatusRequest;
import dev.harbormaster.prefetch.agent.cri.v1.ImageStatusResponse;
import dev.harbormaster.prefetch.agent.cri.v1.ListImagesRequest;
import dev.harbormaster.prefetch.agent.cri.v1.PodSandboxConfig;
import dev.harbormaster.prefetch.agent.cri.v1.PodSandboxMetadata;
import dev.harbormaster.prefetch.agent.cri.v1.PullImageRequest;
import dev.harbormaster.prefetch.agent.cri.v1.RuntimeServiceGrpc;
import dev.harbormaster.prefetch.agent.cri.v1.VersionRequest;
import dev.harbormaster.prefetch.agent.cri.v1.VersionResponse;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The CRI calls the agent makes, over gRPC on the runtime's unix socket. Calls throw {@link
 * io.grpc.StatusRuntimeException} on failure; {@link CriFailure#of} classifies them.
 *
 * <p>Pulls send credentials with {@code server_address} left empty: containerd drops credentials
 * whose server address does not parse to exactly the host it contacts. They always send a sandbox
 * config (with metadata), never a nil one.
 *
 * @see <a
 *     href="https://github.com/kubernetes/cri-api/blob/master/pkg/apis/runtime/v1/api.proto">runtime.v1
 *     api.proto</a>
 */
public final class CriClient implements AutoCloseable {
  /** {@code ListImages} on a busy node exceeds gRPC's 4 MiB default. */
  static final int MAX_INBOUND_BYTES = 32 * 1024 * 1024;

  private static final Duration SHORT_CALL = Duration.ofSeconds(30);

  private final Path socket;
  private final ManagedChannel channel;
  private final RuntimeServiceGrpc.RuntimeServiceBlockingStub runtime;
  private final ImageServiceGrpc.ImageServiceBlockingStub images;

  private CriClient(Path socket) {
    this.socket = socket;
    this.channel =
        Grpc.newChannelBuilder("unix://" + socket, InsecureChannelCredentials.create())
            .maxInboundMessageSize(MAX_INBOUND_BYTES)
            .build();
    this.runtime = RuntimeServiceGrpc.newBlockingStub(channel);
    this.images = ImageServiceGrpc.newBlockingStub(channel);
  }

  /** A client of the runtime listening on {@code socket} (no call is made yet). */
  public static CriClient connect(Path socket) {
    return new CriClient(socket);
  }

  /** The socket this client talks to. */
  public Path socket() {
    return socket;
  }

  /** {@code RuntimeService.Version}: checks that a CRI v1 runtime answers. */
  public RuntimeVersion version() {
    VersionResponse r =
        runtime
            .withDeadlineAfter(SHORT_CALL.toMillis(), TimeUnit.MILLISECONDS)
            .version(VersionRequest.newBuilder().setVersion("v1").build());
    return new RuntimeVersion(r.getRuntimeName(), r.getRuntimeVersion(), r.getRuntimeApiVersion());
  }

  /** {@code ImageStatus}: the image when the runtime has it, empty otherwise. */
  public Optional<RuntimeImage> imageStatus(String image) {
    ImageStatusResponse r =
        images
            .withDeadlineAfter(SHORT_CALL.toMillis(), TimeUnit.MILLISECONDS)
            .imageStatus(ImageStatusRequest.newBuilder().setImage(spec(image, "")).build());
    return r.hasImage() ? Optional.of(toImage(r.getImage())) : Optional.empty();
  }

  /**
   * {@code PullImage}: pulls {@code image} and returns the runtime's image reference.
   *
   * @param credential sent as user name and password with {@code server_address} empty; empty for
   *     an anonymous pull
   * @param runtimeHandler the runtime handler, empty for the default
   * @param deadline how long the unary call may take (PullImage reports no progress)
   */
  public String pull(
      String image, Optional<Credential> credential, String runtimeHandler, Duration deadline) {
    PullImageRequest.Builder b =
        PullImageRequest.newBuilder()
            .setImage(spec(image, runtimeHandler))
            .setSandboxConfig(
                PodSandboxConfig.newBuilder()
                    .setMetadata(
                        PodSandboxMetadata.newBuilder()
                            .setName("harbormaster-prefetch")
                            .setNamespace("harbormaster-prefetch")
                            .setUid("harbormaster-prefetch")));
    credential.ifPresent(
        c ->
            b.setAuth(AuthConfig.newBuilder().setUsername(c.username()).setPassword(c.password())));
    return images
        .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
        .pullImage(b.build())
        .getImageRef();
  }

  /** {@code ListImages}: every image the runtime has. */
  public List<RuntimeImage> listImages() {
    return images
        .withDeadlineAfter(SHORT_CALL.toMillis(), TimeUnit.MILLISECONDS)
        .listImages(ListImagesRequest.getDefaultInstance())
        .getImagesList()
        .stream()
        .map(CriClient::toImage)
        .toList();
  }

  /** {@code ImageFsInfo}: bytes used on each image filesystem, by mount point. */
  public List<FilesystemUse> imageFilesystems() {
    return images
        .withDeadlineAfter(SHORT_CALL.toMillis(), TimeUnit.MILLISECONDS)
        .imageFsInfo(ImageFsInfoRequest.getDefaultInstance())
        .getImageFilesystemsList()
        .stream()
        .map(u -> new FilesystemUse(u.getFsId().getMountpoint(), u.getUsedBytes().getValue()))
        .toList();
  }

  /**
   * One image filesystem.
   *
   * @param mountpoint its mount point on the node
   * @param usedBytes bytes used by images
   */
  public record FilesystemUse(String mountpoint, long usedBytes) {}

  private static ImageSpec spec(String image, String runtimeHandler) {
    return ImageSpec.newBuilder().setImage(image).setRuntimeHandler(runtimeHandler).build();
  }

  private static RuntimeImage toImage(Image i) {
    return new RuntimeImage(i.getId(), i.getRepoTagsList(), i.getRepoDigestsList(), i.getSize());
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdown();
    if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
      channel.shutdownNow();
    }
  }
}
