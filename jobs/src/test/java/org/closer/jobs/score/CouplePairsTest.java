package org.closer.jobs.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

class CouplePairsTest {
  /** Design: modality (text), session_minutes (int); two scores. */
  private static final DataType[] DESIGN = {DataTypes.StringType, DataTypes.IntegerType};

  @Test
  void bothPartnersOfASurveyMakeOneCoupleRowWhereverTheyStandInTheirCouplesRun() {
    List<InternalRow> rows = List.of(
        row("k1", "c1", "intake", null, "A", "online", 60, 4.0, 1.0),
        row("k1", "c1", "session", 1, "A", "online", 60, 3.0, null),
        row("k1", "c1", "intake", null, "B", "face_to_face", 45, 2.0, null),
        row("k1", "c1", "session", 1, "B", "online", 60, null, null));
    List<InternalRow> pairs = walk(rows, CouplePairs.Yield.PAIRS);
    assertEquals(2, pairs.size());
    InternalRow intake = pairs.get(0);
    assertEquals("intake", intake.getUTF8String(2).toString());
    assertTrue(intake.isNullAt(3));
    assertEquals("face_to_face", intake.getUTF8String(4).toString(), "the smaller value where partners disagree");
    assertEquals(45, intake.getInt(5));
    assertEquals(2, intake.getInt(6));
    assertTrue(intake.getBoolean(7));
    assertEquals(3.0, intake.getDouble(8));
    assertEquals(2.0, intake.getDouble(9));
    assertEquals(1.0, intake.getDouble(10), "the one answer is the couple's mean");
    assertTrue(intake.isNullAt(11), "no discrepancy without both answers");
    InternalRow session = pairs.get(1);
    assertEquals(1, session.getInt(3));
    assertEquals(3.0, session.getDouble(8));
    assertTrue(session.isNullAt(9));
    assertTrue(session.isNullAt(10));
    assertTrue(walk(rows, CouplePairs.Yield.UNPAIRED).isEmpty());
  }

  @Test
  void aPartnerAloneOrCutOffFromTheOtherByAnotherCoupleIsLeftForTheSecondWalk() {
    List<InternalRow> rows = List.of(
        row("k1", "c1", "intake", null, "A", "online", 60, 4.0, 1.0),
        row("k1", "c2", "intake", null, "A", "online", 60, 1.0, 1.0),
        row("k1", "c1", "intake", null, "B", "online", 60, 2.0, 1.0),
        // same couple code at another clinic is another couple
        row("k2", "c1", "closing", null, "A", "online", 60, 5.0, 1.0),
        row("k1", "c1", "closing", null, "B", "online", 60, 5.0, 1.0));
    assertTrue(walk(rows, CouplePairs.Yield.PAIRS).isEmpty());
    List<InternalRow> left = walk(rows, CouplePairs.Yield.UNPAIRED);
    assertEquals(rows.size(), left.size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(rows.get(i).getUTF8String(4), left.get(i).getUTF8String(4));
      assertEquals(rows.get(i).getDouble(7), left.get(i).getDouble(7));
    }
  }

  @Test
  void theSecondWalkMakesEverySurveyACoupleRowAndOneOfAPartnerAlone() {
    List<InternalRow> rows = List.of(
        row("k1", "c1", "intake", null, "A", "online", 60, 4.0, 1.0),
        row("k1", "c1", "intake", null, "B", "online", 90, 2.0, 3.0),
        row("k1", "c1", "closing", null, "B", null, 60, 5.0, null));
    List<InternalRow> all = walk(rows, CouplePairs.Yield.ALL);
    assertEquals(2, all.size());
    assertEquals(60, all.get(0).getInt(5));
    assertEquals(2.0, all.get(0).getDouble(11));
    InternalRow alone = all.get(1);
    assertEquals("closing", alone.getUTF8String(2).toString());
    assertTrue(alone.isNullAt(4));
    assertEquals(1, alone.getInt(6));
    assertFalse(alone.getBoolean(7));
    assertEquals(5.0, alone.getDouble(8));
    assertNull(alone.isNullAt(9) ? null : alone.getDouble(9));
    assertTrue(alone.isNullAt(10));
  }

  @Test
  void aCoupleRowHasTheTypeOfCoupleScores() {
    var partner = DataTypes.createStructType(List.of(
        DataTypes.createStructField("clinic", DataTypes.StringType, false),
        DataTypes.createStructField("couple", DataTypes.StringType, false),
        DataTypes.createStructField("timepoint", DataTypes.StringType, false),
        DataTypes.createStructField("session", DataTypes.IntegerType, true),
        DataTypes.createStructField("partner", DataTypes.StringType, false),
        DataTypes.createStructField("modality", DataTypes.StringType, true),
        DataTypes.createStructField("session_minutes", DataTypes.IntegerType, false),
        DataTypes.createStructField("s1", DataTypes.DoubleType, true),
        DataTypes.createStructField("s2", DataTypes.DoubleType, true)));
    assertEquals(List.of("clinic", "couple", "timepoint", "session", "modality", "session_minutes", "partners",
        "both_answered", "s1_mean", "s1_discrepancy", "s2_mean", "s2_discrepancy"),
        List.of(CouplePairs.coupleType(partner, List.of("s1", "s2")).fieldNames()));
  }

  @Test
  void aWalkReadsEachColumnWhereItsRowsHoldIt() {
    List<InternalRow> rows = List.of(
        row("k1", "c1", "intake", null, "A", "online", 60, 4.0, 1.0),
        row("k1", "c1", "intake", null, "B", "face_to_face", 45, 2.0, null),
        row("k1", "c2", "session", 2, "B", "online", 60, 3.0, 5.0));
    // As a scores row holds them: partner third, a count after each score, a column of its own last.
    List<InternalRow> scoresLike = new ArrayList<>();
    for (InternalRow r : rows) {
      scoresLike.add(new GenericInternalRow(new Object[] {r.get(0, DataTypes.StringType),
          r.get(1, DataTypes.StringType), r.get(4, DataTypes.StringType), r.get(2, DataTypes.StringType),
          r.isNullAt(3) ? null : r.getInt(3), r.get(5, DataTypes.StringType), r.getInt(6),
          r.isNullAt(7) ? null : r.getDouble(7), 9, r.isNullAt(8) ? null : r.getDouble(8), 9, text("x")}));
    }
    List<InternalRow> out = new ArrayList<>();
    new CouplePairs(scoresLike.iterator(), CouplePairs.Yield.ALL, DESIGN, 2, new int[] {0, 1, 3, 4, 2, 5, 6, 7, 9})
        .forEachRemaining(r -> out.add(r.copy()));
    assertEquals(walk(rows, CouplePairs.Yield.ALL), out);
  }

  private static List<InternalRow> walk(List<InternalRow> rows, CouplePairs.Yield yield) {
    List<InternalRow> out = new ArrayList<>();
    new CouplePairs(rows.iterator(), yield, DESIGN, 2, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8})
        .forEachRemaining(r -> out.add(r.copy()));
    return out;
  }

  private static InternalRow row(String clinic, String couple, String timepoint, Integer session, String partner,
      String modality, int minutes, Double score1, Double score2) {
    return new GenericInternalRow(new Object[] {text(clinic), text(couple), text(timepoint), session, text(partner),
        text(modality), minutes, score1, score2});
  }

  private static UTF8String text(String s) {
    return s == null ? null : UTF8String.fromString(s);
  }
}
