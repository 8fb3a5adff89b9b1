package org.closer.core.model;

import java.util.Locale;
import java.util.Optional;

/** How the couple met the therapist. */
public enum Modality {
  ONLINE,
  FACE_TO_FACE,
  MIXED;

  private static final Codes.Lookup<Modality> CODES = new Codes.Lookup<>(values());
  private final String code = name().toLowerCase(Locale.ROOT);

  public String code() {
    return code;
  }

  public static Optional<Modality> parse(String value) {
    return CODES.parse(value);
  }

  public static String allowed() {
    return CODES.allowed();
  }
}
