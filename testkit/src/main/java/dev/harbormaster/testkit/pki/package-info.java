/**
 * A test PKI: a CA issuing server and client certificates ({@link
 * dev.harbormaster.testkit.pki.TestCertificateAuthority}, {@link
 * dev.harbormaster.testkit.pki.TestPki}), PEM files in every layout cert-manager writes ({@link
 * dev.harbormaster.testkit.pki.Pem}, {@link dev.harbormaster.testkit.pki.TlsFiles}), a directory
 * that behaves like a mounted Secret volume ({@link dev.harbormaster.testkit.pki.SecretVolume}) and
 * SSLContexts for test clients ({@link dev.harbormaster.testkit.pki.ClientSslContexts}).
 */
package dev.harbormaster.testkit.pki;
