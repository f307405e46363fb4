package dev.harbormaster.oci.registry;

import dev.harbormaster.oci.digest.DigestMismatchException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The raw bytes of a blob download that survives broken connections: when a read fails, the
 * download is reopened from the current position with {@code Range} (a registry that answers 200
 * instead of 206 is read from the start and the known prefix skipped), at most {@code maxResumes}
 * times. Digest verification is layered on top by the client.
 */
final class BlobStream extends InputStream {
  /** Opens the blob at an offset; the response is 200 (whole blob) or 206 (from offset). */
  @FunctionalInterface
  interface Opener {
    Response open(long offset) throws RegistryException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(BlobStream.class);

  private final Opener opener;
  private final int maxResumes;
  private final String what;
  private Response response;
  private InputStream in;
  private long position;
  private int resumes;

  BlobStream(Opener opener, Response first, int maxResumes, String what) {
    this.opener = opener;
    this.response = first;
    this.in = first.body().byteStream();
    this.maxResumes = maxResumes;
    this.what = what;
  }

  /** The declared length of the first answer, or -1. */
  long contentLength() {
    return response.body().contentLength();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    while (true) {
      try {
        int n = in.read(b, off, len);
        if (n > 0) {
          position += n;
        }
        return n;
      } catch (DigestMismatchException e) {
        throw e;
      } catch (IOException e) {
        if (resumes >= maxResumes) {
          throw new TransientRegistryException(
              what + ": connection lost at byte " + position + " after " + resumes + " resumes",
              0,
              List.of(),
              e);
        }
        resumes++;
        LOG.debug("{}: {} at byte {}, resuming", what, e.toString(), position);
        reopen();
      }
    }
  }

  private void reopen() throws IOException {
    response.close();
    response = opener.open(position);
    in = response.body().byteStream();
    if (response.code() == 200 && position > 0) {
      in.skipNBytes(position);
    }
  }

  @Override
  public void close() {
    response.close();
  }
}
