package org.closer.jobs.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.closer.core.dataset.DatasetSchemas;
import org.closer.core.instrument.InstrumentCatalog;
import org.closer.core.stats.ItemTotal;
import org.closer.jobs.SparkSchemas;
import org.junit.jupiter.api.Test;

class ReliabilitySumsTest {
  private static final InstrumentCatalog CATALOG = InstrumentCatalog.builtIn();
  private static final StructType RESPONSES =
      SparkSchemas.struct(new DatasetSchemas(CATALOG).schema(DatasetSchemas.Dataset.RESPONSES));

  @Test
  void tasksEndingInAnyOrderGiveTheSameSumsToTheLastBit() {
    List<ReliabilitySums> tasks = tasks(13);
    Map<ReliabilitySums.Cell, ItemTotal> inOrder = merged(tasks, IntStream.range(0, 13).toArray());
    Random random = new Random(5);
    for (int round = 0; round < 20; round++) {
      List<Integer> order = new ArrayList<>(IntStream.range(0, 13).boxed().toList());
      Collections.shuffle(order, random);
      Map<ReliabilitySums.Cell, ItemTotal> shuffled = merged(tasks, order.stream().mapToInt(i -> i).toArray());
      assertEquals(inOrder.keySet(), shuffled.keySet());
      inOrder.forEach((cell, sums) -> {
        ItemTotal other = shuffled.get(cell);
        String where = cell + " in the order " + order;
        assertEquals(sums.n(), other.n());
        assertEquals(sums.totalVariance(), other.totalVariance(), 0.0, where);
        for (int i = 0; i < sums.dimension(); i++) {
          assertEquals(sums.variance(i), other.variance(i), 0.0, where + " item " + i);
          assertEquals(sums.covarianceWithTotal(i), other.covarianceWithTotal(i), 0.0, where + " item " + i);
        }
      });
    }
  }

  @Test
  void aPartitionThatNeverArrivesStillLeavesTheOthersSummed() {
    List<ReliabilitySums> tasks = tasks(3);
    ReliabilitySums driver = ReliabilitySums.of(RESPONSES, CATALOG.subscales());
    driver.merge(tasks.get(2));
    driver.merge(tasks.get(0));
    long n = driver.value().values().stream().mapToLong(ItemTotal::n).sum();
    assertEquals(2 * 400, n, "partitions 0 and 2, one complete ORS per row");
  }

  /** One task copy per partition, each with 400 rows of ORS answers with decimals (their sums depend on order). */
  private static List<ReliabilitySums> tasks(int partitions) {
    Random random = new Random(11);
    List<ReliabilitySums> tasks = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      ReliabilitySums task = ReliabilitySums.of(RESPONSES, CATALOG.subscales());
      task.open(p);
      for (int r = 0; r < 400; r++) {
        task.add(row(r % 3 == 0 ? "online" : "face_to_face", random));
      }
      tasks.add(task);
    }
    return tasks;
  }

  private static Map<ReliabilitySums.Cell, ItemTotal> merged(List<ReliabilitySums> tasks, int[] order) {
    ReliabilitySums driver = ReliabilitySums.of(RESPONSES, CATALOG.subscales());
    for (int p : order) {
      driver.merge(tasks.get(p));
      driver.value(); // asked for before the last task (Spark does so for a named accumulator)
    }
    return driver.value();
  }

  private static InternalRow row(String modality, Random random) {
    List<String> names = List.of(RESPONSES.fieldNames());
    Object[] v = new Object[names.size()];
    v[names.indexOf("timepoint")] = UTF8String.fromString("session");
    v[names.indexOf("modality")] = UTF8String.fromString(modality);
    v[names.indexOf("method")] = UTF8String.fromString("eft");
    v[names.indexOf("session_minutes")] = 60;
    for (int i = 1; i <= 4; i++) {
      v[names.indexOf("ors_" + i)] = Math.round(random.nextDouble() * 100) / 10.0;
    }
    return new GenericInternalRow(v);
  }
}
