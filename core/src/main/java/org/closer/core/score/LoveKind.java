package org.closer.core.score;

import java.util.Locale;

/**
 * Sternberg's eight kinds of love, from which of intimacy, passion and commitment are high
 * (Sternberg 1988, The Triangle of Love).
 */
public enum LoveKind {
  NON_LOVE,
  LIKING,
  INFATUATION,
  EMPTY_LOVE,
  ROMANTIC,
  COMPANIONATE,
  FATUOUS,
  CONSUMMATE;

  public static LoveKind of(boolean intimacy, boolean passion, boolean commitment) {
    int bits = (intimacy ? 1 : 0) | (passion ? 2 : 0) | (commitment ? 4 : 0);
    return switch (bits) {
      case 0 -> NON_LOVE;
      case 1 -> LIKING;
      case 2 -> INFATUATION;
      case 4 -> EMPTY_LOVE;
      case 3 -> ROMANTIC;
      case 5 -> COMPANIONATE;
      case 6 -> FATUOUS;
      default -> CONSUMMATE;
    };
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
