package org.closer.core;

/**
 * The one message grammar of Closer: "Cannot &lt;do what&gt;: &lt;value&gt; (&lt;where&gt;). &lt;What to do&gt;."
 * Every user-facing error goes through here so that clinics and researchers read the same shape.
 */
public final class Messages {
  private Messages() {}

  public static String cannot(String what, Object value, String where, String advice) {
    StringBuilder sb = new StringBuilder("Cannot ").append(what);
    if (value != null) {
      sb.append(": ").append(quote(value));
    }
    if (where != null && !where.isEmpty()) {
      sb.append(" (").append(where).append(')');
    }
    sb.append('.');
    if (advice != null && !advice.isEmpty()) {
      sb.append(' ').append(advice);
      if (!advice.endsWith(".")) {
        sb.append('.');
      }
    }
    return sb.toString();
  }

  /** "file.csv, line 12, column modality" with the parts that are known. */
  public static String where(String file, long line, String column) {
    StringBuilder sb = new StringBuilder();
    if (file != null) {
      sb.append(file);
    }
    if (line > 0) {
      sb.append(sb.length() > 0 ? ", " : "").append("line ").append(line);
    }
    if (column != null) {
      sb.append(sb.length() > 0 ? ", " : "").append("column ").append(column);
    }
    return sb.toString();
  }

  private static String quote(Object value) {
    return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
  }
}
