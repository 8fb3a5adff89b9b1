package org.closer.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.closer.core.UserException;
import org.junit.jupiter.api.Test;

class ExportBatchesTest {
  private static ExportBatches.Upload u(String name, String sha) {
    return new ExportBatches.Upload(name, sha);
  }

  @Test
  void theToolsExportStampsAreNotPartOfTheSlot() {
    assertEquals("c07/intake.csv", ExportBatches.version("c07/Intake_November 20, 2026_10.12.csv").slot());
    assertEquals("couplesstudy_data.csv", ExportBatches.version("CouplesStudy_DATA_2026-11-20_1012.csv").slot());
    assertEquals("export.csv", ExportBatches.version("export (2).csv").slot());
    assertEquals(2, ExportBatches.version("export (2).csv").copy());
    assertEquals("export.csv", ExportBatches.version("export-v3.csv").slot());
    assertEquals("clinic-c01.csv", ExportBatches.version("clinic-c01.csv").slot());
    assertEquals("2026-11", ExportBatches.version("2026-11.csv").slot().replace(".csv", ""), "a name that is only a date");
  }

  @Test
  void theSameBytesTwiceAddNothingAndTheNewestExportReplacesItsSlot() {
    List<ExportBatches.Decision> d = ExportBatches.decide(List.of(
        u("c07/Intake_November 20, 2026_10.12.csv", "a"),
        u("c07/Intake_November 22, 2026_09.01.csv", "b"),
        u("c07/Sessions_November 20, 2026_10.14.csv", "c"),
        u("c08/Intake_November 20, 2026_10.12.csv", "a"),
        u("c08/export.csv", "d"),
        u("c08/export-corrected.csv", "e")));
    assertEquals("c07/Intake_November 22, 2026_09.01.csv", d.get(0).replacedBy());
    assertTrue(d.get(1).read() && d.get(2).read());
    assertEquals("c07/Intake_November 20, 2026_10.12.csv", d.get(3).sameAs());
    assertEquals("c08/export-corrected.csv", d.get(4).replacedBy());
    assertNull(d.get(5).replacedBy());
  }

  @Test
  void twoExportsThatCannotBeOrderedAreRefused() {
    UserException e = assertThrows(UserException.class, () -> ExportBatches.decide(List.of(
        u("export_2026-11-20.csv", "a"), u("export-2026-11-20.csv", "b"))));
    assertTrue(e.getMessage().startsWith("Cannot tell which export replaces the other (export_2026-11-20.csv and"
        + " export-2026-11-20.csv)."), e.getMessage());
  }
}
