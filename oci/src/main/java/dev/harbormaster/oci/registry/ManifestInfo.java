package dev.harbormaster.oci.registry;

import dev.harbormaster.oci.digest.Digest;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a manifest {@code HEAD} tells: the digest (from {@code Docker-Content-Digest}, or the digest
 * asked for), media type and size, as far as the registry sent them.
 *
 * @param digest the manifest digest, if known
 * @param mediaType the media type, if sent
 * @param size the size in bytes, if sent
 */
public record ManifestInfo(
    Optional<Digest> digest, Optional<String> mediaType, OptionalLong size) {}
