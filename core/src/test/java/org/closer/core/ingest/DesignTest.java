package org.closer.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DesignTest {
  private static final Design ROSTER = new Design("online", "EFT", 60, "t1");

  @Test
  void theRosterFillsWhatTheRowLacks() {
    Design.Merged m = Design.merge(new Design(null, "EFT", null, null), ROSTER, "f.csv", 3);
    assertNull(m.problem());
    assertEquals(ROSTER, m.design());
  }

  @Test
  void aRowThatContradictsTheRosterIsAConflict() {
    Design.Merged m = Design.merge(new Design("face_to_face", "EFT", 90, null), ROSTER, "f.csv", 3);
    assertEquals(Reason.DESIGN_CONFLICT, m.problem().reason());
    assertEquals("modality", m.problem().column());
    assertTrue(m.problem().message().contains("'modality, session_minutes' (f.csv, line 3, column modality)"),
        m.problem().message());
  }

  @Test
  void withoutRowValuesOrRosterTheDesignIsMissing() {
    Design.Merged m = Design.merge(new Design("online", null, null, null), null, "f.csv", 3);
    assertEquals(Reason.MISSING_DESIGN, m.problem().reason());
    assertEquals("method", m.problem().column());
    assertNull(Design.merge(ROSTER, null, "f.csv", 3).problem());
  }
}
