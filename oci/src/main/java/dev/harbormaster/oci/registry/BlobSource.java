package dev.harbormaster.oci.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Content to upload that can be read again from the start (for retries and chunk resumes). */
public interface BlobSource {

  /** The size in bytes. */
  long size();

  /** A fresh stream over the whole content. */
  InputStream open() throws IOException;

  /** Content held in memory. */
  static BlobSource of(byte[] bytes) {
    byte[] copy = bytes.clone();
    return new BlobSource() {
      @Override
      public long size() {
        return copy.length;
      }

      @Override
      public InputStream open() {
        return new ByteArrayInputStream(copy);
      }
    };
  }

  /** The content of a file. */
  static BlobSource of(Path file) throws IOException {
    long size = Files.size(file);
    return new BlobSource() {
      @Override
      public long size() {
        return size;
      }

      @Override
      public InputStream open() throws IOException {
        return Files.newInputStream(file);
      }
    };
  }
}
