package org.closer.core.ingest;

import java.io.Serializable;
import org.closer.core.Messages;

/**
 * One thing wrong with one row.
 *
 * @param column the template column or item, or null for the whole row
 * @param value the offending value as written, or null when it must not be shown (identifiers)
 * @param message the full sentence in the project's grammar, naming file, line and column
 */
public record Problem(Reason reason, String column, String value, String message) implements Serializable {
  private static final int MAX_VALUE_CHARS = 60;

  static Problem of(Reason reason, String file, long line, String column, String value, String what,
      String advice) {
    String shown = value == null ? null : shorten(value);
    return new Problem(reason, column, shown,
        Messages.cannot(what, shown, Messages.where(file, line, column), advice));
  }

  private static String shorten(String value) {
    return value.length() <= MAX_VALUE_CHARS ? value : value.substring(0, MAX_VALUE_CHARS) + "...";
  }
}
