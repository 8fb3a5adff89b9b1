package org.closer.core.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Shared parsing for the template's categorical columns: case-insensitive, '-' and ' ' read as '_'. */
final class Codes {
  private Codes() {}

  static <E extends Enum<E>> Optional<E> parse(E[] values, String value) {
    if (value == null) {
      return Optional.empty();
    }
    String normal = value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (E e : values) {
      if (e.name().equals(normal)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  static <E extends Enum<E>> String allowed(E[] values) {
    return Arrays.stream(values)
        .map(e -> e.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }
}
