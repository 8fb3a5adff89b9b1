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

  private static final Codes.Lookup<Timepoint> CODES = new Codes.Lookup<>(values());
  private final String code = name().toLowerCase(Locale.ROOT);

  public String code() {
    return code;
  }

  public boolean isLongSurvey() {
    return this != SESSION;
  }

  public static Optional<Timepoint> parse(String value) {
    return CODES.parse(value);
  }

  public static String allowed() {
    return CODES.allowed();
  }

  static String[] codes() {
    return Arrays.stream(values()).map(Timepoint::code).toArray(String[]::new);
  }
}
