package org.closer.core.stats;

/**
 * One row of the {@code comparisons} dataset: two groups on one outcome at one level. NaN where a
 * statistic does not apply or cannot be computed (for example an ANCOVA of a slope, or a variance
 * of one observation). Column meanings are documented in {@code schemas/comparisons.avsc}.
 */
public record ComparisonResult(
    String comparison, String factor, String outcome, String level, String groupA, String groupB,
    long nA, long nB, double meanA, double sdA, double meanB, double sdB,
    double meanDiff, double diffLow, double diffHigh, double welchT, double welchDf, double welchP,
    double hedgesG, double gLow, double gHigh,
    double mwuW, double mwuP, double rankBiserial,
    double ancovaDiff, double ancovaLow, double ancovaHigh, double ancovaP,
    double tostMargin, double tostP, Boolean equivalent,
    double successA, double successB, double riskDiff, double rdLow, double rdHigh, double fisherP,
    double clusterSe, double clusterP, double icc,
    double pHolm, double pBh) {

  /** Everything a comparison is computed from. */
  public record Inputs(GroupSummary a, GroupSummary b, double rankSumA, double tieTerm, ClusteredGroup clustersA,
      ClusteredGroup clustersB) {}

  /**
   * @param margin the equivalence margin in units of the pooled SD
   * @param clustersA null at couple level (no clustering)
   */
  public static ComparisonResult compute(String comparison, String factor, String outcome, String level,
      String groupA, String groupB, Inputs in, double margin) {
    Moments a = in.a().value();
    Moments b = in.b().value();
    TwoGroups two = new TwoGroups(a, b);
    TwoGroups.Welch w = two.welch();
    TwoGroups.Hedges g = two.hedges();
    TwoGroups.Equivalence eq = two.equivalence(margin * two.pooledSd());
    MannWhitney.Result mw = MannWhitney.of(a.n(), b.n(), in.rankSumA(), in.tieTerm());
    Ancova.Result an = in.a().intakeClosing().n() > 0 && in.b().intakeClosing().n() > 0
        ? Ancova.of(in.a().intakeClosing(), in.b().intakeClosing())
        : new Ancova.Result(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    Proportions.Result pr = in.a().classified() > 0 && in.b().classified() > 0
        ? Proportions.of(in.a().successes(), in.a().classified(), in.b().successes(), in.b().classified())
        : new Proportions.Result(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    Clustered.Result cl = in.clustersA() != null && in.clustersB() != null
        ? Clustered.of(in.clustersA(), in.clustersB())
        : new Clustered.Result(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    return new ComparisonResult(comparison, factor, outcome, level, groupA, groupB,
        a.n(), b.n(), a.mean(), a.sd(), b.mean(), b.sd(),
        w.difference(), w.low(), w.high(), w.t(), w.df(), w.p(),
        g.g(), g.low(), g.high(),
        mw.w(), mw.p(), mw.rankBiserial(),
        an.difference(), an.low(), an.high(), an.p(),
        eq.margin(), eq.p(), Double.isNaN(eq.p()) ? null : eq.equivalent(),
        pr.pa(), pr.pb(), pr.difference(), pr.low(), pr.high(), pr.fisherP(),
        cl.se(), cl.p(), cl.icc(), Double.NaN, Double.NaN);
  }

  public ComparisonResult withAdjusted(double holm, double bh) {
    return new ComparisonResult(comparison, factor, outcome, level, groupA, groupB, nA, nB, meanA, sdA, meanB, sdB,
        meanDiff, diffLow, diffHigh, welchT, welchDf, welchP, hedgesG, gLow, gHigh, mwuW, mwuP, rankBiserial,
        ancovaDiff, ancovaLow, ancovaHigh, ancovaP, tostMargin, tostP, equivalent, successA, successB, riskDiff,
        rdLow, rdHigh, fisherP, clusterSe, clusterP, icc, holm, bh);
  }
}
