package org.closer.jobs.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

class CoupleTalliesTest {
  /** Two scores, factors modality and method, one love instrument. */
  private static final CoupleTallies TALLIES = new CoupleTallies(List.of("modality", "method"), List.of("method"), 2,
      "session", List.of("tls"));

  @Test
  void aCoupleWhoseRowsDisagreeOnOneFactorCountsOnceOnTheOthers() {
    CoupleTallies.Totals t = totals(
        // couple c1 at intake: partner A online with both scores, partner B face to face with score 1, both EFT
        row("c1", "k1", "A", "intake", null, "online", "EFT", 1, 1, "passion"),
        row("c1", "k1", "B", "intake", null, "face_to_face", "EFT", 1, 0, "passion"),
        // couple c1 again, at closing: both online, both scores
        row("c1", "k1", "A", "closing", null, "online", "EFT", 1, 1, null),
        row("c1", "k1", "B", "closing", null, "online", "EFT", 1, 1, "romantic"),
        // couple c2 at intake: online IBCT, only A, only score 1
        row("c2", "k2", "A", "intake", null, "online", "IBCT", 1, 0, "passion"));
    // {partners score 1, couples score 1, partners score 2, couples score 2}
    assertArrayEquals(new long[] {3, 2, 1, 1}, t.timepoints.get(key("intake", "all", "all")));
    assertArrayEquals(new long[] {2, 1, 1, 1}, t.timepoints.get(key("intake", "method", "EFT")));
    assertArrayEquals(new long[] {2, 2, 1, 1}, t.timepoints.get(key("intake", "modality", "online")));
    assertArrayEquals(new long[] {1, 1, 0, 0}, t.timepoints.get(key("intake", "modality", "face_to_face")));
    assertArrayEquals(new long[] {1, 1, 0, 0}, t.timepoints.get(key("intake", "method", "IBCT")));
    assertArrayEquals(new long[] {2, 1, 2, 1}, t.timepoints.get(key("closing", "all", "all")));
    // couples per level: c1 at both of its modalities, once at EFT
    assertArrayEquals(new long[] {2}, t.groups.get(key("modality", "online")));
    assertArrayEquals(new long[] {1}, t.groups.get(key("modality", "face_to_face")));
    assertArrayEquals(new long[] {1}, t.groups.get(key("method", "EFT")));
    assertArrayEquals(new long[] {1}, t.groups.get(key("method", "IBCT")));
    // rows and couples per clinic
    assertArrayEquals(new long[] {4, 1}, t.clinics.get(key("k1")));
    assertArrayEquals(new long[] {1, 1}, t.clinics.get(key("k2")));
    // partners and couples per kind of love
    assertArrayEquals(new long[] {3, 2}, t.love.get(key("tls", "intake", "passion")));
    assertArrayEquals(new long[] {1, 1}, t.love.get(key("tls", "closing", "romantic")));
    assertEquals(2, t.love.size());
    assertTrue(t.sessions.isEmpty());
    // the values' moments per design cell: score 1 at intake, online EFT (A of c1: 5) and face to face EFT (B of c1: 6)
    assertEquals(1, t.timepointValues.get(key("intake", "online", "EFT"))[0].n());
    assertEquals(5.0, t.timepointValues.get(key("intake", "online", "EFT"))[0].mean());
    assertEquals(6.0, t.timepointValues.get(key("intake", "face_to_face", "EFT"))[0].mean());
    assertEquals(0, t.timepointValues.get(key("intake", "face_to_face", "EFT"))[1].n());
    assertEquals(2, t.timepointValues.get(key("closing", "online", "EFT"))[1].n());
    assertEquals(0.5, t.timepointValues.get(key("closing", "online", "EFT"))[0].variance(), 1e-15);
  }

  @Test
  void sessionRowsCountPerSessionNumberAndAMissingLevelIsALevelOfItsOwn() {
    CoupleTallies.Totals t = totals(
        row("c1", "k1", "A", "session", 3, null, "EFT", 1, 0, null),
        row("c1", "k1", "B", "session", 3, null, "EFT", 0, 1, null),
        row("c1", "k1", "A", "session", 4, null, "EFT", 1, 0, null),
        // a session row without its number counts at the timepoint only
        row("c1", "k1", "B", "session", null, null, "EFT", 1, 0, null));
    assertArrayEquals(new long[] {1, 1, 1, 1}, t.sessions.get(key(3, "all", "all")));
    assertArrayEquals(new long[] {1, 1, 1, 1}, t.sessions.get(key(3, "method", "EFT")));
    assertArrayEquals(new long[] {1, 1, 0, 0}, t.sessions.get(key(4, "method", "EFT")));
    assertFalse(t.sessions.containsKey(key(3, "modality", null)), "sessions are broken down by method only");
    assertArrayEquals(new long[] {2, 1, 1, 1}, t.timepoints.get(key("session", "modality", null)));
    assertArrayEquals(new long[] {1}, t.groups.get(key("modality", null)));
    assertEquals(4, t.sessions.size()); // sessions 3 and 4, each overall and at EFT
    // values of session rows with a number, per session number and design cell
    assertEquals(1, t.sessionValues.get(key(3, null, "EFT"))[0].n());
    assertEquals(1, t.sessionValues.get(key(3, null, "EFT"))[1].n());
    assertEquals(1, t.sessionValues.get(key(4, null, "EFT"))[0].n());
    assertEquals(2, t.sessionValues.size());
    assertEquals(3, t.timepointValues.get(key("session", null, "EFT"))[0].n());
  }

  @Test
  void marksBeyondSixtyThreeGoToTheNextColumn() {
    CoupleTallies forty = new CoupleTallies(List.of(), List.of(), 40, "session", List.of());
    int mark = 35 * 2 + 1; // score 35, partner B
    assertEquals(2, CoupleTallies.masks(80));
    Iterator<CoupleTallies.Totals> it = forty.call(
        List.of(internal(withValues(new Object[] {"c1", "k1", "B", "intake", null, 0L, CoupleTallies.bit(mark)},
            new Object[40]))).iterator());
    long[] all = it.next().timepoints.get(key("intake", "all", "all"));
    assertEquals(1L, all[2 * 35]);
    assertEquals(1L, all[2 * 35 + 1]);
    assertEquals(0L, all[2 * 31]);
    assertFalse(it.hasNext());
  }

  @Test
  void couplesInARowWithTheSameCellsAreCountedApart() {
    CoupleTallies.Totals t = totals(
        row("c1", "k1", "A", "session", 1, "online", "EFT", 1, 1, null),
        row("c1", "k1", "B", "session", 1, "online", "EFT", 1, 0, null),
        row("c1", "k1", "A", "session", 2, "online", "EFT", 1, 0, null),
        // the next couple, in the same clinic, cell and session as the row before
        row("c2", "k1", "A", "session", 2, "online", "EFT", 1, 0, null),
        row("c2", "k1", "B", "session", 2, "online", "EFT", 0, 0, null),
        row("c2", "k2", "B", "session", 2, "online", "EFT", 1, 0, null),
        row("c3", "k2", "A", "session", 2, "online", "EFT", 0, 1, null));
    // c1: A and B score 1, A score 2; c2: A and B score 1; c3: A score 2
    assertArrayEquals(new long[] {4, 2, 2, 2}, t.timepoints.get(key("session", "all", "all")));
    assertArrayEquals(new long[] {2, 1, 1, 1}, t.sessions.get(key(1, "all", "all")));
    // session 2: c1 A score 1; c2 A and B score 1; c3 A score 2
    assertArrayEquals(new long[] {3, 2, 1, 1}, t.sessions.get(key(2, "method", "EFT")));
    assertArrayEquals(new long[] {3}, t.groups.get(key("method", "EFT")));
    // c2's rows lie in two clinics: it counts once in each
    assertArrayEquals(new long[] {5, 2}, t.clinics.get(key("k1")));
    assertArrayEquals(new long[] {2, 2}, t.clinics.get(key("k2")));
    assertEquals(3, t.sessionValues.get(key(2, "online", "EFT"))[0].n());
    assertEquals(1, t.sessionValues.get(key(2, "online", "EFT"))[1].n());
    assertEquals(5, t.timepointValues.get(key("session", "online", "EFT"))[0].n());
  }

  @Test
  void totalsFromTwoPartitionsAddUp() {
    CoupleTallies.Totals one = totals(row("c1", "k1", "A", "intake", null, "online", "EFT", 1, 0, null));
    CoupleTallies.Totals two = totals(row("c2", "k1", "B", "intake", null, "online", "EFT", 1, 1, null));
    one.merge(two);
    assertArrayEquals(new long[] {2, 2, 1, 1}, one.timepoints.get(key("intake", "all", "all")));
    assertArrayEquals(new long[] {2, 2}, one.clinics.get(key("k1")));
  }

  /**
   * One partner's survey: which of the two scores it gave, as that partner's marks, and their values
   * (score 1: 5 for partner A, 6 for B; score 2: 3).
   */
  private static InternalRow row(String couple, String clinic, String partner, String timepoint, Integer session,
      String modality, String method, int score1, int score2, String love) {
    int p = partner.equals("A") ? 0 : 1;
    long mask = (score1 == 1 ? CoupleTallies.bit(p) : 0) | (score2 == 1 ? CoupleTallies.bit(2 + p) : 0);
    return internal(withValues(new Object[] {couple, clinic, partner, timepoint, session, modality, method, mask, love},
        new Object[] {score1 == 1 ? 5.0 + p : null, score2 == 1 ? 3.0 : null}));
  }

  private static Object[] withValues(Object[] columns, Object[] values) {
    Object[] v = Arrays.copyOf(columns, columns.length + values.length);
    System.arraycopy(values, 0, v, columns.length, values.length);
    return v;
  }

  private static CoupleTallies.Key key(Object... parts) {
    return new CoupleTallies.Key(parts);
  }

  /** A row as Spark's sort hands it over: text as UTF8String. */
  private static InternalRow internal(Object... values) {
    Object[] v = values.clone();
    for (int i = 0; i < v.length; i++) {
      v[i] = v[i] instanceof String text ? UTF8String.fromString(text) : v[i];
    }
    return new GenericInternalRow(v);
  }

  private static CoupleTallies.Totals totals(InternalRow... sortedRows) {
    Iterator<CoupleTallies.Totals> it = TALLIES.call(new ArrayList<>(List.of(sortedRows)).iterator());
    CoupleTallies.Totals t = it.next();
    assertFalse(it.hasNext());
    return t;
  }
}
