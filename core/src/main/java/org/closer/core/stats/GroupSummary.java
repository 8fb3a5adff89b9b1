package org.closer.core.stats;

import java.io.Serializable;

/**
 * What a comparison needs of one group on one outcome, accumulated row by row and merged across
 * partitions: the outcome's moments, the (intake, closing) comoments for the ANCOVA, and how many
 * of those with a reliable-change category recovered or improved.
 */
public final class GroupSummary implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Moments value;
  private final Comoments intakeClosing;
  private long successes;
  private long classified;

  private GroupSummary(Moments value, Comoments intakeClosing, long successes, long classified) {
    this.value = value;
    this.intakeClosing = intakeClosing;
    this.successes = successes;
    this.classified = classified;
  }

  public static GroupSummary create() {
    return new GroupSummary(Moments.create(), Comoments.create(2), 0, 0);
  }

  /** From already aggregated statistics. */
  public static GroupSummary of(Moments value, Comoments intakeClosing, long successes, long classified) {
    return new GroupSummary(value, intakeClosing, successes, classified);
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
