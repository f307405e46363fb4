package dev.harbormaster.oci.copy;

import dev.harbormaster.oci.digest.Digest;

/**
 * What one {@link ImageCopier#copy} did.
 *
 * @param digest the digest of the top manifest now in the target (equal to the source's unless
 *     platforms were filtered)
 * @param mediaType the top manifest's media type
 * @param upToDate true when the target tag already pointed at that digest (nothing was copied)
 * @param manifestsPushed manifests written (children and top)
 * @param blobsUploaded blobs streamed from the source
 * @param blobsMounted blobs mounted from the source repository (same registry)
 * @param blobsPresent blobs the target already had
 * @param bytesUploaded bytes streamed
 */
public record CopyResult(
    Digest digest,
    String mediaType,
    boolean upToDate,
    int manifestsPushed,
    int blobsUploaded,
    int blobsMounted,
    int blobsPresent,
    long bytesUploaded) {}
