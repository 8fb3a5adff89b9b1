package org.closer.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.closer.core.UserException;
import org.junit.jupiter.api.Test;

class StudyConfigTest {
  @Test
  void defaultsAndValues() {
    StudyConfig c = StudyConfig.parse("study.yaml", "name: Pilot\nlove_thresholds:\n  tls45: {intimacy: 6.5}\n");
    assertEquals("Pilot", c.name());
    assertEquals(10, c.minCellSize());
    assertEquals(6.5, c.loveThresholds().get("tls45").get("intimacy"));
    assertFalse(c.demoKey());
    assertEquals(StudyConfig.defaults(), StudyConfig.parse("study.yaml", "  \n"), "an empty file means the defaults");
  }

  @Test
  void unknownFieldsAreRefusedWithTheirPlace() {
    UserException e = assertThrows(UserException.class, () -> StudyConfig.parse("study.yaml", "name: Pilot\nmin_cell: 5\n"));
    assertTrue(e.getMessage().startsWith("Cannot read unknown field in study configuration: 'min_cell' ("), e.getMessage());
    assertTrue(e.getMessage().contains("in the top level"), e.getMessage());
    assertThrows(UserException.class, () -> StudyConfig.parse("study.yaml", "min_cell_size: 0\n"));
  }
}
