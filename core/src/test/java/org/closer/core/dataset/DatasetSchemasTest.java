package org.closer.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.closer.core.instrument.InstrumentCatalog;
import org.junit.jupiter.api.Test;

class DatasetSchemasTest {
  @Test
  void committedSchemasMatchTheBuiltInInstruments() throws IOException {
    DatasetSchemas schemas = new DatasetSchemas(InstrumentCatalog.builtIn());
    for (DatasetSchemas.Dataset d : DatasetSchemas.Dataset.values()) {
      try (InputStream in = getClass().getClassLoader().getResourceAsStream("schemas/" + d.dir() + ".avsc")) {
        assertNotNull(in, "schemas/" + d.dir() + ".avsc is missing: run 'bin/closer schemas'");
        Schema committed = new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(schemas.schema(d), committed,
            "schemas/" + d.dir() + ".avsc is out of date with the instruments: run 'bin/closer schemas'");
      }
    }
  }

  @Test
  void scoresCarryEverySubscaleItsCountAndTheLoveKinds() {
    Schema scores = new DatasetSchemas(InstrumentCatalog.builtIn()).schema(DatasetSchemas.Dataset.SCORES);
    assertNotNull(scores.getField("tls45_intimacy"));
    assertNotNull(scores.getField("tls45_intimacy_answered"));
    assertNotNull(scores.getField("csi16_total"));
    assertNotNull(scores.getField("tls45_love_kind"));
    assertEquals(10 + 2 * 10 + 2, scores.getFields().size()); // keys, 10 subscales with counts, 2 love kinds
  }
}
