package org.closer.core.instrument;

/**
 * A published clinical cut-off: scores on the {@code distressed} side of {@code value} count as
 * distressed.
 *
 * @param confirmed false when the value was not checked against the primary source
 */
public record Cutoff(double value, Side distressed, String source, boolean confirmed) implements java.io.Serializable {
  /** Which side of the cut-off is the clinical (distressed) range. */
  public enum Side {
    BELOW,
    ABOVE
  }

  public boolean isDistressed(double score) {
    return distressed == Side.BELOW ? score < value : score > value;
  }
}
