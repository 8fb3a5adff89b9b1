package org.closer.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CoupleChecksTest {
  private static final Design ROSTER_DESIGN = new Design("online", "EFT", 60, "t");

  private static SurveyRecord survey(String file, long line, String partner, String timepoint, Integer session,
      Design design) {
    return new SurveyRecord(file, line, "north", "p1", partner, timepoint, session, "2024-01", design,
        new double[] {1, 2}, List.of());
  }

  private static RosterRecord roster(String file, long line, Design design) {
    return new RosterRecord(file, line, "north", "p1", design, null, List.of());
  }

  @Test
  void everyRowComesOutOnceAndTheFirstInInputOrderIsKept() {
    SurveyRecord later = survey("b.csv", 2, "A", "intake", null, Design.NONE);
    SurveyRecord first = survey("a.csv", 9, "A", "intake", null, Design.NONE);
    SurveyRecord other = survey("a.csv", 10, "A", "session", 1, Design.NONE);
    CoupleChecks.Result r = CoupleChecks.check(List.of(later, first, other),
        List.of(roster("r.csv", 3, ROSTER_DESIGN), roster("r.csv", 2, ROSTER_DESIGN)));
    assertEquals(3, r.surveys().size());
    assertEquals(2, r.rosters().size());
    assertEquals(List.of("a.csv:9", "a.csv:10", "b.csv:2"),
        r.surveys().stream().map(s -> s.file() + ":" + s.line()).toList());
    assertTrue(r.surveys().get(0).isValid());
    assertEquals(ROSTER_DESIGN, r.surveys().get(0).design());
    assertTrue(r.surveys().get(1).isValid());
    Problem duplicate = r.surveys().get(2).problems().get(0);
    assertEquals(Reason.DUPLICATE_SURVEY, duplicate.reason());
    assertTrue(duplicate.message().contains("already at a.csv, line 9"), duplicate.message());
    assertTrue(r.rosters().get(0).isValid());
    assertEquals(2, r.rosters().get(0).line());
    assertEquals(Reason.DUPLICATE_COUPLE, r.rosters().get(1).problems().get(0).reason());
  }

  @Test
  void aConflictingRowIsNotTheFirstOfItsSurvey() {
    SurveyRecord conflict = survey("a.csv", 2, "B", "closing", null, new Design("face_to_face", null, null, null));
    SurveyRecord good = survey("a.csv", 3, "B", "closing", null, Design.NONE);
    CoupleChecks.Result r = CoupleChecks.check(List.of(conflict, good), List.of(roster("r.csv", 2, ROSTER_DESIGN)));
    assertEquals(Reason.DESIGN_CONFLICT, r.surveys().get(0).problems().get(0).reason());
    assertTrue(r.surveys().get(1).isValid(), "the conflicting row is quarantined, so this one is the survey's row");
  }

  @Test
  void withoutARosterRowsMustCarryTheirDesign() {
    CoupleChecks.Result r = CoupleChecks.check(List.of(survey("a.csv", 2, "A", "intake", null, Design.NONE),
        survey("a.csv", 3, "B", "intake", null, ROSTER_DESIGN)), List.of());
    assertEquals(Reason.MISSING_DESIGN, r.surveys().get(0).problems().get(0).reason());
    assertTrue(r.surveys().get(1).isValid());
  }
}
