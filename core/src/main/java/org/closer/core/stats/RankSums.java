package org.closer.core.stats;

import java.io.Serializable;

/**
 * Mid-rank statistics for {@link MannWhitney} from the distinct values of the combined sample taken
 * in ascending order, each with how often it occurs in group a and in group b. A distributed sort
 * hands each partition a starting rank (the number of values in earlier partitions); partitions are
 * summed with {@link #combine}.
 */
public final class RankSums implements Serializable {
  private static final long serialVersionUID = 1L;

  private long before;
  private long na;
  private long nb;
  private double rankSumA;
  private double tieTerm;

  private RankSums(long before) {
    this.before = before;
  }

  /** For a run of values that follows {@code before} smaller values. */
  public static RankSums startingAt(long before) {
    return new RankSums(before);
  }

  /** The next distinct value, larger than all before it. */
  public RankSums accept(long countA, long countB) {
    long t = countA + countB;
    double midRank = before + (t + 1) / 2.0;
    rankSumA += countA * midRank;
    tieTerm += (double) t * t * t - t;
    before += t;
    na += countA;
    nb += countB;
    return this;
  }

  public RankSums combine(RankSums other) {
    rankSumA += other.rankSumA;
    tieTerm += other.tieTerm;
    na += other.na;
    nb += other.nb;
    before = Math.max(before, other.before);
    return this;
  }

  public MannWhitney.Result test() {
    return MannWhitney.of(na, nb, rankSumA, tieTerm);
  }
}
