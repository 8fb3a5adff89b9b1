package org.closer.core.ingest;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * How a CSV file is written, told from its first bytes: the character set (UTF-16 after its
 * byte-order mark, which Excel's "Unicode Text" saves; UTF-8, with or without a byte-order mark;
 * else Windows-1252, which Excel on a Western European PC saves) and the separator: the one a first
 * line {@code sep=;} names (Excel's hint, which some tools write above the header), else comma,
 * semicolon (where the decimal mark is a comma) or tab, counted outside quotes on the header line.
 */
public record CsvDialect(String charset, char delimiter) implements Serializable {
  public static final CsvDialect TEMPLATE = new CsvDialect("UTF-8", ',');
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  public Charset charsetValue() {
    return Charset.forName(charset);
  }

  /**
   * @param head the file's first bytes (a few kilobytes are enough)
   */
  public static CsvDialect detect(byte[] head) {
    String charset = utf16(head);
    if (charset == null) {
      charset = isUtf8(head) ? "UTF-8" : WINDOWS_1252.name();
    }
    String text = withoutBom(new String(head, Charset.forName(charset)));
    int end = text.indexOf('\n');
    String first = end < 0 ? text : text.substring(0, end);
    char hinted = separatorHint(first);
    return new CsvDialect(charset, hinted != 0 ? hinted : separator(first));
  }

  /**
   * The separator a line {@code sep=X} names, else 0. Excel takes such a first line as the file's
   * separator and does not show it; so does Closer, which then reads the header from the next line.
   */
  public static char separatorHint(String line) {
    String t = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    if (t.length() == 7 && t.charAt(0) == '"' && t.charAt(6) == '"') {
      t = t.substring(1, 6); // "sep=," quoted, as some tools write it
    }
    return t.length() == 5 && t.regionMatches(true, 0, "sep=", 0, 4) ? t.charAt(4) : 0;
  }

  /**
   * Whether every line ends in a newline byte that is no part of a character, so that a file can be
   * cut into lines by bytes: not so in UTF-16, where each character takes two bytes.
   */
  public boolean newlineBytes() {
    return !charset.startsWith("UTF-16");
  }

  /** Decodes one line of the file, dropping a byte-order mark. */
  public String decode(byte[] bytes, int length) {
    return withoutBom(new String(bytes, 0, length, charsetValue()));
  }

  private static String withoutBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  public String describe() {
    String sep = delimiter == ',' ? "comma" : delimiter == ';' ? "semicolon" : delimiter == '\t' ? "tab"
        : "'" + delimiter + "'";
    return charset + ", " + sep + "-separated";
  }

  /** UTF-16LE or UTF-16BE after its byte-order mark, else null. */
  private static String utf16(byte[] head) {
    if (head.length < 2) {
      return null;
    }
    int first = head[0] & 0xFF;
    int second = head[1] & 0xFF;
    return first == 0xFF && second == 0xFE ? "UTF-16LE" : first == 0xFE && second == 0xFF ? "UTF-16BE" : null;
  }

  private static boolean isUtf8(byte[] head) {
    // A multi-byte character may be cut at the end of the sample: ignore an incomplete tail.
    int length = head.length;
    for (int back = 1; back <= 3 && length - back >= 0; back++) {
      int b = head[length - back] & 0xFF;
      if (b >= 0xC0) {
        length -= back;
        break;
      }
      if (b < 0x80) {
        break;
      }
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, length));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static char separator(String header) {
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        commas += c == ',' ? 1 : 0;
        semicolons += c == ';' ? 1 : 0;
        tabs += c == '\t' ? 1 : 0;
      }
    }
    if (tabs > commas && tabs > semicolons) {
      return '\t';
    }
    return semicolons > commas ? ';' : ',';
  }
}
