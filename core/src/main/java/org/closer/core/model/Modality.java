package org.closer.core.model;

import java.util.Locale;
import java.util.Optional;

/** How the couple met the therapist. */
public enum Modality {
  ONLINE,
  FACE_TO_FACE,
  MIXED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Modality> parse(String value) {
    return Codes.parse(values(), value);
  }

  public static String allowed() {
    return Codes.allowed(values());
  }
}
