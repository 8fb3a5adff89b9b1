package org.closer.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.closer.core.ingest.CsvLines;
import org.junit.jupiter.api.Test;

/**
 * Every statistic against R on the committed fixtures. The reference values, and the R call that
 * made each, are in {@code stats/reference.csv}, written by {@code core/src/test/r/reference.R}
 * (R 4.2.2, effectsize 0.8.3, sandwich 3.0.2, psych 2.2.9). The statistics are computed here the
 * way the Spark jobs do: from accumulators combined over several partitions.
 */
class RReferenceTest {
  /** Relative tolerance for everything R computes in closed form or with its own exact algorithms. */
  private static final double EXACT = 1e-8;
  /**
   * effectsize finds the non-centralities of the g interval with Nelder-Mead ({@code optim} with
   * {@code abstol = 1e-9} on the sum of two probability errors), which stops short of the root; we
   * solve for it to 1e-13 with Brent's method. The two agreed to 2.1e-7 relative on these fixtures.
   */
  private static final double OPTIM = 1e-6;

  private static final Map<String, Map<String, Double>> REFERENCE = reference();

  private static double expected(String fixture, String statistic) {
    Double v = REFERENCE.getOrDefault(fixture, Map.of()).get(statistic);
    if (v == null) {
      throw new AssertionError("no reference value " + fixture + "/" + statistic);
    }
    return v;
  }

  private static void close(String fixture, String statistic, double actual, double tolerance) {
    double want = expected(fixture, statistic);
    double scale = Math.max(Math.abs(want), 1e-300);
    assertTrue(Math.abs(actual - want) <= tolerance * scale,
        fixture + "/" + statistic + ": Java " + actual + ", R " + want + ", relative difference "
            + Math.abs(actual - want) / scale);
    LARGEST.merge(tolerance == EXACT ? "exact" : "optim", Math.abs(actual - want) / scale, Math::max);
  }

  static final Map<String, Double> LARGEST = new TreeMap<>();

  /** One fixture row. */
  private record Person(String group, String couple, double intake, double closing, int recovered) {
    double change() {
      return closing - intake;
    }
  }

  @Test
  void twoGroupStatisticsEqualR() throws IOException {
    for (String fixture : List.of("two_groups_unequal", "two_groups_small", "two_groups_ties")) {
      List<Person> people = new ArrayList<>();
      for (Map<String, String> r : csv(fixture + ".csv")) {
        if (!r.get("closing").isEmpty()) {
          people.add(new Person(r.get("group"), r.get("couple"), Double.parseDouble(r.get("intake")),
              Double.parseDouble(r.get("closing")), Integer.parseInt(r.get("recovered"))));
        }
      }
      // Two "partitions" per group, combined, as Spark would.
      Moments a = split(people, "a", 0).combine(split(people, "a", 1));
      Moments b = split(people, "b", 0).combine(split(people, "b", 1));
      TwoGroups groups = new TwoGroups(a, b);
      TwoGroups.Welch w = groups.welch();
      close(fixture, "welch_diff", w.difference(), EXACT);
      close(fixture, "welch_low", w.low(), EXACT);
      close(fixture, "welch_high", w.high(), EXACT);
      close(fixture, "welch_t", w.t(), EXACT);
      close(fixture, "welch_df", w.df(), EXACT);
      close(fixture, "welch_p", w.p(), EXACT);
      close(fixture, "sd_pooled", groups.pooledSd(), EXACT);
      TwoGroups.Hedges g = groups.hedges();
      close(fixture, "hedges_g", g.g(), EXACT);
      close(fixture, "g_low", g.low(), OPTIM);
      close(fixture, "g_high", g.high(), OPTIM);
      close(fixture, "tost_p", groups.equivalence(0.25 * groups.pooledSd()).p(), EXACT);

      MannWhitney.Result mw = MannWhitney.of(changes(people, "a"), changes(people, "b"));
      close(fixture, "mwu_w", mw.w(), EXACT);
      close(fixture, "mwu_p", mw.p(), EXACT);
      close(fixture, "rank_biserial", mw.rankBiserial(), EXACT);

      Comoments ca = Comoments.create(2);
      Comoments cb = Comoments.create(2);
      for (Person p : people) {
        (p.group().equals("a") ? ca : cb).accept(new double[] {p.intake(), p.closing()});
      }
      Ancova.Result an = Ancova.of(ca, cb);
      close(fixture, "ancova_diff", an.difference(), EXACT);
      close(fixture, "ancova_low", an.low(), EXACT);
      close(fixture, "ancova_high", an.high(), EXACT);
      close(fixture, "ancova_p", an.p(), EXACT);

      long xa = people.stream().filter(p -> p.group().equals("a")).mapToLong(Person::recovered).sum();
      long xb = people.stream().filter(p -> p.group().equals("b")).mapToLong(Person::recovered).sum();
      Proportions.Result pr = Proportions.of(xa, a.n(), xb, b.n());
      close(fixture, "rd_low", pr.low(), EXACT);
      close(fixture, "rd_high", pr.high(), EXACT);
      close(fixture, "fisher_p", pr.fisherP(), EXACT);

      Clustered.Result cl = Clustered.of(clusters(people, "a"), clusters(people, "b"));
      assertEquals(w.difference(), cl.difference(), 1e-12);
      close(fixture, "cluster_se", cl.se(), EXACT);
      close(fixture, "cluster_p", cl.p(), EXACT);
      if (REFERENCE.get(fixture).containsKey("icc")) {
        close(fixture, "icc", cl.icc(), EXACT);
      } else {
        assertTrue(Double.isNaN(cl.icc()), "no couple has two members: no ICC");
      }
    }
  }

  @Test
  void reliableChangeEqualsR() throws IOException {
    List<Map<String, String>> rows = csv("two_groups_unequal.csv");
    Moments intake = Moments.create();
    rows.forEach(r -> intake.accept(Double.parseDouble(r.get("intake"))));
    ReliableChange jt = new ReliableChange(intake.sd(), 0.85,
        new org.closer.core.instrument.Cutoff(45, org.closer.core.instrument.Cutoff.Side.BELOW, "fixture", true));
    close("reliable_change", "s_diff", jt.sDiff(), EXACT);
    Map<String, Long> counts = new HashMap<>();
    int i = 0;
    for (Map<String, String> r : rows) {
      if (r.get("closing").isEmpty()) {
        continue;
      }
      double before = Double.parseDouble(r.get("intake"));
      double after = Double.parseDouble(r.get("closing"));
      if (++i <= 5) {
        close("reliable_change", "rci_" + i, jt.index(before, after), EXACT);
      }
      counts.merge(jt.category(before, after).code(), 1L, Long::sum);
    }
    for (ReliableChange.Category c : ReliableChange.Category.values()) {
      assertEquals(expected("reliable_change", c.code()), counts.getOrDefault(c.code(), 0L), 0.0, c.code());
    }
  }

  @Test
  void noncentralTEqualsR() {
    for (var e : REFERENCE.get("pt_grid").entrySet()) {
      String[] args = e.getKey().replaceAll("pt\\(|\\)", "").split(", ");
      close("pt_grid", e.getKey(), NoncentralT.cdf(Double.parseDouble(args[0]), Double.parseDouble(args[1]),
          Double.parseDouble(args[2])), EXACT);
    }
  }

  @Test
  void adjustedPValuesEqualR() {
    double[] p = {0.01, 0.04, 0.03, 0.2, Double.NaN, 0.0001, 0.04};
    double[] holm = PAdjust.holm(p);
    double[] bh = PAdjust.benjaminiHochberg(p);
    for (int i = 0; i < p.length; i++) {
      if (Double.isNaN(p[i])) {
        assertTrue(Double.isNaN(holm[i]) && Double.isNaN(bh[i]));
        assertTrue(Double.isNaN(expected("p_adjust", "holm_" + (i + 1))));
        continue;
      }
      close("p_adjust", "holm_" + (i + 1), holm[i], EXACT);
      close("p_adjust", "bh_" + (i + 1), bh[i], EXACT);
    }
  }

  @Test
  void cronbachAlphaEqualsR() throws IOException {
    ItemTotal first = ItemTotal.create(5);
    ItemTotal second = ItemTotal.create(5);
    List<Map<String, String>> rows = csv("items.csv");
    for (int r = 0; r < rows.size(); r++) {
      double[] x = new double[5];
      for (int j = 0; j < 5; j++) {
        String v = rows.get(r).get("item" + (j + 1));
        x[j] = v.isEmpty() || v.equals("NA") ? Double.NaN : Double.parseDouble(v);
      }
      (r % 2 == 0 ? first : second).accept(x);
    }
    CronbachAlpha.Result alpha = CronbachAlpha.of(first.combine(second));
    close("items", "alpha", alpha.alpha(), EXACT);
    close("items", "alpha_low", alpha.low(), EXACT);
    close("items", "alpha_high", alpha.high(), EXACT);
    for (int j = 0; j < 5; j++) {
      close("items", "r_drop_" + (j + 1), alpha.itemRest()[j], EXACT);
    }
  }

  @Test
  void sessionSlopeEqualsR() throws IOException {
    Comoments xy = Comoments.create(2);
    for (Map<String, String> r : csv("trajectory.csv")) {
      xy.accept(new double[] {Double.parseDouble(r.get("session")), Double.parseDouble(r.get("value"))});
    }
    Slope slope = Slope.of(xy);
    close("trajectory", "slope", slope.slope(), EXACT);
    close("trajectory", "slope_se", slope.se(), EXACT);
  }

  private static Moments split(List<Person> people, String group, int half) {
    Moments m = Moments.create();
    for (int i = 0; i < people.size(); i++) {
      if (people.get(i).group().equals(group) && i % 2 == half) {
        m.accept(people.get(i).change());
      }
    }
    return m;
  }

  private static double[] changes(List<Person> people, String group) {
    return people.stream().filter(p -> p.group().equals(group)).mapToDouble(Person::change).toArray();
  }

  private static ClusteredGroup clusters(List<Person> people, String group) {
    Map<String, Moments> byCouple = new LinkedHashMap<>();
    for (Person p : people) {
      if (p.group().equals(group)) {
        byCouple.computeIfAbsent(p.couple(), k -> Moments.create()).accept(p.change());
      }
    }
    ClusteredGroup first = ClusteredGroup.create();
    ClusteredGroup second = ClusteredGroup.create();
    int i = 0;
    for (Moments m : byCouple.values()) {
      (i++ % 2 == 0 ? first : second).accept(m.n(), m.mean() * m.n(), m.sumOfSquares());
    }
    return first.combine(second);
  }

  private static List<Map<String, String>> csv(String name) throws IOException {
    try (InputStream in = RReferenceTest.class.getResourceAsStream("/stats/" + name)) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      CsvLines parser = new CsvLines(',');
      String[] header = parser.split(lines.get(0));
      List<Map<String, String>> rows = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] f = parser.split(line);
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
          row.put(header[i], i < f.length && f[i] != null ? f[i] : "");
        }
        rows.add(row);
      }
      return rows;
    }
  }

  private static Map<String, Map<String, Double>> reference() {
    try {
      Map<String, Map<String, Double>> out = new HashMap<>();
      for (Map<String, String> r : csv("reference.csv")) {
        String v = r.get("value");
        out.computeIfAbsent(r.get("fixture"), k -> new TreeMap<>())
            .put(r.get("statistic"), v.equals("NA") ? Double.NaN : Double.parseDouble(v));
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @org.junit.jupiter.api.AfterAll
  static void report() {
    System.out.println("Largest relative difference from R: " + LARGEST);
  }
}
