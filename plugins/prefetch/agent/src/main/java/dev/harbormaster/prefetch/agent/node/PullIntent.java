package dev.harbormaster.prefetch.agent.node;

import dev.harbormaster.oci.auth.Keyring;

/**
 * One image this node should have.
 *
 * @param image the normalised reference
 * @param keyring the credentials of the intents' pull secrets
 * @param runtimeHandler the CRI runtime handler, empty for the default
 * @param fingerprint changes whenever the intent's spec or one of its secrets changes; a new
 *     fingerprint clears an {@code Error} and restarts the attempts
 */
public record PullIntent(
    String image, Keyring keyring, String runtimeHandler, String fingerprint) {}
