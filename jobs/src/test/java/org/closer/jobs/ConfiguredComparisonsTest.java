package org.closer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.closer.jobs.cli.Closer;
import org.junit.jupiter.api.Test;

/** The example study configuration drives which comparisons are made. */
class ConfiguredComparisonsTest {
  @Test
  void theExampleConfigurationIsFollowed() throws IOException {
    TestSpark.session();
    Path out = Files.createTempDirectory("closer-configured");
    int code = Closer.execute("run", "--demo-key", "--input", SampleStudyTest.STUDY.toString(), "--out", out.toString(),
        "--study", Path.of("..", "schemas", "studies", "example.yaml").toString());
    assertEquals(0, code);
    List<Row> rows = TestSpark.session().read().parquet(out.resolve("comparisons").toString())
        .select("comparison", "outcome").collectAsList();
    Set<String> comparisons = new TreeSet<>();
    rows.forEach(r -> comparisons.add(r.getString(0)));
    assertEquals(Set.of("modality: online vs face_to_face", "method: EFT vs IBCT", "session_minutes: 45 vs 60",
        "session_minutes: 45 vs 90", "session_minutes: 60 vs 90"), comparisons);
    assertTrue(rows.stream().filter(r -> r.getString(0).startsWith("method"))
        .allMatch(r -> r.getString(1).endsWith("_change") && !r.getString(1).startsWith("csi4")));
    assertEquals(4 * 2, rows.stream().filter(r -> r.getString(0).startsWith("method")).count());
    Row online = TestSpark.session().read().parquet(out.resolve("outcomes").toString())
        .filter("score = 'tls45_intimacy' and level = 'individual'").select("cutoff").first();
    assertEquals((1.1 * 7.4 + 0.9 * 5.2) / (1.1 + 0.9), online.getDouble(0), 1e-12, "cut-off c from the norms");
  }
}
