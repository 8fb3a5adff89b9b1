package org.closer.jobs.ingest;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.closer.jobs.HadoopConf;
import scala.Tuple2;

/**
 * Text files split by Hadoop into lines, all read by one RDD, and for each split (partition) the
 * file it belongs to (its index in the files given) and the number, in that file, of its first line
 * (0-based). Hadoop reuses one {@link Text} for every line of a split.
 */
record LineSplits(JavaRDD<Text> lines, int[] files, long[] firstLines) {
  /** What counting a split's lines found. */
  private record Count(String path, long start, long lines) implements Serializable {}

  /**
   * The files' splits, counted in one job. One RDD for all the files: an RDD per file broadcast
   * Hadoop's configuration once each (about 0.1 s a file), and a job per file (as
   * {@code zipWithIndex} runs) cost about 0.2 s each in scheduling alone.
   */
  static LineSplits of(JavaSparkContext jsc, HadoopConf conf, List<Path> files) {
    Map<String, Integer> index = new HashMap<>();
    Path[] qualified = new Path[files.size()];
    for (int f = 0; f < qualified.length; f++) {
      qualified[f] = qualify(conf, files.get(f));
      index.put(qualified[f].toString(), f);
    }
    Job job = conf.job(qualified);
    @SuppressWarnings("unchecked")
    JavaNewHadoopRDD<LongWritable, Text> rdd = (JavaNewHadoopRDD<LongWritable, Text>) jsc.newAPIHadoopRDD(
        job.getConfiguration(), TextInputFormat.class, LongWritable.class, Text.class);
    List<Count> counts = rdd.mapPartitionsWithInputSplit(LineSplits::count, true).collect();
    int[] fileOf = new int[counts.size()];
    for (int s = 0; s < fileOf.length; s++) {
      Integer f = index.get(counts.get(s).path());
      if (f == null) {
        throw new IllegalStateException("Hadoop read " + counts.get(s).path() + ", which is none of " + index.keySet());
      }
      fileOf[s] = f;
    }
    // Each file's splits in the order of their offsets: a split's first line follows the lines of those before it.
    long[] firstLines = new long[fileOf.length];
    long line = 0;
    int file = -1;
    for (int s : IntStream.range(0, fileOf.length).boxed()
        .sorted(Comparator.<Integer>comparingInt(s -> fileOf[s]).thenComparingLong(s -> counts.get(s).start()))
        .toList()) {
      line = fileOf[s] == file ? line : 0;
      file = fileOf[s];
      firstLines[s] = line;
      line += counts.get(s).lines();
    }
    return new LineSplits(rdd.values(), fileOf, firstLines);
  }

  private static Path qualify(HadoopConf conf, Path file) {
    try {
      return file.getFileSystem(conf.get()).makeQualified(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Iterator<Count> count(InputSplit split, Iterator<Tuple2<LongWritable, Text>> lines) {
    long n = 0;
    for (; lines.hasNext(); lines.next()) {
      n++;
    }
    FileSplit file = (FileSplit) split;
    return List.of(new Count(file.getPath().toString(), file.getStart(), n)).iterator();
  }
}
