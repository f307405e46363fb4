/**
 * The registry client. {@link dev.harbormaster.oci.registry.RegistryClient} is the facade; each
 * distribution API call is one small class ({@code ManifestChecker}, {@code BlobPuller}, {@code
 * UploadStarter}...) run by {@code RegistryCaller}, which adds auth and maps statuses to the sealed
 * {@link dev.harbormaster.oci.registry.RegistryException} family.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md">OCI
 *     distribution spec</a>
 */
package dev.harbormaster.oci.registry;
