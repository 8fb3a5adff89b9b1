package org.closer.jobs.ingest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.closer.jobs.HadoopConf;

/**
 * Text files split by Hadoop into lines, and the number of each split's first line in its file.
 * The splits of all files are counted in one job: a job per file (as {@code zipWithIndex} would run)
 * cost about 0.15 s each in scheduling alone.
 */
final class LineSplits {
  private final List<JavaRDD<Text>> lines = new ArrayList<>();
  private final List<long[]> firstLines = new ArrayList<>();

  private LineSplits() {}

  static LineSplits read(JavaSparkContext jsc, HadoopConf conf, List<Path> files) {
    LineSplits out = new LineSplits();
    for (Path file : files) {
      out.lines.add(jsc.newAPIHadoopRDD(conf.job(file).getConfiguration(), TextInputFormat.class, LongWritable.class,
          Text.class).values());
    }
    if (files.isEmpty()) {
      return out;
    }
    // One count per split, in the union's order: the files' splits one after another.
    @SuppressWarnings("unchecked")
    JavaRDD<Text>[] all = out.lines.toArray(new JavaRDD[0]);
    List<Long> counts = jsc.union(all).mapPartitions(LineSplits::count).collect();
    int at = 0;
    for (JavaRDD<Text> file : out.lines) {
      long[] first = new long[file.getNumPartitions()];
      long line = 0;
      for (int p = 0; p < first.length; p++) {
        first[p] = line;
        line += counts.get(at++);
      }
      out.firstLines.add(first);
    }
    return out;
  }

  private static Iterator<Long> count(Iterator<Text> lines) {
    long n = 0;
    for (; lines.hasNext(); lines.next()) {
      n++;
    }
    return List.of(n).iterator();
  }

  /** The i-th file's lines; Hadoop reuses one {@link Text} for every line of a split. */
  JavaRDD<Text> lines(int i) {
    return lines.get(i);
  }

  /** The 0-based number, in the i-th file, of each of its splits' first line. */
  long[] firstLines(int i) {
    return firstLines.get(i);
  }
}
