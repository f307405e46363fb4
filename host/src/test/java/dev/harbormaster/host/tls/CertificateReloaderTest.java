package dev.harbormaster.host.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.harbormaster.testkit.pki.SecretVolume;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateReloaderTest {
  @TempDir Path dir;

  @Test
  void digest_followsContentNotInodes() {
    SecretVolume volume = SecretVolume.create(dir, payload("one"));
    List<Path> files = List.of(volume.file("tls.crt"), volume.file("tls.key"));
    String first = CertificateReloader.digest(files);

    volume.update(payload("one"));
    String sameContent = CertificateReloader.digest(files);
    volume.update(payload("two"));
    String otherContent = CertificateReloader.digest(files);

    assertThat(sameContent).isEqualTo(first);
    assertThat(otherContent).isNotEqualTo(first);
  }

  @Test
  void digest_countsAMissingFileAsAState() {
    Path missing = dir.resolve("tls.crt");

    assertThat(CertificateReloader.digest(List.of(missing)))
        .isEqualTo(CertificateReloader.digest(List.of(missing)))
        .isNotEqualTo(CertificateReloader.digest(List.of()));
  }

  @Test
  void callsBack_whenTheKubeletSwapsTheDataLink() throws Exception {
    SecretVolume volume = SecretVolume.create(dir, payload("one"));
    List<Path> files = List.of(volume.file("tls.crt"), volume.file("tls.key"));
    AtomicInteger changes = new AtomicInteger();

    try (var reloader =
        new CertificateReloader(
            files,
            CertificateReloader.digest(files),
            Duration.ofSeconds(2),
            changes::incrementAndGet)) {
      volume.update(payload("two"));

      Eventually.await("a change callback", changes::get, n -> n >= 1);
    }
  }

  @Test
  void callsBack_whenAPlainFileIsRewrittenInPlace() throws Exception {
    Path cert = Files.writeString(dir.resolve("tls.crt"), "one");
    AtomicInteger changes = new AtomicInteger();

    try (var reloader =
        new CertificateReloader(
            List.of(cert),
            CertificateReloader.digest(List.of(cert)),
            Duration.ofSeconds(2),
            changes::incrementAndGet)) {
      Files.writeString(cert, "two");

      Eventually.await("a change callback", changes::get, n -> n >= 1);
    }
  }

  @Test
  void callsBack_whenChangedBetweenTheCallersReadAndTheStart() throws Exception {
    Path cert = Files.writeString(dir.resolve("tls.crt"), "one");
    String digestTheCallerLoaded = CertificateReloader.digest(List.of(cert));
    Files.writeString(cert, "two");
    AtomicInteger changes = new AtomicInteger();

    try (var reloader =
        new CertificateReloader(
            List.of(cert),
            digestTheCallerLoaded,
            Duration.ofMillis(200),
            changes::incrementAndGet)) {
      Eventually.await("a change callback", changes::get, n -> n >= 1);
    }
  }

  @Test
  void close_stopsTheWatcherThread() {
    Path cert = dir.resolve("tls.crt");
    var reloader =
        new CertificateReloader(
            List.of(cert),
            CertificateReloader.digest(List.of(cert)),
            Duration.ofSeconds(2),
            () -> {});
    assertThat(reloader.isRunning()).isTrue();

    reloader.close();

    assertThat(reloader.isRunning()).isFalse();
  }

  private static Map<String, byte[]> payload(String version) {
    return Map.of(
        "tls.crt", ("cert " + version).getBytes(StandardCharsets.US_ASCII),
        "tls.key", ("key " + version).getBytes(StandardCharsets.US_ASCII));
  }
}
