package org.closer.core.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Shared parsing for the template's categorical columns: case, spaces, '-' and '_' do not matter
 * ("Face-to-face", "face_to_face" and "FACE TO FACE" are one value; so are "follow-up" and "followup").
 */
final class Codes {
  private Codes() {}

  /** An enum's values by their squeezed names: built once, so a field is squeezed and looked up, not compared with every name. */
  static final class Lookup<E extends Enum<E>> {
    private static final int SPELLINGS = 256;
    private final Map<String, E> byName = new HashMap<>();
    /** Spellings met before, as given: a study spells each value a few ways, in every row. Shared by tasks. */
    private final Map<String, E> spelled = new java.util.concurrent.ConcurrentHashMap<>();
    private final String allowed;

    Lookup(E[] values) {
      for (E e : values) {
        byName.put(squeeze(e.name()), e);
      }
      allowed = Arrays.stream(values).map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    Optional<E> parse(String value) {
      if (value == null) {
        return Optional.empty();
      }
      E known = spelled.get(value);
      if (known != null) {
        return Optional.of(known);
      }
      E e = byName.get(squeeze(value));
      if (e != null && spelled.size() < SPELLINGS) {
        spelled.put(value, e);
      }
      return Optional.ofNullable(e);
    }

    /** The values in lower case, for a message. */
    String allowed() {
      return allowed;
    }
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
}
