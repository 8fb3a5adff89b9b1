package org.closer.core.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** When a survey was filled in. Long surveys (intake, closing, follow-up) carry the long questionnaires. */
public enum Timepoint {
  INTAKE,
  SESSION,
  CLOSING,
  FOLLOWUP;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean isLongSurvey() {
    return this != SESSION;
  }

  public static Optional<Timepoint> parse(String value) {
    return Codes.parse(values(), value);
  }

  public static String allowed() {
    return Codes.allowed(values());
  }

  static String[] codes() {
    return Arrays.stream(values()).map(Timepoint::code).toArray(String[]::new);
  }
}
