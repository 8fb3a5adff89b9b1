package org.closer.jobs.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class ScorerCountsTest {
  /** Two scores, partners A and B: marks are (score 1: A, B, score 2: A, B). */
  private static final ScorerCounts COUNTS = new ScorerCounts(List.of("modality", "method"), 2, 2);

  @Test
  void aCoupleWhoseCellsDisagreeOnOneFactorCountsOnceOnTheOthers() {
    Map<List<Object>, long[]> counts = counts(List.of(
        // couple c1 at intake: partner A online, partner B face to face, both EFT
        RowFactory.create("intake", "c1", "online", "EFT", marks(1, 0, 1, 0)),
        RowFactory.create("intake", "c1", "face_to_face", "EFT", marks(0, 1, 0, 0)),
        // couple c2 at intake: both online IBCT, only A gave score 1, nobody score 2
        RowFactory.create("intake", "c2", "online", "IBCT", marks(1, 0, 0, 0)),
        // couple c1 again, at closing: a new (at, couple)
        RowFactory.create("closing", "c1", "online", "EFT", marks(1, 1, 1, 1))));
    // {partners score 1, couples score 1, partners score 2, couples score 2}
    assertArrayEquals(new long[] {3, 2, 1, 1}, counts.get(List.of("intake", "all", "all")));
    assertArrayEquals(new long[] {2, 1, 1, 1}, counts.get(List.of("intake", "method", "EFT")));
    assertArrayEquals(new long[] {2, 2, 1, 1}, counts.get(List.of("intake", "modality", "online")));
    assertArrayEquals(new long[] {1, 1, 0, 0}, counts.get(List.of("intake", "modality", "face_to_face")));
    assertArrayEquals(new long[] {1, 1, 0, 0}, counts.get(List.of("intake", "method", "IBCT")));
    assertArrayEquals(new long[] {2, 1, 2, 1}, counts.get(List.of("closing", "all", "all")));
  }

  @Test
  void aMissingLevelIsALevelOfItsOwn() {
    Map<List<Object>, long[]> counts = counts(List.of(RowFactory.create(3, "c1", null, "EFT", marks(1, 1, 0, 1))));
    assertArrayEquals(new long[] {2, 1, 1, 1}, counts.get(java.util.Arrays.asList(3, "modality", null)));
  }

  @Test
  void marksBeyondSixtyThreeGoToTheNextColumn() {
    ScorerCounts forty = new ScorerCounts(List.of(), 40, 2);
    int mark = 35 * 2 + 1; // score 35, partner B
    assertEquals(2, ScorerCounts.masks(80));
    Iterator<Row> it = forty.call(List.of(RowFactory.create("intake", "c1", 0L, ScorerCounts.bit(mark))).iterator());
    Row all = it.next();
    assertEquals(1L, all.getLong(3 + 2 * 35));
    assertEquals(1L, all.getLong(4 + 2 * 35));
    assertEquals(0L, all.getLong(3 + 2 * 31));
  }

  /** The one mask column of four marks, bit i for mark i. */
  private static long marks(int... given) {
    long mask = 0;
    for (int i = 0; i < given.length; i++) {
      mask |= given[i] == 1 ? ScorerCounts.bit(i) : 0;
    }
    return mask;
  }

  private static Map<List<Object>, long[]> counts(List<Row> sortedRows) {
    Map<List<Object>, long[]> out = new HashMap<>();
    Iterator<Row> it = COUNTS.call(new ArrayList<>(sortedRows).iterator());
    while (it.hasNext()) {
      Row r = it.next();
      out.put(java.util.Arrays.asList(r.get(0), r.get(1), r.get(2)),
          new long[] {r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6)});
    }
    return out;
  }
}
