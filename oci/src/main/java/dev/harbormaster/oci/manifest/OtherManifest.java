package dev.harbormaster.oci.manifest;

/**
 * A manifest of a media type this client does not interpret; its bytes can still be copied.
 *
 * @param mediaType the media type as received
 */
public record OtherManifest(String mediaType) implements Manifest {}
