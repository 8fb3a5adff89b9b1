package org.closer.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.closer.core.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyConfigTest {
  @Test
  void defaultsAndValues(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("study.yaml");
    Files.writeString(file, "name: Pilot\nlove_thresholds:\n  tls45: {intimacy: 6.5}\n");
    StudyConfig c = StudyConfig.load(file);
    assertEquals("Pilot", c.name());
    assertEquals(10, c.minCellSize());
    assertEquals(6.5, c.loveThresholds().get("tls45").get("intimacy"));
    assertFalse(c.demoKey());
  }

  @Test
  void unknownFieldsAreRefusedWithTheirPlace(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("study.yaml");
    Files.writeString(file, "name: Pilot\nmin_cell: 5\n");
    UserException e = assertThrows(UserException.class, () -> StudyConfig.load(file));
    assertTrue(e.getMessage().startsWith("Cannot read unknown field in study configuration: 'min_cell' ("), e.getMessage());
    assertTrue(e.getMessage().contains("in the top level"), e.getMessage());
    Files.writeString(file, "min_cell_size: 0\n");
    assertThrows(UserException.class, () -> StudyConfig.load(file));
  }
}
