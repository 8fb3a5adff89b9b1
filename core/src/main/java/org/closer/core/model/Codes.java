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

  private static String squeeze(String value) {
    return value.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
  }

  static <E extends Enum<E>> String allowed(E[] values) {
    return Arrays.stream(values)
        .map(e -> e.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }
}
