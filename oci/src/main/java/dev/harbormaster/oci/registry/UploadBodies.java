package dev.harbormaster.oci.registry;

import java.io.IOException;
import java.io.InputStream;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/** Request bodies for blob uploads. */
final class UploadBodies {
  static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");

  private UploadBodies() {}

  /** {@code length} bytes of {@code source} from {@code offset}; replayable. */
  static RequestBody slice(BlobSource source, long offset, long length) {
    return new RequestBody() {
      @Override
      public MediaType contentType() {
        return OCTET_STREAM;
      }

      @Override
      public long contentLength() {
        return length;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        try (InputStream in = source.open()) {
          in.skipNBytes(offset);
          copy(in, sink, length);
        }
      }
    };
  }

  /**
   * All {@code length} bytes read once from {@code in} (a verifying stream from another registry).
   * After the last byte the stream is read to its end, so a digest mismatch aborts the upload
   * before the registry sees a complete body.
   */
  static RequestBody oneShot(InputStream in, long length) {
    return new RequestBody() {
      @Override
      public MediaType contentType() {
        return OCTET_STREAM;
      }

      @Override
      public long contentLength() {
        return length;
      }

      @Override
      public boolean isOneShot() {
        return true;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        copy(in, sink, length);
        if (in.read() != -1) {
          throw new IOException("blob source is longer than its declared " + length + " bytes");
        }
      }
    };
  }

  private static void copy(InputStream in, BufferedSink sink, long length) throws IOException {
    byte[] buffer = new byte[65536];
    long remaining = length;
    while (remaining > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
      if (n < 0) {
        throw new IOException("blob source ended " + remaining + " bytes early");
      }
      sink.write(buffer, 0, n);
      remaining -= n;
    }
  }
}
