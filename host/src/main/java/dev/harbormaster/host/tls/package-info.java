/**
 * TLS for the admission server from the PEM files cert-manager writes into a {@code
 * kubernetes.io/tls} Secret, reloaded in place when the kubelet swaps the mounted files.
 *
 * <p>Entry point: {@link dev.harbormaster.host.tls.TlsServerContext}. File formats read with the
 * JDK alone: certificate chains (<a href="https://www.rfc-editor.org/rfc/rfc7468">RFC 7468</a> PEM,
 * leaf first), private keys as PKCS#8 (<a href="https://www.rfc-editor.org/rfc/rfc5208">RFC
 * 5208</a>), PKCS#1 RSA (<a href="https://www.rfc-editor.org/rfc/rfc8017">RFC 8017</a>) or SEC1 EC
 * (<a href="https://www.rfc-editor.org/rfc/rfc5915">RFC 5915</a>).
 */
package dev.harbormaster.host.tls;
