package org.closer.core.model;

import java.util.Optional;

/** The two partners of a couple; stable within a couple across surveys. */
public enum Partner {
  A,
  B;

  private static final Codes.Lookup<Partner> CODES = new Codes.Lookup<>(values());

  public static Optional<Partner> parse(String value) {
    return CODES.parse(value);
  }
}
