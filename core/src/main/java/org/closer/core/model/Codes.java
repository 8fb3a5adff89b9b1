package org.closer.core.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Shared parsing for the template's categorical columns: case, spaces, '-' and '_' do not matter
 * ("Face-to-face", "face_to_face" and "FACE TO FACE" are one value; so are "follow-up" and "followup").
 */
final class Codes {
  private Codes() {}

  static <E extends Enum<E>> Optional<E> parse(E[] values, String value) {
    if (value == null) {
      return Optional.empty();
    }
    String normal = squeeze(value);
    for (E e : values) {
      if (squeeze(e.name()).equals(normal)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** Trimmed, upper case, without whitespace, '_' or '-' (a loop: this runs for every field of every row). */
  static String squeeze(String value) {
    String upper = value.trim().toUpperCase(Locale.ROOT);
    StringBuilder out = null;
    for (int i = 0; i < upper.length(); i++) {
      char c = upper.charAt(i);
      boolean dropped = c == '_' || c == '-' || c == ' ' || (c >= '\t' && c <= '\r');
      if (dropped && out == null) {
        out = new StringBuilder(upper.length()).append(upper, 0, i);
      } else if (!dropped && out != null) {
        out.append(c);
      }
    }
    return out == null ? upper : out.toString();
  }

  static <E extends Enum<E>> String allowed(E[] values) {
    return Arrays.stream(values)
        .map(e -> e.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }
}
