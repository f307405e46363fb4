package dev.harbormaster.oci.registry;

import dev.harbormaster.oci.digest.Digest;
import java.util.List;
import java.util.Optional;
import okhttp3.RequestBody;

/**
 * A chunked blob upload: {@code POST}, then {@code PATCH} chunks with inclusive {@code
 * Content-Range} of at least {@code OCI-Chunk-Min-Length} bytes (the last may be shorter), then
 * {@code PUT ?digest=}. On 416 the registry's {@code Range} is read and the upload resumes there.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pushing-a-blob-in-chunks">chunked
 *     push</a>
 */
final class ChunkedUpload {
  private static final int MAX_RESYNCS = 3;

  private final RegistryCaller caller;
  private final RegistryEndpoint endpoint;
  private final String repository;

  ChunkedUpload(RegistryCaller caller, RegistryEndpoint endpoint, String repository) {
    this.caller = caller;
    this.endpoint = endpoint;
    this.repository = repository;
  }

  void run(Digest digest, BlobSource source, long chunkSize) throws RegistryException {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunk size must be positive, got " + chunkSize);
    }
    var started =
        caller.call(
            endpoint,
            repository,
            new UploadStarter(endpoint, repository, Optional.empty(), Optional.empty()));
    UploadSession session = ((UploadStarter.Opened) started).session();
    long size = source.size();
    long offset = 0;
    int resyncs = 0;
    while (offset < size) {
      long chunk = Math.max(chunkSize, session.minChunkLength().orElse(1));
      long length = Math.min(chunk, size - offset);
      RequestBody body = UploadBodies.slice(source, offset, length);
      Optional<UploadSession> next =
          caller.call(endpoint, repository, new ChunkUploader(session, repository, offset, body));
      if (next.isPresent()) {
        session = next.get();
        offset += length;
        continue;
      }
      if (++resyncs > MAX_RESYNCS) {
        throw new PermanentRegistryException(
            "chunked upload of "
                + digest
                + " to "
                + endpoint.registry()
                + "/"
                + repository
                + ": still out of sync after "
                + MAX_RESYNCS
                + " range resyncs",
            416,
            List.of(),
            null);
      }
      UploadStatusChecker.Status status =
          caller.call(endpoint, repository, new UploadStatusChecker(session, repository));
      session = status.session();
      offset = status.nextOffset();
    }
    caller.call(
        endpoint,
        repository,
        new UploadCompleter(session, repository, digest, RequestBody.create(new byte[0], null)));
  }
}
