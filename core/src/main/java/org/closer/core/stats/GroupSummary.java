package org.closer.core.stats;

import java.io.Serializable;

/**
 * What a comparison needs of one group on one outcome, accumulated row by row and merged across
 * partitions: the outcome's moments, the (intake, closing) comoments for the ANCOVA, and how many
 * of those with a reliable-change category recovered or improved.
 */
public final class GroupSummary implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Moments value = Moments.create();
  private final Comoments intakeClosing = Comoments.create(2);
  private long successes;
  private long classified;

  public static GroupSummary create() {
    return new GroupSummary();
  }

  /**
   * @param intake NaN when the outcome has no intake (slopes)
   * @param success null when the observation has no reliable-change category
   */
  public GroupSummary accept(double outcome, double intake, double closing, Boolean success) {
    value.accept(outcome);
    intakeClosing.accept(new double[] {intake, closing});
    if (success != null) {
      classified++;
      successes += success ? 1 : 0;
    }
    return this;
  }

  public GroupSummary combine(GroupSummary other) {
    value.combine(other.value);
    intakeClosing.combine(other.intakeClosing);
    successes += other.successes;
    classified += other.classified;
    return this;
  }

  public Moments value() {
    return value;
  }

  public Comoments intakeClosing() {
    return intakeClosing;
  }

  public long successes() {
    return successes;
  }

  public long classified() {
    return classified;
  }
}
