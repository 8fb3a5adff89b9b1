package org.closer.core.stats;

import org.closer.core.instrument.Cutoff;

/**
 * Jacobson and Truax (1991): SE = SD_intake sqrt(1 - r_xx), S_diff = sqrt(2) SE,
 * RCI = (closing - intake) / S_diff, reliable when |RCI| > 1.96; recovered when reliably improved
 * and moved from the clinical to the functional side of the cut-off. Higher scores are better on
 * every built-in instrument (their distressed side is below the cut-off); an instrument whose
 * distressed side is above has its improvement read downwards.
 */
public final class ReliableChange implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  public static final double CRITICAL = 1.96;

  /** Jacobson-Truax categories. */
  public enum Category {
    RECOVERED,
    IMPROVED,
    UNCHANGED,
    DETERIORATED;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final double sDiff;
  private final Cutoff cutoff;
  private final boolean higherIsBetter;

  /**
   * @param cutoff the clinical cut-off, or null when there is none (then nobody counts as recovered)
   */
  public ReliableChange(double intakeSd, double reliability, Cutoff cutoff) {
    this.sDiff = Math.sqrt(2) * intakeSd * Math.sqrt(1 - reliability);
    this.cutoff = cutoff;
    this.higherIsBetter = cutoff == null || cutoff.distressed() == Cutoff.Side.BELOW;
  }

  public double sDiff() {
    return sDiff;
  }

  public double index(double intake, double closing) {
    return (closing - intake) / sDiff;
  }

  public Category category(double intake, double closing) {
    double rci = index(intake, closing);
    double better = higherIsBetter ? rci : -rci;
    if (Double.isNaN(better)) {
      return null;
    }
    if (better > CRITICAL) {
      boolean crossed = cutoff != null && cutoff.isDistressed(intake) && !cutoff.isDistressed(closing);
      return crossed ? Category.RECOVERED : Category.IMPROVED;
    }
    return better < -CRITICAL ? Category.DETERIORATED : Category.UNCHANGED;
  }

  /**
   * Jacobson-Truax cut-off from norms: c = (SD_clin M_healthy + SD_healthy M_clin) / (SD_clin + SD_healthy)
   * when both are known, otherwise a = M_clin + 2 SD_clin toward health.
   */
  public static double normCutoff(double clinicalMean, double clinicalSd, Double healthyMean, Double healthySd) {
    if (healthyMean != null && healthySd != null) {
      return (clinicalSd * healthyMean + healthySd * clinicalMean) / (clinicalSd + healthySd);
    }
    return clinicalMean + 2 * clinicalSd;
  }
}
