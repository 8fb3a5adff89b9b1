package org.closer.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.closer.core.instrument.InstrumentCatalog;
import org.closer.core.privacy.PseudonymKey;
import org.closer.core.privacy.Pseudonymizer;
import org.junit.jupiter.api.Test;

class SurveyValidatorTest {
  private static final InstrumentCatalog CATALOG = InstrumentCatalog.builtIn();
  private static final Pseudonymizer PSEUDONYMS = new Pseudonymizer(PseudonymKey.demo());
  private static final String HEADER =
      "\uFEFFClinic, Couple ,partner,TIMEPOINT,session,month,modality,method,session_minutes,therapist,"
          + "tls45_1,csi16_2,ors_1,remarks";
  private static final String GOOD = "north,Smith-07,A,intake,,2024-03-17,online,EFT,60,dr-who,7,3,";

  private final CsvLines csv = new CsvLines(',');
  private final ColumnLayout layout = ColumnLayout.of(csv.split(HEADER), CATALOG);
  private final SurveyValidator validator = new SurveyValidator("k.csv", layout, CATALOG, PSEUDONYMS);

  private SurveyRecord row(String line) {
    return validator.validate(7, csv.split(line));
  }

  private static String withField(int index, String value) {
    String[] f = (GOOD + ",").split(",", -1);
    f[index] = value;
    return String.join(",", List.of(f).subList(0, 14));
  }

  private static ColumnLayout copied(ColumnLayout layout) {
    try {
      var bytes = new java.io.ByteArrayOutputStream();
      try (var out = new java.io.ObjectOutputStream(bytes)) {
        out.writeObject(layout);
      }
      try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
        return (ColumnLayout) in.readObject();
      }
    } catch (java.io.IOException | ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void headerIsMatchedWithoutCaseSpacesOrByteOrderMark() {
    assertEquals(ColumnLayout.FileKind.SURVEY, layout.kind());
    assertEquals(0, layout.index("clinic"));
    assertEquals(1, layout.index("couple"));
    assertEquals(1, layout.index(new String("couple")), "a name that is not the template's constant");
    assertEquals(-1, layout.index(Template.START_MONTH));
    assertEquals(-1, layout.index("remarks"));
    assertEquals(9, copied(layout).index(Template.THERAPIST), "as an executor reads it, deserialised");
    assertEquals(3, layout.itemCount());
    assertEquals(List.of(), layout.unknownColumns());
    assertEquals(List.of("remarks"), layout.identifierColumns(), "free text is dropped as identifying");
    assertTrue(layout.missingRequired().isEmpty());
  }

  @Test
  void aGoodRowIsReadAndPseudonymised() {
    SurveyRecord r = row(GOOD + ",free text");
    assertTrue(r.isValid(), r.problems().toString());
    assertEquals("north", r.clinic());
    assertEquals(PSEUDONYMS.pseudonym(Pseudonymizer.Kind.COUPLE, "north", "Smith-07"), r.couple());
    assertEquals(32, r.couple().length());
    assertEquals("2024-03", r.month());
    assertEquals("intake", r.timepoint());
    assertNull(r.session());
    assertEquals(new Design("online", "EFT", 60, PSEUDONYMS.pseudonym(Pseudonymizer.Kind.THERAPIST, "north", "dr-who")),
        r.design());
    assertEquals(7.0, r.answers()[CATALOG.itemIndex("tls45_1")]);
    assertEquals(3.0, r.answers()[CATALOG.itemIndex("csi16_2")]);
    assertTrue(Double.isNaN(r.answers()[CATALOG.itemIndex("ors_1")]));
  }

  @Test
  void categoriesAreReadWithoutCase() {
    assertTrue(row("north,x,b,follow-up,,2024-03,face to face,EFT,45,,1,1,,").isValid());
    SurveyRecord r = row("north,x,b,Intake,,2024-03,Face-To-Face,eft,45.0,,1,1,,");
    assertTrue(r.isValid(), r.problems().toString());
    assertEquals("B", r.partner());
    assertEquals("face_to_face", r.design().modality());
    assertEquals("EFT", r.design().method());
    assertEquals(45, r.design().sessionMinutes());
    assertNull(r.design().therapist());
  }

  @Test
  void eachRuleGivesItsReason() {
    assertReason(withField(2, ""), Reason.MISSING_FIELD, "partner");
    assertReason(withField(0, ""), Reason.MISSING_FIELD, "clinic");
    assertReason(withField(6, "hybrid"), Reason.BAD_CATEGORY, "modality");
    assertReason(withField(7, "psychoanalysis"), Reason.BAD_CATEGORY, "method");
    assertReason(withField(8, "50"), Reason.BAD_CATEGORY, "session_minutes");
    assertReason(withField(3, "midway"), Reason.BAD_CATEGORY, "timepoint");
    assertReason(withField(4, "2"), Reason.BAD_SESSION, "session");
    assertReason(withField(5, "2024-13"), Reason.BAD_MONTH, "month");
    assertReason(withField(5, "31.02.2024"), Reason.BAD_MONTH, "month");
    assertReason(withField(10, "seven"), Reason.NOT_A_NUMBER, "tls45_1");
    assertReason(withField(10, "10"), Reason.ITEM_OUT_OF_RANGE, "tls45_1");
    assertReason(withField(10, "6.5"), Reason.ITEM_OUT_OF_RANGE, "tls45_1");
    assertReason(withField(2, "C"), Reason.TOO_MANY_PARTNERS, "partner");
    assertReason(GOOD, Reason.MALFORMED_ROW, null);
    assertReason(GOOD + ",\"unclosed", Reason.MALFORMED_ROW, null);
  }

  @Test
  void aRowOfEmptyFieldsIsOneProblemWhateverItsWidth() {
    for (String empty : List.of(",".repeat(13), ",,  ,", "\"\",,,,,,,,,,,,,")) {
      SurveyRecord r = row(empty);
      assertEquals(List.of(Reason.EMPTY_ROW), r.problems().stream().map(Problem::reason).toList(), empty);
      assertTrue(r.problems().get(0).message().startsWith("Cannot accept a row whose every field is empty (k.csv, line 7)."),
          r.problems().get(0).message());
    }
  }

  @Test
  void naIsAnEmptyFieldInEveryColumnAsRWritesIt() {
    SurveyRecord r = row("north,x,A,intake,NA,2024-03,online,EFT,60,na,7,NA,Na,");
    assertTrue(r.isValid(), r.problems().toString());
    assertNull(r.session());
    assertNull(r.design().therapist());
    assertTrue(Double.isNaN(r.answers()[CATALOG.itemIndex("csi16_2")]));
    SurveyRecord design = row("north,x,A,intake,,2024-03,NA,NA,NA,,7,,,");
    assertTrue(design.isValid(), "design may come from a roster: " + design.problems());
    assertEquals(new Design(null, null, null, null), design.design());
    assertReason(withField(1, "NA"), Reason.MISSING_FIELD, "couple");
    assertReason(String.format("north,x,A,session,%s,2024-03,online,EFT,60,,,,7.5,", "NA"), Reason.BAD_SESSION,
        "session");
    RosterRecord roster = new RosterValidator("r.csv",
        ColumnLayout.of(csv.split("clinic,couple,modality,method,session_minutes,therapist,start_month"), CATALOG),
        PSEUDONYMS).validate(2, csv.split("north,x,online,IBCT,90,NA,NA"));
    assertTrue(roster.isValid(), roster.problems().toString());
    assertNull(roster.startMonth());
    assertNull(roster.design().therapist());
  }

  @Test
  void sessionSurveysNeedAPositiveSessionNumber() {
    String session = "north,x,A,session,%s,2024-03,online,EFT,60,,,,7.5,";
    assertTrue(row(String.format(session, "3")).isValid());
    assertEquals(3, row(String.format(session, "3")).session());
    assertEquals(7.5, row(String.format(session, "3")).answers()[CATALOG.itemIndex("ors_1")]);
    assertReason(String.format(session, ""), Reason.BAD_SESSION, "session");
    assertReason(String.format(session, "0"), Reason.BAD_SESSION, "session");
    assertReason(String.format(session, "2.5"), Reason.BAD_SESSION, "session");
  }

  @Test
  void messagesNameFileLineColumnValueAndWhatToDo() {
    SurveyRecord r = row(withField(10, "12"));
    Problem p = r.problems().get(0);
    assertEquals("12", p.value());
    assertEquals("Cannot accept answer: '12' (k.csv, line 7, column tls45_1). "
        + "Use a whole number from 1 to 9, or leave it empty when not answered.", p.message());
  }

  @Test
  void everyProblemOfARowIsListedAndIdentifiersAreNeverShown() {
    SurveyRecord r = row("north,Smith-07,Z,intake,,never,online,EFT,60,dr-who,0,9,,");
    assertFalse(r.isValid());
    assertEquals(List.of(Reason.TOO_MANY_PARTNERS, Reason.BAD_MONTH, Reason.ITEM_OUT_OF_RANGE, Reason.ITEM_OUT_OF_RANGE),
        r.problems().stream().map(Problem::reason).toList());
    for (Problem p : r.problems()) {
      assertFalse(p.message().contains("Smith-07"), p.message());
      assertFalse(p.message().contains("dr-who"), p.message());
    }
    SurveyRecord noCouple = row(withField(1, ""));
    assertEquals(Reason.MISSING_FIELD, noCouple.problems().get(0).reason());
    assertNull(noCouple.problems().get(0).value());
  }

  @Test
  void aFileWithoutARequiredColumnQuarantinesEveryRow() {
    ColumnLayout noPartner = ColumnLayout.of(csv.split("clinic,couple,timepoint,month,tls45_1"), CATALOG);
    assertEquals(List.of("partner"), noPartner.missingRequired());
    SurveyRecord r = new SurveyValidator("k.csv", noPartner, CATALOG, PSEUDONYMS)
        .validate(2, csv.split("north,x,intake,2024-03,5"));
    assertEquals(Reason.MISSING_COLUMN, r.problems().get(0).reason());
  }

  @Test
  void identifyingValuesAreNeverRepeated() {
    SurveyRecord email = row(withField(6, "anna@example.se"));
    Problem p = email.problems().get(0);
    assertEquals(Reason.PII_VALUE, p.reason());
    assertNull(p.value());
    assertFalse(p.message().contains("anna"), p.message());
    SurveyRecord clinic = row(withField(0, "070-123 45 67"));
    assertEquals(Reason.BAD_CLINIC, clinic.problems().get(0).reason());
    assertNull(clinic.clinic(), "a clinic that is not a code is never written");
    assertNull(clinic.problems().get(0).value());
    Problem name = row(withField(0, "Dr Svensson's practice")).problems().get(0);
    assertEquals(Reason.BAD_CLINIC, name.reason());
    assertFalse(name.message().contains("Svensson"), name.message());
  }

  @Test
  void aSemicolonFileIsToldWhatToDo() {
    ColumnLayout semicolons = ColumnLayout.of(csv.split("clinic;couple;partner;timepoint;month"), CATALOG);
    assertEquals(';', semicolons.otherSeparator());
    SurveyRecord r = new SurveyValidator("k.csv", semicolons, CATALOG, PSEUDONYMS).validate(2, csv.split("n;c;A;intake;2024-01"));
    assertEquals(Reason.MISSING_COLUMN, r.problems().get(0).reason());
    assertTrue(r.problems().get(0).message().endsWith("save the export as comma-separated CSV (the study's template)."),
        r.problems().get(0).message());
    assertEquals(0, layout.otherSeparator());
  }

  @Test
  void aRosterIsToldFromItsHeader() {
    ColumnLayout roster = ColumnLayout.of(csv.split("clinic,couple,modality,method,session_minutes,therapist,start_month"),
        CATALOG);
    assertEquals(ColumnLayout.FileKind.ROSTER, roster.kind());
    RosterRecord r = new RosterValidator("r.csv", roster, PSEUDONYMS).validate(2, csv.split("north,x,online,IBCT,90,t1,2024-01-05"));
    assertTrue(r.isValid());
    assertEquals("2024-01", r.startMonth());
    assertEquals("IBCT", r.design().method());
    RosterRecord bad = new RosterValidator("r.csv", roster, PSEUDONYMS).validate(3, csv.split("north,x,online,IBCT,50,t1,"));
    assertEquals(Reason.BAD_CATEGORY, bad.problems().get(0).reason());
  }

  private void assertReason(String line, Reason reason, String column) {
    SurveyRecord r = row(line);
    assertFalse(r.isValid(), line);
    Problem first = r.problems().get(0);
    assertEquals(reason, first.reason(), first.message());
    assertEquals(column, first.column(), first.message());
    assertTrue(first.message().startsWith("Cannot "), first.message());
    assertTrue(first.message().contains("k.csv, line 7"), first.message());
  }

  @Test
  void answersAreReadAsTheGeneralParserReadsThem() {
    for (String t : new String[] {"0", "7", "9", "10", "4.5", "4,5", "-1,25", "1e0", "+3", "07", "-0", "-0.0", "5.",
        ".5", "0.1", "0.3", "123456789012345", "1234567890123456", "0.000000000000001", "9.99999999999999",
        "12345678.9012345678", "00000000000000000007"}) {
      assertEquals(Double.parseDouble(t.replace(',', '.')), SurveyValidator.number(t), t);
    }
    // Every plain decimal of up to 15 digits, read to the same bits as the general parser reads it.
    java.util.Random random = new java.util.Random(7);
    for (int k = 0; k < 200_000; k++) {
      int digits = 1 + random.nextInt(15);
      StringBuilder t = new StringBuilder(random.nextInt(4) == 0 ? "-" : "");
      int point = random.nextInt(3) == 0 ? -1 : 1 + random.nextInt(digits);
      for (int d = 0; d < digits; d++) {
        t.append(d == point ? (random.nextBoolean() ? "." : ",") : "").append((char) ('0' + random.nextInt(10)));
      }
      String s = t.toString();
      assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s.replace(',', '.'))),
          Double.doubleToRawLongBits(SurveyValidator.number(s)), s);
    }
    for (String t : new String[] {"x", "4,5,6", "1,", ",5", "four"}) {
      org.junit.jupiter.api.Assertions.assertThrows(NumberFormatException.class, () -> SurveyValidator.number(t), t);
    }
  }
}
