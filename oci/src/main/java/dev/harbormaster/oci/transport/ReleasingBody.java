package dev.harbormaster.oci.transport;

import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/** A response body that runs an action once when it is closed (releases a concurrency permit). */
final class ReleasingBody extends ResponseBody {
  private final ResponseBody delegate;
  private final BufferedSource source;

  private ReleasingBody(ResponseBody delegate, Runnable onClose) {
    this.delegate = delegate;
    AtomicBoolean done = new AtomicBoolean();
    this.source =
        Okio.buffer(
            new ForwardingSource(delegate.source()) {
              @Override
              public void close() throws java.io.IOException {
                try {
                  super.close();
                } finally {
                  if (done.compareAndSet(false, true)) {
                    onClose.run();
                  }
                }
              }
            });
  }

  static Response wrap(Response response, Runnable onClose) {
    return response.newBuilder().body(new ReleasingBody(response.body(), onClose)).build();
  }

  @Override
  public MediaType contentType() {
    return delegate.contentType();
  }

  @Override
  public long contentLength() {
    return delegate.contentLength();
  }

  @Override
  public BufferedSource source() {
    return source;
  }
}
