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

  private final String code;

  Method(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<Method> parse(String value) {
    return Codes.parse(values(), value);
  }

  public static String allowed() {
    StringBuilder sb = new StringBuilder();
    for (Method m : values()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(m.code);
    }
    return sb.toString();
  }
}
