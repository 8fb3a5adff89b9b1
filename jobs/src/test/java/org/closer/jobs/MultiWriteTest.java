package org.closer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several datasets from one pass: every row in its own dataset's files, once, as Spark's writer writes them. */
class MultiWriteTest {
  private static final StructType NUMBERS = DataTypes.createStructType(List.of(
      DataTypes.createStructField("n", DataTypes.LongType, false)));
  private static final StructType NAMES = DataTypes.createStructType(List.of(
      DataTypes.createStructField("n", DataTypes.LongType, false),
      DataTypes.createStructField("name", DataTypes.StringType, true)));

  @TempDir
  Path dir;

  private final SparkSession spark = TestSpark.session();
  private final DataFs fs = new DataFs(spark.sparkContext().hadoopConfiguration());

  private JavaRDD<InternalRow> numbers(long count, int partitions) {
    return JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(LongStream.range(0, count).boxed().toList(), partitions)
        .map(n -> (InternalRow) new GenericInternalRow(new Object[] {n}));
  }

  private List<String> dirs(String... names) {
    return java.util.Arrays.stream(names).map(n -> dir.resolve(n).toString()).toList();
  }

  @Test
  void eachRowGoesToItsDatasetOnceInFilesOfAtMostTheRowsAsked() throws IOException {
    List<String> dirs = dirs("even", "threes", "none");
    MultiWrite.write(spark, numbers(1000, 3), dirs, List.of(NUMBERS, NAMES, NUMBERS), 100, (rows, out) -> {
      GenericInternalRow named = new GenericInternalRow(2);
      rows.forEachRemaining(r -> {
        long n = r.getLong(0);
        if (n % 2 == 0) {
          out.write(0, r);
        }
        if (n % 3 == 0) {
          named.update(0, n);
          named.update(1, n % 9 == 0 ? null : UTF8String.fromString("n" + n));
          out.write(1, named);
        }
      });
    }, fs);

    assertEquals(LongStream.range(0, 1000).filter(n -> n % 2 == 0).boxed().toList(),
        spark.read().parquet(dirs.get(0)).orderBy("n").as(org.apache.spark.sql.Encoders.LONG()).collectAsList());
    List<Row> threes = spark.read().parquet(dirs.get(1)).orderBy("n").collectAsList();
    assertEquals(334, threes.size());
    assertEquals("n3", threes.get(1).getString(1));
    assertTrue(threes.get(3).isNullAt(1));
    assertEquals(500, fs.parquetRows(dirs.get(0)));
    // 3 partitions of 333 or 334 numbers, with 166 or 167 even ones and 111 or 112 threes: two files
    // of each per partition.
    assertEquals(6, parquetFiles(dirs.get(0)));
    assertEquals(6, parquetFiles(dirs.get(1)));
    assertEquals(NAMES, fs.sparkSchema(dirs.get(1)).orElseThrow(), "the footer keeps Spark's schema");

    assertEquals(1, parquetFiles(dirs.get(2)), "a dataset without rows gets one file with its schema");
    assertEquals(0, spark.read().parquet(dirs.get(2)).count());
    for (String d : dirs) {
      assertTrue(Files.exists(Path.of(d, "_SUCCESS")), d);
      assertFalse(Files.exists(Path.of(d, "_temporary")), d);
    }
  }

  @Test
  void aFailingTaskFailsTheWriteAndLeavesNoFileInTheDataset() throws IOException {
    List<String> dirs = dirs("failed");
    assertThrows(Exception.class, () -> MultiWrite.write(spark, numbers(100, 2), dirs, List.of(NUMBERS), 0,
        (rows, out) -> rows.forEachRemaining(r -> {
          if (r.getLong(0) == 70) {
            throw new IllegalStateException("planted");
          }
          out.write(0, r);
        }), fs));
    assertEquals(0, Files.exists(Path.of(dirs.get(0))) ? parquetFiles(dirs.get(0)) : 0);
  }

  private static long parquetFiles(String d) throws IOException {
    try (var files = Files.list(Path.of(d))) {
      return files.filter(f -> f.getFileName().toString().endsWith(".parquet")).count();
    }
  }
}
