package dev.harbormaster.oci.registry;

import dev.harbormaster.oci.auth.Keyring;
import dev.harbormaster.oci.auth.RegistryAuthenticator;
import dev.harbormaster.oci.digest.Digest;
import dev.harbormaster.oci.digest.DigestVerifyingInputStream;
import dev.harbormaster.oci.manifest.Descriptor;
import dev.harbormaster.oci.manifest.ImageIndex;
import dev.harbormaster.oci.manifest.ManifestBytes;
import dev.harbormaster.oci.reference.ImageReference;
import dev.harbormaster.oci.reference.RepositoryName;
import dev.harbormaster.oci.transport.HttpTransport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import okhttp3.HttpUrl;

/**
 * The registry client shared by plugins: every OCI distribution operation Harbormaster needs, one
 * method each, under one transport policy (allow-list, SSRF guard, TLS, retries, throttling) and
 * one credential keyring. Thread-safe; create one per plugin instance and reuse it (it shares
 * connections and tokens).
 *
 * <pre>{@code
 * RegistryClient client = RegistryClient.builder()
 *     .allowHosts("harbor.local", "*.example.com")
 *     .insecureHosts("127.0.0.1:5000")
 *     .credentials(keyring)
 *     .build();
 * Optional<ManifestInfo> head = client.withLimits(Duration.ofMillis(500), 1).headManifest(ref);
 * }</pre>
 *
 * <p>Failures are {@link RegistryException}s whose subclass says what happened ({@link
 * NotFoundException}, {@link AuthenticationException}, {@link TransientRegistryException}, {@link
 * PermanentRegistryException}, {@link RefusedByPolicyException}).
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md">OCI
 *     distribution spec</a>
 */
public final class RegistryClient {
  private final RegistryCaller caller;
  private final RegistryAuthenticator authenticator;
  private final int maxBlobResumes;

  private RegistryClient(
      HttpTransport transport, RegistryAuthenticator authenticator, int maxBlobResumes) {
    this.caller = new RegistryCaller(transport, authenticator);
    this.authenticator = authenticator;
    this.maxBlobResumes = maxBlobResumes;
  }

  static RegistryClient create(HttpTransport transport, Keyring keyring, int maxBlobResumes) {
    return new RegistryClient(
        transport,
        new RegistryAuthenticator(transport, keyring, Clock.systemUTC()),
        maxBlobResumes);
  }

  /** Starts configuring a client. */
  public static RegistryClientBuilder builder() {
    return new RegistryClientBuilder();
  }

  /**
   * This client with another per-request timeout and number of attempts, sharing connections,
   * tokens and throttling: e.g. {@code withLimits(Duration.ofMillis(800), 1)} for an existence
   * check on the admission path. {@code Duration.ZERO} means no call timeout.
   */
  public RegistryClient withLimits(Duration callTimeout, int maxAttempts) {
    return new RegistryClient(
        caller.transport().withLimits(callTimeout, maxAttempts), authenticator, maxBlobResumes);
  }

  /** Whether {@code registry} answers the distribution API ({@code GET /v2/} is 200 or 401). */
  public boolean ping(String registry) throws RegistryException {
    RegistryEndpoint endpoint = endpoint(registry);
    return caller.call(endpoint, "", new Pinger(endpoint));
  }

  /**
   * {@code HEAD} of a manifest: its digest and media type if it exists, empty if it does not. Cheap
   * (not counted as a pull by Docker Hub).
   */
  public Optional<ManifestInfo> headManifest(ImageReference image) throws RegistryException {
    RegistryEndpoint endpoint = endpoint(image.registry());
    return caller.call(endpoint, image.repository(), new ManifestChecker(endpoint, image));
  }

  /**
   * The manifest's raw bytes, media type and digest; verified against the digest when {@code image}
   * has one.
   *
   * @throws NotFoundException when it does not exist
   */
  public ManifestBytes getManifest(ImageReference image) throws RegistryException {
    RegistryEndpoint endpoint = endpoint(image.registry());
    return caller.call(endpoint, image.repository(), new ManifestPuller(endpoint, image));
  }

  /**
   * Pushes {@code manifest}'s original bytes under {@code target}'s tag, or by digest when {@code
   * target} has a digest (which must be the manifest's).
   *
   * @return the manifest digest
   */
  public Digest putManifest(ImageReference target, ManifestBytes manifest)
      throws RegistryException {
    String reference = target.tag().orElse(manifest.digest().toString());
    if (target.digest().isPresent()) {
      if (!target.digest().get().equals(manifest.digest())) {
        throw new IllegalArgumentException(
            "cannot push manifest " + manifest.digest() + " as " + target);
      }
      reference = manifest.digest().toString();
    }
    return putManifest(target.repositoryName(), reference, manifest);
  }

  /** Pushes {@code manifest} by digest (child manifests of an index are pushed this way). */
  public Digest putManifest(RepositoryName repository, ManifestBytes manifest)
      throws RegistryException {
    return putManifest(repository, manifest.digest().toString(), manifest);
  }

  private Digest putManifest(RepositoryName repo, String reference, ManifestBytes manifest)
      throws RegistryException {
    RegistryEndpoint endpoint = endpoint(repo.registry());
    return caller.call(
        endpoint,
        repo.repository(),
        new ManifestPusher(endpoint, repo.repository(), reference, manifest));
  }

  /** {@code HEAD} of a blob: its size (-1 if not sent) when it exists, empty when it does not. */
  public OptionalLong headBlob(RepositoryName repo, Digest digest) throws RegistryException {
    RegistryEndpoint endpoint = endpoint(repo.registry());
    return caller.call(
        endpoint, repo.repository(), new BlobChecker(endpoint, repo.repository(), digest));
  }

  /**
   * Streams a blob. The stream verifies the digest and throws {@link
   * dev.harbormaster.oci.digest.DigestMismatchException} at its end if the content is wrong, and
   * resumes with {@code Range} after a broken connection. Close it.
   *
   * @throws NotFoundException when the blob does not exist
   */
  public InputStream getBlob(RepositoryName repo, Digest digest) throws RegistryException {
    RegistryEndpoint endpoint = endpoint(repo.registry());
    BlobStream.Opener opener =
        offset ->
            caller.call(
                endpoint,
                repo.repository(),
                new BlobPuller(endpoint, repo.repository(), digest, offset));
    BlobStream raw =
        new BlobStream(opener, opener.open(0), maxBlobResumes, "blob " + repo + "@" + digest);
    return new DigestVerifyingInputStream(raw, digest, "blob " + repo + "@" + digest);
  }

  /**
   * Downloads a blob to {@code target}, which only appears (atomically) once the whole content is
   * verified: on a digest mismatch nothing is written.
   */
  public void downloadBlob(RepositoryName repo, Digest digest, Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, ".blob-", ".partial");
    try (InputStream in = getBlob(repo, digest)) {
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Tries to mount {@code digest} from {@code from} into {@code repo} (same registry).
   *
   * @return true when mounted (201); false when the registry declined (202), in which case the
   *     opened upload is cancelled
   */
  public boolean mountBlob(RepositoryName repo, Digest digest, RepositoryName from)
      throws RegistryException {
    RegistryEndpoint endpoint = endpoint(repo.registry());
    UploadStarter.Started started = start(endpoint, repo, Optional.of(digest), Optional.of(from));
    if (started instanceof UploadStarter.Opened opened) {
      caller.call(
          endpoint, repo.repository(), new UploadCanceller(opened.session(), repo.repository()));
      return false;
    }
    return true;
  }

  /**
   * Uploads a blob in one request ({@code POST} then {@code PUT ?digest=}), first offering a mount
   * from {@code mountFrom} (same registry) when given: a 201 ends there, a 202 continues with the
   * upload in the same session.
   */
  public void pushBlob(
      RepositoryName repo, Digest digest, BlobSource source, Optional<RepositoryName> mountFrom)
      throws RegistryException {
    RegistryEndpoint endpoint = endpoint(repo.registry());
    UploadStarter.Started started = start(endpoint, repo, Optional.of(digest), mountFrom);
    if (started instanceof UploadStarter.Opened opened) {
      caller.call(
          endpoint,
          repo.repository(),
          new UploadCompleter(
              opened.session(),
              repo.repository(),
              digest,
              UploadBodies.slice(source, 0, source.size())));
    }
  }

  /** Opens the content of a blob to upload, only once an upload session is open. */
  @FunctionalInterface
  public interface BlobOpener {
    /** A stream over the whole blob (e.g. {@link RegistryClient#getBlob} of another registry). */
    InputStream open() throws IOException;
  }

  /** How {@link #pushBlob(RepositoryName, Digest, long, BlobOpener, Optional)} stored a blob. */
  public enum BlobPush {
    /** Mounted from the other repository: no bytes sent. */
    MOUNTED,
    /** Uploaded. */
    UPLOADED
  }

  /**
   * Copies a blob in: offers a mount from {@code mountFrom} (same registry only), and when the
   * registry declines (202) opens {@code content} and streams its {@code size} bytes in one {@code
   * PUT} on the same session. The stream is read once (a verifying stream from {@link #getBlob}
   * aborts the upload on a digest mismatch); not retried here: on failure call again.
   */
  public BlobPush pushBlob(
      RepositoryName repo,
      Digest digest,
      long size,
      BlobOpener content,
      Optional<RepositoryName> mountFrom)
      throws IOException {
    RegistryEndpoint endpoint = endpoint(repo.registry());
    UploadStarter.Started started = start(endpoint, repo, Optional.of(digest), mountFrom);
    if (!(started instanceof UploadStarter.Opened opened)) {
      return BlobPush.MOUNTED;
    }
    try (InputStream in = content.open()) {
      caller.call(
          endpoint,
          repo.repository(),
          new UploadCompleter(
              opened.session(), repo.repository(), digest, UploadBodies.oneShot(in, size)));
      return BlobPush.UPLOADED;
    } catch (IOException | RuntimeException e) {
      try {
        caller.call(
            endpoint, repo.repository(), new UploadCanceller(opened.session(), repo.repository()));
      } catch (RegistryException cancelFailed) {
        e.addSuppressed(cancelFailed);
      }
      throw e;
    }
  }

  /**
   * Uploads a blob in {@code PATCH} chunks of {@code chunkSize} bytes (raised to the registry's
   * {@code OCI-Chunk-Min-Length}) and a final {@code PUT}. A 416 answer makes the upload resume
   * from the offset the registry reports.
   */
  public void pushBlobChunked(RepositoryName repo, Digest digest, BlobSource source, long chunkSize)
      throws RegistryException {
    new ChunkedUpload(caller, endpoint(repo.registry()), repo.repository())
        .run(digest, source, chunkSize);
  }

  private UploadStarter.Started start(
      RegistryEndpoint endpoint,
      RepositoryName repo,
      Optional<Digest> digest,
      Optional<RepositoryName> mountFrom)
      throws RegistryException {
    Optional<String> from = mountFrom.map(RepositoryName::repository);
    if (mountFrom.isPresent() && !mountFrom.get().registry().equals(repo.registry())) {
      from = Optional.empty(); // mounts only work within one registry
    }
    return caller.call(
        endpoint,
        repo.repository(),
        new UploadStarter(endpoint, repo.repository(), from.flatMap(f -> digest), from));
  }

  /** Every tag of a repository (all pages, registry's page size), in the registry's order. */
  public List<String> listTags(RepositoryName repo) throws RegistryException {
    return listTags(repo, OptionalInt.empty());
  }

  /** Every tag, asking {@code pageSize} per page and following {@code Link} headers. */
  public List<String> listTags(RepositoryName repo, OptionalInt pageSize) throws RegistryException {
    RegistryEndpoint endpoint = endpoint(repo.registry());
    LinkedHashSet<String> tags = new LinkedHashSet<>();
    TagLister lister = TagLister.first(endpoint, repo.repository(), pageSize);
    for (int page = 0; page < 100_000; page++) {
      TagLister.Page p = caller.call(endpoint, repo.repository(), lister);
      tags.addAll(p.tags());
      if (p.next().isEmpty()) {
        return new ArrayList<>(tags);
      }
      HttpUrl next = p.next().get();
      if (!next.host().equals(endpoint.baseUrl().host())
          || next.port() != endpoint.baseUrl().port()) {
        throw new PermanentRegistryException(
            lister.describe() + ": Link points to another host: " + next, 200, List.of(), null);
      }
      lister = new TagLister(endpoint, repo.repository(), next);
    }
    throw new PermanentRegistryException(
        "GET tags " + repo + ": more than 100000 pages", 200, List.of(), null);
  }

  /**
   * The manifests that refer to {@code subject} (signatures, SBOMs), optionally of one artifact
   * type: from the referrers API, or from the {@code sha256-<hex>} tag when the registry lacks it.
   */
  public List<Descriptor> listReferrers(
      RepositoryName repo, Digest subject, Optional<String> artifactType) throws RegistryException {
    RegistryEndpoint endpoint = endpoint(repo.registry());
    Optional<List<Descriptor>> viaApi =
        caller.call(
            endpoint,
            repo.repository(),
            new ReferrersLister(endpoint, repo.repository(), subject, artifactType));
    if (viaApi.isPresent()) {
      return viaApi.get();
    }
    ImageReference fallback = repo.withTag(ReferrersLister.fallbackTag(subject));
    try {
      if (getManifest(fallback).parse() instanceof ImageIndex index) {
        return ReferrersLister.filter(index, artifactType);
      }
      return List.of();
    } catch (NotFoundException e) {
      return List.of();
    }
  }

  private RegistryEndpoint endpoint(String registry) throws RefusedByPolicyException {
    var policy = caller.transport().policy();
    String apiHost =
        registry.equals(ImageReference.DOCKER_HUB) ? ImageReference.DOCKER_HUB_API_HOST : registry;
    if (!policy.allowedRegistries().allows(registry)
        && !policy.allowedRegistries().allows(apiHost)) {
      throw new RefusedByPolicyException(
          "registry "
              + registry
              + " is not in the allowed registries "
              + policy.allowedRegistries());
    }
    return new RegistryEndpoint(registry, caller.transport().baseUrl(apiHost));
  }
}
