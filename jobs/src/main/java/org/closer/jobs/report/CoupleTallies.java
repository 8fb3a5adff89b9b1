package org.closer.jobs.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.closer.core.model.Partner;
import org.closer.core.stats.Moments;

/**
 * The report's counts of people, from one pass over the scores with each couple's rows together
 * (sorted by couple): rows and couples per clinic; couples per design factor level; partners and
 * couples with a value of each score per timepoint and per session number, overall and per factor
 * level; partners and couples per kind of love. A couple whose rows disagree on a factor counts
 * once at each of its levels, and once on the other factors. In the same pass, the moments of each
 * score's values per design cell, at each timepoint and session number. Emits one {@link Totals}
 * per partition: counts and moments, never the couples.
 *
 * <p>Input columns: couple, clinic, partner, timepoint, session, one level per factor, the
 * {@link #masks} mark columns (bit {@code score * partners + partner} set when that partner gave
 * that score, from {@link #marks}), one kind of love per love instrument, then each score's value.
 */
final class CoupleTallies implements FlatMapFunction<Iterator<InternalRow>, CoupleTallies.Totals> {
  private static final long serialVersionUID = 1L;
  static final String ALL = "all";
  private static final int BITS = 63;
  private static final int PARTNERS = Partner.values().length;
  private static final int FACTORS_AT = 5;

  private final List<String> factors;
  private final int[] sessionFactors;
  private final int scores;
  private final String sessionCode;
  private final List<String> loveInstruments;

  /**
   * @param factors the design factors, in the input's column order
   * @param sessionFactors the factors the session counts are broken down by
   * @param scores how many scores the marks cover
   * @param sessionCode the timepoint whose rows are counted by session number too
   * @param loveInstruments the instruments whose kind of love columns close the input
   */
  CoupleTallies(List<String> factors, List<String> sessionFactors, int scores, String sessionCode,
      List<String> loveInstruments) {
    this.factors = List.copyOf(factors);
    this.sessionFactors = sessionFactors.stream().mapToInt(factors::indexOf).toArray();
    this.scores = scores;
    this.sessionCode = sessionCode;
    this.loveInstruments = List.copyOf(loveInstruments);
  }

  /** How many long columns hold {@code marks} bits, 63 to a column (a long's sign bit left alone). */
  static int masks(int marks) {
    return (marks + BITS - 1) / BITS;
  }

  static int column(int mark) {
    return mark / BITS;
  }

  static long bit(int mark) {
    return 1L << (mark % BITS);
  }

  /** The mark columns of the given score columns, named mask0, mask1, ... */
  static Column[] marks(List<String> scoreColumns) {
    Column[] masks = new Column[masks(scoreColumns.size() * PARTNERS)];
    Arrays.fill(masks, lit(0L));
    for (int s = 0; s < scoreColumns.size(); s++) {
      for (Partner p : Partner.values()) {
        int mark = s * PARTNERS + p.ordinal();
        Column given = col(scoreColumns.get(s)).isNotNull().and(col("partner").equalTo(p.name()));
        masks[column(mark)] = masks[column(mark)].plus(when(given, lit(bit(mark))).otherwise(lit(0L)));
      }
    }
    for (int m = 0; m < masks.length; m++) {
      masks[m] = masks[m].as("mask" + m);
    }
    return masks;
  }

  /** Counts from some couples; {@link #merge} adds another's. */
  static final class Totals implements Serializable {
    private static final long serialVersionUID = 1L;
    /** [clinic] -> {rows, couples} */
    final Map<Key, long[]> clinics = new HashMap<>();
    /** [factor, level] -> {couples} */
    final Map<Key, long[]> groups = new HashMap<>();
    /** [timepoint, factor, level] -> partners and couples per score, interleaved */
    final Map<Key, long[]> timepoints = new HashMap<>();
    /** [session, factor, level] -> partners and couples per score, interleaved */
    final Map<Key, long[]> sessions = new HashMap<>();
    /** [instrument, timepoint, kind] -> {partners, couples} */
    final Map<Key, long[]> love = new HashMap<>();
    /** [timepoint, level per factor] -> the moments of each score's values */
    final Map<Key, Moments[]> timepointValues = new HashMap<>();
    /** [session number, level per factor] -> the moments of each score's values in session surveys */
    final Map<Key, Moments[]> sessionValues = new HashMap<>();

    Totals merge(Totals other) {
      add(clinics, other.clinics);
      add(groups, other.groups);
      add(timepoints, other.timepoints);
      add(sessions, other.sessions);
      add(love, other.love);
      combine(timepointValues, other.timepointValues);
      combine(sessionValues, other.sessionValues);
      return this;
    }

    private static void combine(Map<Key, Moments[]> into, Map<Key, Moments[]> from) {
      from.forEach((k, m) -> {
        Moments[] sum = into.get(k);
        if (sum == null) {
          into.put(k, m);
        } else {
          for (int i = 0; i < m.length; i++) {
            sum[i].combine(m[i]);
          }
        }
      });
    }

    private static void add(Map<Key, long[]> into, Map<Key, long[]> from) {
      from.forEach((k, v) -> {
        long[] sum = into.computeIfAbsent(k, x -> new long[v.length]);
        for (int i = 0; i < v.length; i++) {
          sum[i] += v[i];
        }
      });
    }
  }

  @Override
  public Iterator<Totals> call(Iterator<InternalRow> rows) {
    Totals totals = new Totals();
    Couple couple = new Couple();
    UTF8String code = null;
    int firstMark = FACTORS_AT + factors.size();
    int masks = masks(scores * PARTNERS);
    int firstLove = firstMark + masks;
    int firstValue = firstLove + loveInstruments.size();
    Texts texts = new Texts(firstLove + loveInstruments.size());
    while (rows.hasNext()) {
      InternalRow r = rows.next();
      if (code == null || !code.equals(r.getUTF8String(0))) {
        couple.addTo(totals);
        code = r.getUTF8String(0).clone();
      }
      String clinic = texts.of(r, 1);
      totals.clinics.computeIfAbsent(new Key(clinic), k -> new long[2])[0]++;
      couple.clinics.add(clinic);
      String timepoint = texts.of(r, 3);
      Object[] levels = new Object[1 + factors.size()];
      levels[0] = timepoint;
      for (int f = 0; f < factors.size(); f++) {
        levels[1 + f] = texts.of(r, FACTORS_AT + f);
      }
      Key cell = new Key(levels);
      or(couple.cells, cell, r, firstMark, masks);
      accept(totals.timepointValues, cell, r, firstValue);
      if (!r.isNullAt(4) && sessionCode.equals(timepoint)) {
        Object[] session = levels.clone();
        session[0] = r.getInt(4);
        Key sessionCell = new Key(session);
        or(couple.sessions, sessionCell, r, firstMark, masks);
        accept(totals.sessionValues, sessionCell, r, firstValue);
      }
      int partner = 1 << Partner.valueOf(texts.of(r, 2)).ordinal();
      for (int i = 0; i < loveInstruments.size(); i++) {
        if (!r.isNullAt(firstLove + i)) {
          couple.love.computeIfAbsent(new Key(loveInstruments.get(i), timepoint, texts.of(r, firstLove + i)),
              k -> new int[1])[0] |= partner;
        }
      }
    }
    couple.addTo(totals);
    return List.of(totals).iterator();
  }

  /** The row's score values added to its cell's moments. */
  private void accept(Map<Key, Moments[]> cells, Key cell, InternalRow r, int firstValue) {
    Moments[] moments = cells.get(cell);
    if (moments == null) {
      moments = new Moments[scores];
      Arrays.setAll(moments, i -> Moments.create());
      cells.put(cell, moments);
    }
    for (int s = 0; s < scores; s++) {
      if (!r.isNullAt(firstValue + s)) {
        moments[s].accept(r.getDouble(firstValue + s));
      }
    }
  }

  /** The row's marks OR-ed into its cell's. */
  private static void or(Map<Key, long[]> cells, Key cell, InternalRow r, int firstMark, int masks) {
    long[] marks = cells.computeIfAbsent(cell, k -> new long[masks]);
    for (int m = 0; m < masks; m++) {
      marks[m] |= r.getLong(firstMark + m);
    }
  }

  /**
   * A partition's text values as Java strings, each made once: the few codes (timepoints, levels,
   * clinics) repeat on every row, and a string's hash is kept where a UTF8String's is recomputed.
   * A column's value is most often the one of the row before (the same couple), checked first.
   */
  private static final class Texts {
    private final Map<UTF8String, String> strings = new HashMap<>();
    private final UTF8String[] lastText;
    private final String[] lastString;

    Texts(int columns) {
      lastText = new UTF8String[columns];
      lastString = new String[columns];
    }

    String of(InternalRow r, int i) {
      if (r.isNullAt(i)) {
        return null;
      }
      UTF8String text = r.getUTF8String(i);
      if (text.equals(lastText[i])) {
        return lastString[i];
      }
      String s = strings.get(text);
      if (s == null) {
        s = text.toString();
        strings.put(text.clone(), s);
      }
      lastText[i] = text.clone();
      lastString[i] = s;
      return s;
    }
  }

  /** A map key of a few values (text, numbers, nulls), compared by value; cheaper to hash and compare than a list's. */
  static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Object[] parts;
    private final int hash;

    Key(Object... parts) {
      this.parts = parts;
      this.hash = Arrays.hashCode(parts);
    }

    Object part(int i) {
      return parts[i];
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && hash == k.hash && Arrays.equals(parts, k.parts);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return Arrays.toString(parts);
    }
  }

  /** One couple's rows, boiled down: what it counts towards is known when its last row is read. */
  private final class Couple {
    final Set<String> clinics = new HashSet<>();
    /** [timepoint, level per factor] -> marks OR-ed over the cell's rows */
    final Map<Key, long[]> cells = new HashMap<>();
    /** [session number, level per factor] -> marks OR-ed over the cell's session rows */
    final Map<Key, long[]> sessions = new HashMap<>();
    /** [love instrument, timepoint, kind] -> a bit per partner */
    final Map<Key, int[]> love = new HashMap<>();

    void addTo(Totals totals) {
      clinics.forEach(c -> totals.clinics.get(new Key(c))[1]++);
      Set<Key> levels = new HashSet<>();
      Map<Key, long[]> byTimepoint = new HashMap<>();
      Map<Key, long[]> bySession = new HashMap<>();
      cells.forEach((cell, marks) -> {
        or(byTimepoint, new Key(cell.part(0), ALL, ALL), marks);
        for (int f = 0; f < factors.size(); f++) {
          levels.add(new Key(factors.get(f), cell.part(1 + f)));
          or(byTimepoint, new Key(cell.part(0), factors.get(f), cell.part(1 + f)), marks);
        }
      });
      sessions.forEach((cell, marks) -> {
        or(bySession, new Key(cell.part(0), ALL, ALL), marks);
        for (int f : sessionFactors) {
          or(bySession, new Key(cell.part(0), factors.get(f), cell.part(1 + f)), marks);
        }
      });
      levels.forEach(l -> totals.groups.computeIfAbsent(l, k -> new long[1])[0]++);
      count(byTimepoint, totals.timepoints);
      count(bySession, totals.sessions);
      love.forEach((key, partners) -> {
        long[] t = totals.love.computeIfAbsent(key, k -> new long[2]);
        t[0] += Integer.bitCount(partners[0]);
        t[1]++;
      });
      clinics.clear();
      cells.clear();
      sessions.clear();
      love.clear();
    }

    private static void or(Map<Key, long[]> into, Key key, long[] marks) {
      long[] m = into.computeIfAbsent(key, k -> new long[marks.length]);
      for (int i = 0; i < marks.length; i++) {
        m[i] |= marks[i];
      }
    }

    /** Each key's partners with a mark per score, and the couple itself when any has one. */
    private void count(Map<Key, long[]> marked, Map<Key, long[]> into) {
      marked.forEach((key, marks) -> {
        long[] t = into.computeIfAbsent(key, k -> new long[2 * scores]);
        for (int s = 0; s < scores; s++) {
          boolean any = false;
          for (int p = 0; p < PARTNERS; p++) {
            int mark = s * PARTNERS + p;
            boolean given = (marks[column(mark)] & bit(mark)) != 0;
            t[2 * s] += given ? 1 : 0;
            any |= given;
          }
          t[2 * s + 1] += any ? 1 : 0;
        }
      });
    }
  }
}
