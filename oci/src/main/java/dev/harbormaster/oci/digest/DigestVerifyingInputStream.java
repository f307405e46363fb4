package dev.harbormaster.oci.digest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Hashes what passes through and, at end of stream, throws {@link DigestMismatchException} unless
 * the bytes match the expected digest. A consumer that writes to a temporary file and only commits
 * it after reading EOF therefore never keeps corrupt content.
 *
 * <p>Can be started with a digest state that already covers a prefix of the content (see {@link
 * #resumed}), which is how a resumed {@code Range} download keeps verifying the whole blob.
 */
public final class DigestVerifyingInputStream extends FilterInputStream {
  private final Digest expected;
  private final MessageDigest hasher;
  private final String what;
  private long count;
  private boolean verified;

  /**
   * @param in the content
   * @param expected the digest the whole content must have
   * @param what a description for the error message
   */
  public DigestVerifyingInputStream(InputStream in, Digest expected, String what) {
    this(in, expected, expected.algorithm().newMessageDigest(), 0, what);
  }

  private DigestVerifyingInputStream(
      InputStream in, Digest expected, MessageDigest hasher, long alreadyRead, String what) {
    super(in);
    this.expected = expected;
    this.hasher = hasher;
    this.count = alreadyRead;
    this.what = what;
  }

  /**
   * A stream that continues the verification of {@code previous} over {@code rest}, the remainder
   * of the content after the {@link #bytesRead()} bytes {@code previous} has already consumed.
   */
  public static DigestVerifyingInputStream resumed(
      DigestVerifyingInputStream previous, InputStream rest) {
    return new DigestVerifyingInputStream(
        rest, previous.expected, previous.hasher, previous.count, previous.what);
  }

  /** Bytes consumed so far (including those of a stream this one resumed). */
  public long bytesRead() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b < 0) {
      verify();
    } else {
      hasher.update((byte) b);
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = in.read(buf, off, len);
    if (n < 0) {
      verify();
    } else if (n > 0) {
      hasher.update(buf, off, n);
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipping would leave bytes unhashed: read them instead.
    byte[] buf = new byte[(int) Math.min(8192, Math.max(n, 0))];
    long skipped = 0;
    while (skipped < n) {
      int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void mark(int readlimit) {
    // not supported: re-reading would hash twice
  }

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported");
  }

  private void verify() throws DigestMismatchException {
    if (verified) {
      return;
    }
    Digest actual = Digest.fromRaw(expected.algorithm(), hasher.digest());
    verified = true;
    if (!actual.equals(expected)) {
      throw new DigestMismatchException(what, expected, actual);
    }
  }
}
