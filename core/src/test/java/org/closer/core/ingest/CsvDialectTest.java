package org.closer.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvDialectTest {
  @Test
  void theTemplateIsUtf8WithCommas() {
    assertEquals(CsvDialect.TEMPLATE, CsvDialect.detect("clinic,couple,partner\nn,c,A\n".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void spreadsheetsFromEuropeanPcsAreRecognised() {
    byte[] bom = "\uFEFFclinic;couple;partner;\"a;b\"\r\nn;c;A;x\r\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(new CsvDialect("UTF-8", ';'), CsvDialect.detect(bom));
    int header = 3 + "clinic;couple;partner;\"a;b\"".length(); // the byte-order mark is 3 bytes
    assertEquals("clinic;couple;partner;\"a;b\"", CsvDialect.detect(bom).decode(bom, header));
    assertEquals('\t', CsvDialect.detect("clinic\tcouple\tnotes, more\n".getBytes(StandardCharsets.UTF_8)).delimiter());
    byte[] latin = "clinic;couple;anteckning\nn;c;Gärna på måndag\n".getBytes(Charset.forName("windows-1252"));
    CsvDialect windows = CsvDialect.detect(latin);
    assertEquals(new CsvDialect("windows-1252", ';'), windows);
    assertEquals("n;c;Gärna på måndag", windows.decode(latin, latin.length - 1).substring(25));
  }

  @Test
  void excelsUnicodeTextIsUtf16AfterItsByteOrderMark() {
    String text = "\uFEFFclinic\tcouple\tanteckning\r\nn\tc\tpå måndag\r\n";
    byte[] little = text.getBytes(StandardCharsets.UTF_16LE);
    CsvDialect dialect = CsvDialect.detect(little);
    assertEquals(new CsvDialect("UTF-16LE", '\t'), dialect);
    assertEquals("clinic\tcouple\tanteckning", dialect.decode(little, 2 * (1 + "clinic\tcouple\tanteckning".length())));
    assertFalse(dialect.newlineBytes(), "a UTF-16 file cannot be cut into lines at newline bytes");
    assertEquals(new CsvDialect("UTF-16BE", '\t'), CsvDialect.detect(text.getBytes(StandardCharsets.UTF_16BE)));
    assertTrue(CsvDialect.TEMPLATE.newlineBytes());
  }

  @Test
  void aUtf8CharacterCutAtTheEndOfTheSampleIsStillUtf8() {
    byte[] full = "clinic,notes\nn,på".getBytes(StandardCharsets.UTF_8);
    byte[] cut = java.util.Arrays.copyOf(full, full.length - 1);
    assertEquals("UTF-8", CsvDialect.detect(cut).charset());
  }

  @Test
  void excelsSeparatorHintNamesTheSeparator() {
    // the hint overrules the count: this header has more commas than semicolons
    assertEquals(new CsvDialect("UTF-8", ';'),
        CsvDialect.detect("\uFEFFsep=;\r\nclinic;couple;\"a,b,c\";x,y,z\r\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals('\t', CsvDialect.detect("SEP=\t\nclinic,couple,partner\n".getBytes(StandardCharsets.UTF_8)).delimiter());
    assertEquals(',', CsvDialect.separatorHint("\"sep=,\"\r"));
    assertEquals(0, CsvDialect.separatorHint("sep=;;"));
    assertEquals(0, CsvDialect.separatorHint("clinic"));
  }
}
