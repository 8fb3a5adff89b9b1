package org.closer.core.instrument;

/**
 * One questionnaire item as it appears in an export: column {@code id} (for example {@code csi16_2}),
 * answers from {@code min} to {@code max} with {@code decimals} decimal places.
 *
 * @param number the item's number in the published order, 1-based
 * @param reverse whether the score is {@code min + max - answer}
 */
public record Item(String id, int number, double min, double max, int decimals, boolean reverse) implements java.io.Serializable {

  public boolean inRange(double answer) {
    return answer >= min && answer <= max && hasAllowedPrecision(answer);
  }

  public double scored(double answer) {
    return reverse ? min + max - answer : answer;
  }

  /** "a whole number from 0 to 5" or "a number from 0 to 10 with at most 1 decimal". */
  public String expected() {
    String range = "from " + format(min) + " to " + format(max);
    return decimals == 0
        ? "a whole number " + range
        : "a number " + range + " with at most " + decimals + " decimal" + (decimals > 1 ? "s" : "");
  }

  private boolean hasAllowedPrecision(double answer) {
    double scaled = answer * Math.pow(10, decimals);
    return Math.abs(scaled - Math.rint(scaled)) < 1e-9;
  }

  private static String format(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
