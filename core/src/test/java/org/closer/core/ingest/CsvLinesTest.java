package org.closer.core.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lines without quotes are cut directly; they must come out exactly as univocity's parser gives them. */
class CsvLinesTest {
  private static final String ALPHABET = "ab1 ,;\t#_-.\u00e9";

  @Test
  void unquotedLinesSplitAsTheParserSplitsThem() {
    Random random = new Random(42);
    for (char delimiter : new char[] {',', ';', '\t'}) {
      CsvLines csv = new CsvLines(delimiter);
      for (int n = 0; n < 20_000; n++) {
        StringBuilder line = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
          line.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        if (line.toString().isBlank()) {
          continue; // blank lines are skipped before splitting
        }
        assertArrayEquals(csv.parsed(line.toString()), csv.split(line.toString()), "'" + line + "'");
      }
    }
  }

  @Test
  void tooManyColumnsIsMalformedEitherWay() {
    CsvLines csv = new CsvLines(',');
    String line = "1,".repeat(CsvLines.MAX_COLUMNS);
    assertNull(csv.split(line));
    assertNull(csv.parsed(line));
  }

  @Test
  void aRowOfEmptyFieldsIsEmptyAndOneValueIsEnough() {
    CsvLines csv = new CsvLines(';');
    assertTrue(CsvLines.isEmptyRow(csv.split(";;; ;")));
    assertTrue(CsvLines.isEmptyRow(csv.split("\"\";;\"\"")));
    assertFalse(CsvLines.isEmptyRow(csv.split(";;c01;")));
    assertFalse(CsvLines.isEmptyRow(null), "a malformed line is no empty row: it is quarantined");
    CsvLines tabs = new CsvLines('\t');
    assertTrue(tabs.isBlank(" \r") && csv.isBlank(""));
    assertFalse(tabs.isBlank("\t\t\r"), "a line of separators is a row, tabs as well");
    assertFalse(csv.isBlank(" ;"));
  }
}
