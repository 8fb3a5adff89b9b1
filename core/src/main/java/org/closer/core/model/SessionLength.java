package org.closer.core.model;

import java.util.Optional;

/** Planned session length in minutes. */
public enum SessionLength {
  MIN_45(45),
  MIN_60(60),
  MIN_90(90);

  private final int minutes;
  private final String text;
  private final String decimal;

  SessionLength(int minutes) {
    this.minutes = minutes;
    this.text = Integer.toString(minutes);
    this.decimal = text + ".0";
  }

  public int minutes() {
    return minutes;
  }

  public static Optional<SessionLength> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.trim();
    for (SessionLength s : values()) {
      if (v.equals(s.text) || v.equals(s.decimal)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  public static String allowed() {
    return "45, 60, 90";
  }
}
