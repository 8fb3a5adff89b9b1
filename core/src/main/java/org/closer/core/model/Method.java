package org.closer.core.model;

import java.util.Optional;

/** The couple-therapy method. Codes are written as the template spells them (EFT, Gottman, other). */
public enum Method {
  EFT("EFT"),
  IBCT("IBCT"),
  TBCT("TBCT"),
  GOTTMAN("Gottman"),
  CBCT("CBCT"),
  OTHER("other");

  private static final Codes.Lookup<Method> CODES = new Codes.Lookup<>(values());
  private static final String ALLOWED = String.join(", ", java.util.Arrays.stream(values()).map(Method::code).toList());
  private final String code;

  Method(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<Method> parse(String value) {
    return CODES.parse(value);
  }

  public static String allowed() {
    return ALLOWED;
  }
}
