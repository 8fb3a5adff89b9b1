package org.closer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.closer.core.dataset.DatasetSchemas;
import org.closer.core.read.DatasetReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The application jar submitted with SparkSubmit to a real standalone cluster (a Master and two
 * Workers, each a JVM of its own) gives the same datasets as the same jar on local[2].
 */
class ClusterIT {
  private static final Path ROOT = Path.of("target/cluster-it").toAbsolutePath();
  /**
   * Doubles may differ in the last bits: sums are added up in another order across other partitions.
   * Relative to the scale of the scores (1-9), so that a residue of 1e-16 where the exact value is 0
   * counts as equal.
   */
  private static final double TOLERANCE = 1e-12;

  private static StandaloneCluster cluster;
  private static Path localOut;

  @BeforeAll
  static void startClusterAndRunLocally() throws Exception {
    deleteTree(ROOT);
    cluster = StandaloneCluster.start(ROOT.resolve("a"), 2);
    localOut = ROOT.resolve("out-local");
    Process local = cluster.start(cluster.builder("submit-local", cluster.submit("local[2]", List.of(), run(localOut))));
    awaitSuccess(cluster, local, "submit-local");
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void theClusterRunEqualsTheLocalRunRowForRow() throws Exception {
    Path out = ROOT.resolve("out-cluster");
    Process submit = cluster.start(cluster.builder("submit-cluster",
        cluster.submit(cluster.masterUrl(), List.of("spark.cores.max=2"), run(out))));
    awaitSuccess(cluster, submit, "submit-cluster");
    assertSameDatasets(localOut, out);
  }

  @Test
  void aRunThatLosesAWorkerMidwayCompletesWithEqualOutputs() throws Exception {
    Path out = ROOT.resolve("out-lost-worker");
    try (StandaloneCluster own = StandaloneCluster.start(ROOT.resolve("b"), 2)) {
      Process submit = own.start(own.builder("submit-lost-worker",
          own.submit(own.masterUrl(), List.of("spark.cores.max=2"), run(out))));
      awaitLine(own, submit, "submit-lost-worker", "ingest:");
      assertTrue(submit.isAlive(), "the run was still going when the worker was killed");
      own.killWorker(2);
      awaitSuccess(own, submit, "submit-lost-worker");
      String log = own.log("submit-lost-worker");
      assertTrue(log.contains("Lost executor"), "Spark noticed the lost worker:\n" + log);
    }
    assertSameDatasets(localOut, out);
  }

  private static List<String> run(Path out) {
    return List.of("run", "--input", Path.of(SampleStudyTest.STUDY.toString()).toAbsolutePath().toString(),
        "--out", out.toString());
  }

  private static void awaitSuccess(StandaloneCluster c, Process p, String name) throws InterruptedException {
    if (!p.waitFor(6, TimeUnit.MINUTES)) {
      fail(name + " did not finish in 6 minutes:\n" + c.log(name));
    }
    assertEquals(0, p.exitValue(), name + " failed:\n" + c.log(name));
  }

  private static void awaitLine(StandaloneCluster c, Process p, String name, String prefix) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    while (System.nanoTime() < deadline) {
      if (c.log(name).lines().anyMatch(l -> l.startsWith(prefix))) {
        return;
      }
      if (!p.isAlive()) {
        fail(name + " ended before printing '" + prefix + "':\n" + c.log(name));
      }
      Thread.sleep(100);
    }
    fail(name + " printed no '" + prefix + "' line in 4 minutes:\n" + c.log(name));
  }

  static void assertSameDatasets(Path expected, Path actual) {
    DatasetReader want = new DatasetReader(expected);
    DatasetReader got = new DatasetReader(actual);
    for (DatasetSchemas.Dataset d : DatasetSchemas.Dataset.values()) {
      List<List<Object>> a = rows(want.read(d));
      List<List<Object>> b = rows(got.read(d));
      assertTrue(a.size() > 0, d.dir() + " has rows in the local run");
      assertEquals(a.size(), b.size(), d.dir() + ": rows");
      for (int r = 0; r < a.size(); r++) {
        for (int c = 0; c < a.get(r).size(); c++) {
          Object x = a.get(r).get(c);
          Object y = b.get(r).get(c);
          if (!same(x, y)) {
            fail(d.dir() + " row " + r + " column " + c + ": local " + x + ", cluster " + y);
          }
        }
      }
    }
  }

  private static boolean same(Object x, Object y) {
    if (x instanceof Double a && y instanceof Double b) {
      return a.equals(b) || Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }
    return Objects.equals(x, y);
  }

  /** The table's rows in an order that does not depend on partitioning; doubles rounded for the order only. */
  private static List<List<Object>> rows(Table t) {
    List<List<Object>> rows = new ArrayList<>();
    for (int r = 0; r < t.rowCount(); r++) {
      List<Object> row = new ArrayList<>();
      for (int c = 0; c < t.columnCount(); c++) {
        row.add(t.column(c).get(r));
      }
      rows.add(row);
    }
    rows.sort(Comparator.comparing(ClusterIT::orderKey));
    return rows;
  }

  private static String orderKey(List<Object> row) {
    StringBuilder key = new StringBuilder();
    for (Object v : row) {
      key.append(v instanceof Double d ? String.format(java.util.Locale.ROOT, "%.9g", d) : String.valueOf(v)).append('\u0001');
    }
    return key.toString();
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
