package org.closer.core.ingest.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.closer.core.UserException;
import org.closer.core.ingest.FileCheck;
import org.closer.core.ingest.Reason;
import org.closer.core.instrument.InstrumentCatalog;
import org.junit.jupiter.api.Test;

class ExportHeaderTest {
  private static final InstrumentCatalog CATALOG = InstrumentCatalog.builtIn();
  static final Path FORMATS = Path.of("..", "data-samples", "formats");

  private static ExportFormat sniff(Path file) throws IOException {
    return ExportHeader.sniff(file.toString(), Files.readAllBytes(file));
  }

  private static ExportHeader header(String text, ExportMapping mapping) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return ExportHeader.read("x.csv", bytes, () -> new ByteArrayInputStream(bytes), mapping, List.of(), CATALOG);
  }

  @Test
  void eachToolIsToldFromItsSignatureNotItsName() throws IOException {
    try (Stream<Path> files = Files.walk(FORMATS)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
        String folder = FORMATS.relativize(f).getName(0).toString();
        ExportFormat expected = f.getFileName().toString().contains("DataDictionary") ? ExportFormat.REDCAP_DICTIONARY
            : ExportFormat.valueOf(folder.toUpperCase(java.util.Locale.ROOT));
        assertEquals(expected, sniff(f), f.toString());
      }
    }
  }

  @Test
  void anUnknownFormatIsRefusedWithWhatIsAcceptedAndWhatWasSeen() {
    UserException e = assertThrows(UserException.class,
        () -> header("Name,Age,Answer 1\nAnna Berg,41,5\n", ExportMapping.NONE));
    assertTrue(e.getMessage().startsWith("Cannot read export of unknown format: 'Name, Age, Answer 1' (x.csv)."),
        e.getMessage());
    assertTrue(e.getMessage().contains("Qualtrics CSV") && e.getMessage().contains("REDCap raw CSV")
        && e.getMessage().contains("SurveyMonkey") && e.getMessage().contains("LimeSurvey")
        && e.getMessage().contains("mapping"), e.getMessage());
  }

  @Test
  void workbooksAndRedcapLabelExportsAreRefusedWithWhatToDo() throws IOException {
    UserException labels = assertThrows(UserException.class,
        () -> header("Record ID,Event Name,Repeat Instrument,Partner\n1,Intake (Arm 1),,A\n", ExportMapping.NONE));
    assertTrue(labels.getMessage().startsWith("Cannot read a REDCap export with labels (x.csv). Export the raw data"),
        labels.getMessage());
    Path workbook = Files.createTempDirectory("closer-xlsx").resolve("export.xlsx");
    Files.write(workbook, new byte[] {'P', 'K', 3, 4, 0, 0});
    UserException e = assertThrows(UserException.class, () -> new FileCheck(CATALOG).check(List.of(workbook)));
    assertTrue(e.getMessage().startsWith("Cannot read a workbook or statistics file (export.xlsx). Export the survey as CSV"),
        e.getMessage());
  }

  @Test
  void emptyFilesAndRedcapWithoutItsDictionaryAreRefused() {
    assertTrue(assertThrows(UserException.class, () -> header("\n\n", ExportMapping.NONE)).getMessage()
        .startsWith("Cannot read empty file (x.csv)."));
    UserException e = assertThrows(UserException.class,
        () -> header("record_id,redcap_event_name,tls45_1\n1,intake_arm_1,5\n", ExportMapping.NONE));
    assertTrue(e.getMessage().contains("without its data dictionary"), e.getMessage());
  }

  @Test
  void aMappingThatNamesNoTemplateColumnIsRefusedWithItsPlace() {
    ExportMapping m = ExportMapping.parse("m.yaml", "columns:\n  Q1: couple_id\n");
    UserException e = assertThrows(UserException.class, () -> header("Q1,partner\nK1,A\n", m));
    assertTrue(e.getMessage().startsWith("Cannot map to: 'couple_id' (x.csv's mapping, columns.Q1)."), e.getMessage());
    UserException unknown = assertThrows(UserException.class, () -> ExportMapping.parse("m.yaml", "colums:\n  Q1: couple\n"));
    assertTrue(unknown.getMessage().contains("colums") && unknown.getMessage().contains("columns"), unknown.getMessage());
  }

  @Test
  void redcapEventsUsDatesAndQualtricsStatusesRead() {
    ValueRule events = new ValueRule(ValueRule.Kind.EVENT, java.util.Set.of(), java.util.Map.of(),
        java.util.Map.of("week_arm_2", "session"));
    assertEquals(new ValueRule.Event("session", "3"), events.event("session_3_arm_1"));
    assertEquals("intake", events.apply("baseline_arm_1"));
    assertEquals("followup", events.apply("follow_up_arm_1"));
    assertEquals("session", events.apply("week_arm_2"));
    assertEquals("screening_arm_1", events.apply("screening_arm_1"), "an unknown event is reported as it is");
    ValueRule dates = new ValueRule(ValueRule.Kind.US_DATE, java.util.Set.of("-99"), java.util.Map.of(), java.util.Map.of());
    assertEquals("2026-03", dates.apply("03/04/2026 10:22:13 AM"));
    assertEquals("2026-12", dates.apply("12/31/2026"));
    assertEquals("", dates.apply("-99"));
    assertEquals("2026-03-04 10:22:13", dates.apply("2026-03-04 10:22:13"), "ISO dates pass to the month parser");
    ValueRule status = new ValueRule(ValueRule.Kind.STATUS, java.util.Set.of(), java.util.Map.of(), java.util.Map.of());
    assertEquals("", status.apply("0"));
    assertEquals("preview", status.apply("Survey Preview"));
    assertEquals("spam", status.apply("8"));
  }

  @Test
  void aRedcapEventOfNoKnownTimepointIsToldToTheMapping(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    try (var files = Files.list(FORMATS.resolve("redcap"))) {
      for (Path f : files.toList()) {
        Files.writeString(dir.resolve(f.getFileName()), Files.readString(f).replace("closing_arm_1", "post_arm_1"));
      }
    }
    FileCheck.Result r = new FileCheck(CATALOG).check(List.of(dir.resolve("CouplesStudy_DATA_2026-11-20_1012.csv")));
    assertTrue(!r.findings().isEmpty());
    for (FileCheck.Finding f : r.findings()) {
      assertEquals(Reason.BAD_CATEGORY, f.problem().reason(), f.problem().message());
      assertTrue(f.problem().message().endsWith("Use one of intake, session, closing, followup; or give the event's"
          + " timepoint in the mapping file, for example events: {post_arm_1: session}."), f.problem().message());
    }
  }

  @Test
  void problemsNameTheLineTheRecordStartsOnThoughRecordsSpanLines() throws IOException {
    Path file = FORMATS.resolve("qualtrics/long/Couples long survey_November 20, 2026_10.12.csv");
    FileCheck.Result r = new FileCheck(CATALOG).check(List.of(file));
    assertEquals(1, r.findings().size());
    FileCheck.Finding preview = r.findings().get(0);
    assertEquals(Reason.NOT_A_RESPONSE, preview.problem().reason());
    String line = Files.readAllLines(file).get((int) preview.line() - 1);
    assertTrue(line.contains(",preview,"), "line " + preview.line() + " is the preview's first line: " + line);
    assertEquals(11, r.files().get(0).rows());
  }
}
