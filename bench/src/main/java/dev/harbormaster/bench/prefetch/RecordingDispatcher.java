package dev.harbormaster.bench.prefetch;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.concurrent.atomic.AtomicLong;

/**
 * fabric8's CRUD dispatcher that also logs every status write it receives: each reporter write
 * starts with exactly one server-side-apply {@code PATCH} of {@code
 * .../prefetchnodestatuses/<node>} (the mock then answers 404/415 and the client falls back to
 * create or update, counted as {@link #fallbackRequests()}).
 */
final class RecordingDispatcher extends KubernetesCrudDispatcher {
  private static final String RESOURCE = "/prefetchnodestatuses/";

  private final WriteLog log;
  private volatile long startNanos;
  private volatile boolean recording;
  private final AtomicLong fallbacks = new AtomicLong();

  RecordingDispatcher(WriteLog log) {
    this.log = log;
  }

  /** Starts logging writes, with times relative to now; returns now in nanoseconds. */
  long startRecording() {
    startNanos = System.nanoTime();
    recording = true;
    return startNanos;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String path = request.getPath();
    int query = path.indexOf('?');
    String bare = query < 0 ? path : path.substring(0, query);
    int at = bare.indexOf(RESOURCE);
    if (!recording) {
      return super.dispatch(request);
    }
    if ("PATCH".equals(request.getMethod()) && at >= 0) {
      long millis = (System.nanoTime() - startNanos) / 1_000_000;
      log.record(bare.substring(at + RESOURCE.length()), millis);
    } else if (!"GET".equals(request.getMethod()) && bare.contains("/prefetchnodestatuses")) {
      fallbacks.incrementAndGet();
    }
    return super.dispatch(request);
  }

  /** Create/update requests that followed a refused apply. */
  long fallbackRequests() {
    return fallbacks.get();
  }
}
