package org.closer.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.closer.core.ingest.ColumnLayout;
import org.closer.core.ingest.CsvLines;
import org.closer.core.ingest.SurveyRecord;
import org.closer.core.ingest.SurveyValidator;
import org.closer.core.instrument.InstrumentCatalog;
import org.closer.core.instrument.Item;
import org.closer.core.instrument.Subscale;
import org.closer.core.privacy.PseudonymKey;
import org.closer.core.privacy.Pseudonymizer;
import org.closer.core.score.Scorer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Core's work on one survey row, each beside a floor measured in the same run on the same rows:
 * the least any code must do with that row. {@code check} (cut the line, check every field,
 * pseudonymise the codes: what the ingest's first job runs per row) against {@code checkFloor}
 * (the JDK cuts the line at commas and parses every answer, skipping what is not a number);
 * {@code score} (every subscale with reverse keys and the missing-item rule) against
 * {@code scoreFloor} (each subscale's plain mean of the answered items, R's
 * {@code rowMeans(na.rm = TRUE)}). One operation is one row; the rows of the file are taken in
 * turn, as a task meets them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xmx2g"})
public class RowWork {
  /** A template CSV of survey rows (comma-separated, a header line first). */
  @Param({"data-samples/study/clinic-c01.csv"})
  public String file;

  private String[] lines;
  private double[][] answers;
  private int next;
  private CsvLines csv;
  private SurveyValidator validator;
  private boolean[] answerColumns;
  private Scorer scorer;
  private int[][] subscaleItems;
  private double[] scores;
  private int[] answered;

  @Setup
  public void read() throws IOException {
    List<String> all = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
    InstrumentCatalog catalog = InstrumentCatalog.builtIn();
    csv = new CsvLines(',');
    String[] header = csv.split(all.get(0));
    String name = Path.of(file).getFileName().toString();
    validator = new SurveyValidator(name, ColumnLayout.of(header, catalog), catalog,
        new Pseudonymizer(PseudonymKey.demo()));
    answerColumns = new boolean[header.length];
    for (int c = 0; c < header.length; c++) {
      answerColumns[c] = catalog.itemIndex(header[c].trim().toLowerCase(Locale.ROOT)) >= 0;
    }
    List<String> rows = new ArrayList<>();
    List<double[]> checked = new ArrayList<>();
    for (String line : all.subList(1, all.size())) {
      if (!csv.isBlank(line)) {
        rows.add(line);
        checked.add(validator.validate(rows.size() + 1, csv.split(line)).answers());
      }
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(file + " has no survey rows below its header");
    }
    lines = rows.toArray(String[]::new);
    answers = checked.toArray(double[][]::new);
    scorer = new Scorer(catalog);
    List<Subscale> subscales = scorer.subscales();
    subscaleItems = new int[subscales.size()][];
    for (int s = 0; s < subscaleItems.length; s++) {
      subscaleItems[s] =
          subscales.get(s).items().stream().map(Item::id).mapToInt(catalog::itemIndex).toArray();
    }
    scores = new double[subscales.size()];
    answered = new int[subscales.size()];
  }

  private int nextRow() {
    int row = next;
    next = row + 1 == lines.length ? 0 : row + 1;
    return row;
  }

  @Benchmark
  public SurveyRecord check() {
    int row = nextRow();
    return validator.validate(row + 2, csv.split(lines[row]));
  }

  @Benchmark
  public double checkFloor() {
    String[] fields = lines[nextRow()].split(",", -1);
    double sum = 0;
    for (int c = 0; c < fields.length && c < answerColumns.length; c++) {
      if (answerColumns[c] && !fields[c].isEmpty() && !fields[c].equals("NA")) {
        try {
          sum += Double.parseDouble(fields[c]);
        } catch (NumberFormatException e) {
          // a wrong answer, which the checks quarantine: the floor reads on
        }
      }
    }
    return sum;
  }

  @Benchmark
  public double[] score() {
    scorer.score(answers[nextRow()], scores, answered);
    return scores;
  }

  @Benchmark
  public double[] scoreFloor() {
    double[] row = answers[nextRow()];
    for (int s = 0; s < subscaleItems.length; s++) {
      double sum = 0;
      int n = 0;
      for (int i : subscaleItems[s]) {
        double a = row[i];
        if (!Double.isNaN(a)) {
          sum += a;
          n++;
        }
      }
      scores[s] = n == 0 ? Double.NaN : sum / n;
    }
    return scores;
  }
}
