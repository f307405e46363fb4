package dev.harbormaster.host.tls;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Just enough DER (<a href="https://www.itu.int/rec/T-REC-X.690">ITU-T X.690</a>) to read and write
 * the private-key structures of PKCS#1, PKCS#8 and SEC1 without a crypto library: definite lengths,
 * single-byte tags.
 */
final class Der {
  static final int INTEGER = 0x02;
  static final int OCTET_STRING = 0x04;
  static final int NULL = 0x05;
  static final int OBJECT_IDENTIFIER = 0x06;
  static final int SEQUENCE = 0x30;

  private Der() {}

  /** One DER element: its tag, its whole encoding and its content. */
  record Element(int tag, byte[] encoded, byte[] content) {
    /** The elements inside a constructed element (SEQUENCE, [n] EXPLICIT). */
    List<Element> children() {
      return readAll(content);
    }

    /** True for the context-specific constructed tag {@code [number]}. */
    boolean isContextSpecific(int number) {
      return tag == (0xA0 | number);
    }
  }

  /** Reads exactly one element spanning all of {@code der}. */
  static Element read(byte[] der) {
    List<Element> elements = readAll(der);
    if (elements.size() != 1) {
      throw new IllegalArgumentException(
          "expected one DER element, found " + elements.size() + " at the top level");
    }
    return elements.getFirst();
  }

  /** Reads consecutive elements filling all of {@code bytes}. */
  static List<Element> readAll(byte[] bytes) {
    List<Element> elements = new ArrayList<>();
    int offset = 0;
    while (offset < bytes.length) {
      int start = offset;
      int tag = bytes[offset++] & 0xFF;
      if ((tag & 0x1F) == 0x1F) {
        throw new IllegalArgumentException("multi-byte DER tags are not supported");
      }
      if (offset >= bytes.length) {
        throw new IllegalArgumentException("DER element truncated after its tag");
      }
      int first = bytes[offset++] & 0xFF;
      int length;
      if (first < 0x80) {
        length = first;
      } else {
        int count = first & 0x7F;
        if (count == 0 || count > 3 || offset + count > bytes.length) {
          throw new IllegalArgumentException("unsupported or truncated DER length");
        }
        length = 0;
        for (int i = 0; i < count; i++) {
          length = (length << 8) | (bytes[offset++] & 0xFF);
        }
      }
      if (length > bytes.length - offset) {
        throw new IllegalArgumentException("DER element longer than its input (truncated?)");
      }
      int end = offset + length;
      elements.add(
          new Element(
              tag, Arrays.copyOfRange(bytes, start, end), Arrays.copyOfRange(bytes, offset, end)));
      offset = end;
    }
    return elements;
  }

  /** Encodes {@code tag} with the concatenation of {@code parts} as content. */
  static byte[] encode(int tag, byte[]... parts) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      content.writeBytes(part);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.size();
    if (length < 0x80) {
      out.write(length);
    } else if (length < 0x100) {
      out.write(0x81);
      out.write(length);
    } else if (length < 0x10000) {
      out.write(0x82);
      out.write(length >> 8);
      out.write(length);
    } else {
      out.write(0x83);
      out.write(length >> 16);
      out.write(length >> 8);
      out.write(length);
    }
    out.writeBytes(content.toByteArray());
    return out.toByteArray();
  }

  /** The dotted form of an OBJECT IDENTIFIER's content, e.g. {@code 1.2.840.10045.2.1}. */
  static String objectIdentifier(byte[] content) {
    if (content.length == 0) {
      throw new IllegalArgumentException("empty OBJECT IDENTIFIER");
    }
    StringBuilder dotted = new StringBuilder();
    long value = 0;
    boolean first = true;
    for (byte b : content) {
      value = (value << 7) | (b & 0x7F);
      if ((b & 0x80) == 0) {
        if (first) {
          int arc = (int) Math.min(value / 40, 2);
          dotted.append(arc).append('.').append(value - 40L * arc);
          first = false;
        } else {
          dotted.append('.').append(value);
        }
        value = 0;
      }
    }
    return dotted.toString();
  }
}
