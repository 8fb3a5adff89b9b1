package org.closer.core.model;

import java.util.Optional;

/** The two partners of a couple; stable within a couple across surveys. */
public enum Partner {
  A,
  B;

  public static Optional<Partner> parse(String value) {
    return Codes.parse(values(), value);
  }
}
