package org.closer.jobs.compare;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.closer.core.stats.ClusteredGroup;
import org.closer.core.stats.GroupSummary;
import org.closer.jobs.outcomes.OutcomesJob;

/**
 * What one task's observations add to the comparisons' groups, read once: per design cell, outcome
 * and level, the {@link GroupSummary} of its rows, merged into each factor level the cell has when
 * the task ends; and the {@link ClusteredGroup}s of the individual level, from a task whose couples'
 * rows of a level follow one another: each couple's size, sum and within-couple squares
 * per factor level and outcome, added when the next couple starts. These are the clusters of
 * grouping by (factor, level, outcome, clinic, couple): a couple whose rows disagree on a factor is
 * one cluster in each level it names.
 *
 * <p>An input row is {@link #COLUMNS} then one value per factor, as text. Groups are keyed "factor SEP
 * level SEP outcome SEP unit level", clusters "factor SEP level SEP outcome".
 */
record ObservationSums(Map<String, GroupSummary> groups, Map<String, ClusteredGroup> clusters)
    implements Serializable {
  static final List<String> COLUMNS = List.of("level", "clinic", "couple", "outcome", "value", "intake", "closing",
      "success");
  private static final int LEVEL = 0;
  private static final int CLINIC = 1;
  private static final int COUPLE = 2;
  private static final int OUTCOME = 3;
  private static final int VALUE = 4;
  private static final int INTAKE = 5;
  private static final int CLOSING = 6;
  private static final int SUCCESS = 7;
  private static final int FACTORS = COLUMNS.size();
  private static final UTF8String INDIVIDUAL = UTF8String.fromString(OutcomesJob.INDIVIDUAL);

  /** Reads a task's rows to the end, walking the couples for their clusters. */
  static ObservationSums of(Iterator<InternalRow> rows, List<String> factors, String sep) {
    Walk walk = new Walk(factors.size());
    while (rows.hasNext()) {
      InternalRow r = rows.next();
      walk.cell(r).accept(r.getDouble(VALUE), number(r, INTAKE), number(r, CLOSING),
          r.isNullAt(SUCCESS) ? null : r.getBoolean(SUCCESS));
      if (r.getUTF8String(LEVEL).equals(INDIVIDUAL)) {
        walk.member(r);
      }
    }
    walk.flush();
    ObservationSums out = new ObservationSums(new HashMap<>(), new HashMap<>());
    walk.cells.forEach((cell, g) -> {
      for (int f = 0; f < factors.size(); f++) {
        if (cell.design().get(f) != null) {
          String key = factors.get(f) + sep + cell.design().get(f) + sep + cell.outcome() + sep + cell.level();
          out.groups.computeIfAbsent(key, k -> GroupSummary.create()).combine(g);
        }
      }
    });
    walk.clusters.forEach((c, g) ->
        out.clusters.put(factors.get(c.factor()) + sep + c.level() + sep + c.outcome(), g));
    return out;
  }

  /** Adds another task's sums to these. */
  ObservationSums combine(ObservationSums other) {
    other.groups.forEach((k, g) -> groups.merge(k, g, GroupSummary::combine));
    other.clusters.forEach((k, g) -> clusters.merge(k, g, ClusteredGroup::combine));
    return this;
  }

  private static double number(InternalRow r, int i) {
    return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
  }

  /** A design cell: the unit level, the outcome and each factor's value (null where missing). */
  private record Cell(UTF8String level, UTF8String outcome, List<UTF8String> design) {}

  /** A couple's members in one factor level and outcome. */
  private record ClusterKey(int factor, UTF8String level, UTF8String outcome) {}

  private static final class Walk {
    final int factors;
    final Map<Cell, GroupSummary> cells = new HashMap<>();
    final Map<ClusterKey, ClusteredGroup> clusters = new HashMap<>();
    /** The couple being read: its members' values per factor level and outcome. */
    final Map<ClusterKey, Members> couple = new LinkedHashMap<>();
    UTF8String clinicOf;
    UTF8String coupleOf;

    Walk(int factors) {
      this.factors = factors;
    }

    GroupSummary cell(InternalRow r) {
      UTF8String[] design = new UTF8String[factors];
      for (int f = 0; f < factors; f++) {
        design[f] = r.isNullAt(FACTORS + f) ? null : r.getUTF8String(FACTORS + f);
      }
      GroupSummary g = cells.get(new Cell(r.getUTF8String(LEVEL), r.getUTF8String(OUTCOME), Arrays.asList(design)));
      if (g == null) {
        List<UTF8String> kept = new ArrayList<>();
        for (UTF8String d : design) {
          kept.add(d == null ? null : d.copy());
        }
        g = GroupSummary.create();
        cells.put(new Cell(r.getUTF8String(LEVEL).copy(), r.getUTF8String(OUTCOME).copy(), kept), g);
      }
      return g;
    }

    void member(InternalRow r) {
      boolean sameCouple = coupleOf != null && r.getUTF8String(COUPLE).equals(coupleOf)
          && r.getUTF8String(CLINIC).equals(clinicOf);
      if (coupleOf != null && !sameCouple) {
        flush();
      }
      if (coupleOf == null) {
        clinicOf = r.getUTF8String(CLINIC).copy();
        coupleOf = r.getUTF8String(COUPLE).copy();
      }
      UTF8String outcome = r.getUTF8String(OUTCOME);
      double value = r.getDouble(VALUE);
      for (int f = 0; f < factors; f++) {
        if (r.isNullAt(FACTORS + f)) {
          continue;
        }
        ClusterKey key = new ClusterKey(f, r.getUTF8String(FACTORS + f), outcome);
        Members m = couple.get(key);
        if (m == null) {
          m = new Members();
          couple.put(new ClusterKey(f, key.level().copy(), outcome.copy()), m);
        }
        m.add(value);
      }
    }

    void flush() {
      couple.forEach((key, m) -> clusters.computeIfAbsent(key, k -> ClusteredGroup.create()).accept(m.n, m.sum, m.m2));
      couple.clear();
      clinicOf = null;
      coupleOf = null;
    }
  }

  /**
   * One couple's values in a cell: the sum as Spark's sum() adds them, the squares about their mean
   * with the update of Spark's var_samp(), in the rows' order.
   */
  private static final class Members {
    long n;
    double sum;
    double mean;
    double m2;

    void add(double x) {
      n++;
      sum += x;
      double delta = x - mean;
      double deltaN = delta / n;
      mean += deltaN;
      m2 += delta * (delta - deltaN);
    }
  }
}
