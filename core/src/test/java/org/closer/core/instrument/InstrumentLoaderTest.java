package org.closer.core.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.closer.core.UserException;
import org.junit.jupiter.api.Test;

class InstrumentLoaderTest {
  private static final String VALID = """
      {"id": "demo", "name": "Demo", "source": "A paper (2020).",
       "items": [{"numbers": "1-4", "min": 1, "max": 5}],
       "reverse_keyed": [4],
       "subscales": [{"name": "total", "items": "1-4", "scoring": "sum"}]}
      """;

  @Test
  void builtInCatalogHasTheSixInstrumentsOfTheReference() {
    InstrumentCatalog catalog = InstrumentCatalog.builtIn();
    assertEquals(List.of("csi16", "csi4", "ors", "srs", "tls15", "tls45"),
        catalog.instruments().stream().map(Instrument::id).toList());
    Instrument tls45 = catalog.instrument("tls45").orElseThrow();
    assertEquals(45, tls45.items().size());
    assertEquals(List.of("tls45_intimacy", "tls45_passion", "tls45_commitment"),
        tls45.subscales().stream().map(Subscale::column).toList());
    assertEquals(16, tls45.subscale("passion").orElseThrow().items().get(0).number());
    Instrument csi16 = catalog.instrument("csi16").orElseThrow();
    assertEquals(6, csi16.items().get(0).max());
    assertTrue(csi16.items().get(1).reverse());
    assertFalse(csi16.items().get(2).reverse());
    assertEquals(51.5, csi16.subscales().get(0).cutoff().value());
    assertEquals(81, csi16.subscales().get(0).maxScore());
    assertEquals(21, catalog.instrument("csi4").orElseThrow().subscales().get(0).maxScore());
    assertEquals(1, catalog.instrument("ors").orElseThrow().items().get(0).decimals());
    assertEquals(List.of("tls15", "tls45"), catalog.loveInstruments().stream().map(Instrument::id).toList());
  }

  @Test
  void twentyPercentRuleRoundsDown() {
    InstrumentCatalog catalog = InstrumentCatalog.builtIn();
    assertEquals(3, catalog.instrument("tls45").orElseThrow().subscales().get(0).maxMissing()); // 15 items
    assertEquals(3, catalog.instrument("csi16").orElseThrow().subscales().get(0).maxMissing()); // 16 items: 3.2
    assertEquals(1, catalog.instrument("tls15").orElseThrow().subscales().get(0).maxMissing()); // 5 items
    assertEquals(0, catalog.instrument("csi4").orElseThrow().subscales().get(0).maxMissing()); // 4 items: 0.8
  }

  @Test
  void readsAValidFile() {
    Instrument demo = InstrumentLoader.parse("demo.json", VALID);
    assertEquals(4, demo.items().size());
    assertTrue(demo.items().get(3).reverse());
    assertEquals(Scoring.SUM, demo.subscales().get(0).scoring());
  }

  @Test
  void refusesUnknownFieldsWithFileAndLine() {
    String json = VALID.replace("\"name\": \"Demo\"", "\"name\": \"Demo\", \"reversed\": [1]");
    UserException e = assertThrows(UserException.class, () -> InstrumentLoader.parse("demo.json", json));
    assertTrue(e.getMessage().startsWith("Cannot read unknown field in instrument file: 'reversed' (demo.json, in the "
        + "top level). Allowed fields there: [administered, decimals, id, items,"), e.getMessage());
    String nested = VALID.replace("\"scoring\": \"sum\"", "\"scoring\": \"sum\", \"cutof\": 3");
    UserException n = assertThrows(UserException.class, () -> InstrumentLoader.parse("demo.json", nested));
    assertTrue(n.getMessage().contains("'cutof' (demo.json, in subscales[0])"), n.getMessage());
    assertEquals(3, e.exitCode());
  }

  @Test
  void refusesMalformedDefinitions() {
    assertRefused(VALID.replace("\"id\": \"demo\"", "\"id\": \"other\""), "must equal the file name");
    assertRefused(VALID.replace("\"source\": \"A paper (2020).\"", "\"source\": \" \""), "Cite the publication");
    assertRefused(VALID.replace("\"min\": 1, \"max\": 5", "\"min\": 5, \"max\": 1"), "'min' must be below 'max'");
    assertRefused(VALID.replace("\"numbers\": \"1-4\"", "\"numbers\": \"2-4\""), "expected 1");
    assertRefused(VALID.replace("\"items\": \"1-4\"", "\"items\": \"1-5\""), "Items are numbered 1 to 4");
    assertRefused(VALID.replace("\"scoring\": \"sum\"", "\"scoring\": \"median\""), "Use 'mean' or 'sum'");
    assertRefused(VALID.replace("\"reverse_keyed\": [4]", "\"reverse_keyed\": [9]"), "find reverse-keyed item: 9");
    assertRefused(VALID.replace("\"items\": \"1-4\"", "\"items\": \"1-x\""), "Write numbers and ranges");
    assertRefused(VALID.replace(", \"source\": \"A paper (2020).\"", ""), "source");
    assertRefused("{not json", "read instrument file");
  }

  private static void assertRefused(String json, String fragment) {
    UserException e = assertThrows(UserException.class, () -> InstrumentLoader.parse("demo.json", json));
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
    assertTrue(e.getMessage().startsWith("Cannot "), e.getMessage());
    assertTrue(e.getMessage().contains("demo.json"), e.getMessage());
  }
}
