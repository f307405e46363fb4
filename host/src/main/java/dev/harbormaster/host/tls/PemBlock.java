package dev.harbormaster.host.tls;

import java.util.Map;

/**
 * One PEM block: {@code -----BEGIN label-----}, optional RFC 1421 headers (only legacy OpenSSL
 * encrypted keys have them), the base64-decoded DER.
 *
 * @param label the type label, e.g. {@code CERTIFICATE} or {@code RSA PRIVATE KEY}
 * @param headers RFC 1421 headers such as {@code Proc-Type}; usually empty
 * @param der the decoded content
 * @param line the 1-based line of the BEGIN line, for error messages
 */
record PemBlock(String label, Map<String, String> headers, byte[] der, int line) {
  PemBlock {
    headers = Map.copyOf(headers);
  }

  /** True when legacy OpenSSL encryption headers ({@code Proc-Type: 4,ENCRYPTED}) are present. */
  boolean isLegacyEncrypted() {
    return headers.getOrDefault("Proc-Type", "").contains("ENCRYPTED")
        || headers.containsKey("DEK-Info");
  }
}
