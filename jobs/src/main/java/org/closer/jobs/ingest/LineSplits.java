package org.closer.jobs.ingest;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.closer.jobs.HadoopConf;

/**
 * A text file split by Hadoop into lines, and the number, in the file, of each split's first line
 * (0-based). Hadoop reuses one {@link Text} for every line of a split.
 */
record LineSplits(JavaRDD<Text> lines, long[] firstLines) {
  /**
   * The files' splits, all counted in one job: a job per file (as {@code zipWithIndex} runs) cost
   * about 0.2 s each in scheduling alone.
   */
  static Map<Path, LineSplits> of(JavaSparkContext jsc, HadoopConf conf, List<Path> files) {
    Map<Path, LineSplits> out = new HashMap<>();
    if (files.isEmpty()) {
      return out;
    }
    @SuppressWarnings("unchecked")
    JavaRDD<Text>[] lines = new JavaRDD[files.size()];
    for (int f = 0; f < lines.length; f++) {
      lines[f] = jsc.newAPIHadoopRDD(conf.job(files.get(f)).getConfiguration(), TextInputFormat.class,
          LongWritable.class, Text.class).values();
    }
    // One count per split, in the union's order: the files' splits one after another.
    List<Long> counts = jsc.union(lines).mapPartitions(LineSplits::count).collect();
    int at = 0;
    for (int f = 0; f < lines.length; f++) {
      long[] first = new long[lines[f].getNumPartitions()];
      long line = 0;
      for (int p = 0; p < first.length; p++) {
        first[p] = line;
        line += counts.get(at++);
      }
      out.put(files.get(f), new LineSplits(lines[f], first));
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
}
