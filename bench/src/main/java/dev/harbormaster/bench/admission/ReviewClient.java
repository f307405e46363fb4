package dev.harbormaster.bench.admission;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * POSTs an AdmissionReview file to a {@code /mutate} URL over TLS (trusting the benchmark's test
 * CA) and returns the answer, for the checks made before and after measuring.
 *
 * @param client an HTTP client whose SSL context trusts the servers' certificate
 */
record ReviewClient(HttpClient client) {

  /**
   * The answer's bytes.
   *
   * @throws IllegalStateException naming the URL, status and body unless the status is 200
   */
  byte[] post(URI url, Path body) throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        client.send(
            HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofFile(body))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          url
              + " answered "
              + response.statusCode()
              + ": "
              + new String(response.body(), StandardCharsets.UTF_8));
    }
    return response.body();
  }
}
