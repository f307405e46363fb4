/** Content digests (sha256, sha512) and a stream that verifies one while reading. */
package dev.harbormaster.oci.digest;
