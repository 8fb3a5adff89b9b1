package org.closer.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.closer.core.dataset.DatasetSchemas.Dataset.QUARANTINE;
import static org.closer.core.dataset.DatasetSchemas.Dataset.RESPONSES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.closer.core.Messages;
import org.closer.core.UserException;
import org.closer.core.ingest.ColumnLayout;
import org.closer.core.ingest.CoupleChecks;
import org.closer.core.ingest.CsvDialect;
import org.closer.core.ingest.CsvLines;
import org.closer.core.ingest.ExportBatches;
import org.closer.core.ingest.FileSummary;
import org.closer.core.ingest.IngestSummary;
import org.closer.core.ingest.RosterRecord;
import org.closer.core.ingest.export.CsvRecords;
import org.closer.core.ingest.export.ExportFormat;
import org.closer.core.ingest.export.ExportHeader;
import org.closer.core.ingest.export.ExportMapping;
import org.closer.core.ingest.export.ParquetExport;
import org.closer.core.ingest.export.RedcapDictionary;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.closer.core.ingest.RosterValidator;
import org.closer.core.ingest.SurveyRecord;
import org.closer.core.ingest.SurveyValidator;
import org.closer.core.privacy.Pseudonymizer;
import java.io.InputStream;
import org.closer.jobs.CatalystRows;
import org.closer.jobs.DataFs;
import org.closer.jobs.HadoopConf;
import org.closer.jobs.MappedIterator;
import org.closer.jobs.Outputs;
import org.closer.jobs.Progress;
import org.closer.jobs.RunContext;
import org.closer.jobs.SparkSessions;
import scala.Tuple2;

/**
 * Template CSV exports to {@code responses} and {@code quarantine}. Each row is checked by core's
 * validators, then each couple's rows meet in one group for core's {@link CoupleChecks} (roster,
 * duplicates). Every input row ends in exactly one of the two datasets, checked per file.
 */
public final class IngestJob {
  /** The ingest's account of its inputs, beside the datasets. */
  public static final String SUMMARY = "ingest.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final RunContext ctx;

  public IngestJob(RunContext ctx) {
    this.ctx = ctx;
  }

  /** One input file, read on the driver for its header and hash. */
  private record Input(Path path, String name, String sha256, long bytes, ExportHeader header) {
    ColumnLayout layout() {
      return header.layout();
    }

    /**
     * At least about as many rows as the file holds, before it is read: a field takes at least its
     * separator, and the keys at least 40 bytes. Only the number of output files depends on it, and
     * too few would write with fewer tasks than cores.
     */
    long approxRows() {
      return bytes / (layout().width() + 40L);
    }

    /**
     * Template files are split by Hadoop into lines, so a large file is read by many tasks; survey
     * tools' exports (records spanning lines), UTF-16 text (whose newlines are two bytes) and names
     * Hadoop would read as several paths or a pattern are read whole by one task each.
     */
    boolean splitByLines() {
      return header.format() != ExportFormat.PARQUET && !header.format().multiLine()
          && header.dialect().newlineBytes() && !path.getName().matches(".*[,{}\\[\\]*?\\\\].*");
    }
  }

  public IngestSummary run() {
    Progress.Stage stage = ctx.progress().start("ingest");
    List<FileSummary> notRead = new ArrayList<>();
    List<Input> inputs = inputs(notRead);
    Pseudonymizer pseudonymizer = new Pseudonymizer(ctx.key());
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(ctx.spark().sparkContext());
    StructType rowType = IngestRows.schema(ctx.catalog());

    HadoopConf conf = HadoopConf.of(jsc.hadoopConfiguration());
    List<Input> byLines = inputs.stream().filter(Input::splitByLines).toList();
    JavaRDD<InternalRow> parsed = byLines.isEmpty() ? jsc.emptyRDD()
        : parseLines(byLines, LineSplits.of(jsc, conf, byLines.stream().map(Input::path).toList()), pseudonymizer);
    for (Input in : inputs) {
      if (!in.splitByLines()) {
        parsed = parsed.union(parseWhole(jsc, conf, in, validator(in, pseudonymizer)));
      }
    }
    // One shuffle brings each couple's rows together, sorted, for the cross-row checks of core. Its
    // partitions are as many as sized for the study, rounded up to a multiple of the responses'
    // files: coalescing then gives each task as many, and the tasks are even. Adaptive execution
    // would merge them into fewer than the cores, or into a number they do not divide.
    SparkSession spark = ctx.spark();
    long expected = inputs.stream().filter(i -> i.layout().kind() == ColumnLayout.FileKind.SURVEY)
        .mapToLong(Input::approxRows).sum();
    int files = Outputs.files(expected, spark.sparkContext().defaultParallelism());
    int partitions = (SparkSessions.shufflePartitions(spark) + files - 1) / files * files;
    JavaRDD<InternalRow> sorted = CatalystRows.of(CatalystRows.frame(spark, parsed, rowType)
        .repartition(partitions, IngestRows.coupleColumns())
        .sortWithinPartitions(IngestRows.sortColumns()));
    FileCounts counts = new FileCounts();
    jsc.sc().register(counts); // unnamed, so Spark does not keep its value with every task
    // As many tasks, and responses files, as Outputs#files sizes for the study: coalescing joins
    // whole partitions, so each keeps its couples whole, and a small study's responses are one file.
    JavaRDD<InternalRow> checked = sorted.coalesce(files)
        .mapPartitions(rows -> new CountedRows(new CoupleRuns(rows, IngestJob::coupleChecks), counts));

    // One pass writes the responses and the refused rows as they come, in couple order; the
    // quarantine is sorted from those few rows afterwards.
    int items = ctx.catalog().items().size();
    Outputs.Destination refusedRows = ctx.outputs().scratch("refused", rowType);
    ctx.outputs().writeTogether(spark, checked,
        List.of(ctx.outputs().to(RESPONSES, IngestRows.Responses.type(ctx.catalog())), refusedRows), true,
        (rows, out) -> {
          IngestRows.Responses responses = new IngestRows.Responses(items);
          rows.forEachRemaining(r -> {
            if (!IngestRows.isValid(r)) {
              out.write(1, r);
            } else if (!IngestRows.isRoster(r)) {
              out.write(0, responses.of(r));
            }
          });
        });
    Map<String, Long> rowsIn = new HashMap<>();
    Map<String, Long> accepted = new HashMap<>();
    Map<String, Long> refused = new HashMap<>();
    counts.value().forEach((file, c) -> {
      rowsIn.put(file, c[0] + c[1]);
      accepted.put(file, c[0]);
      refused.put(file, c[1]);
    });
    long quarantineCount = refused.values().stream().mapToLong(Long::longValue).sum();
    ctx.outputs().write(QUARANTINE, quarantineCount == 0 ? spark.createDataFrame(List.of(), rowType)
        : quarantined(spark.read().schema(rowType).parquet(refusedRows.dir()), quarantineCount), quarantineCount);
    ctx.fs().delete(refusedRows.dir());

    IngestSummary summary = summary(inputs, notRead, rowsIn, accepted, refused);
    check(summary, countsByFile(ctx.outputs().read(ctx.spark(), RESPONSES)),
        countsByFile(ctx.outputs().read(ctx.spark(), QUARANTINE)));
    writeSummary(summary);
    stage.done(String.format("%d files, %s rows -> %s responses, %s quarantined", inputs.size(),
        Progress.count(summary.rows()), Progress.count(summary.accepted()), Progress.count(summary.quarantined())));
    return summary;
  }

  /**
   * The refused rows, in the quarantine's files and each file's rows by export file and line: a
   * shuffle of their own gathers them to the quarantine's few files.
   */
  private Dataset<Row> quarantined(Dataset<Row> refused, long rows) {
    int files = Outputs.files(rows, ctx.spark().sparkContext().defaultParallelism());
    return refused.repartition(files, col("source_file"), col("source_line"))
        .sortWithinPartitions("source_file", "source_line");
  }

  /** Where a row was read: a file's rows are all surveys or all roster rows, so this names one row of a couple. */
  private record ReadAt(String file, long line) {}

  /** One couple's rows after core's checks; each valid row goes back to the checks' result by where it was read. */
  private static List<InternalRow> coupleChecks(List<InternalRow> rows) {
    List<InternalRow> out = new ArrayList<>(rows.size());
    List<SurveyRecord> surveys = new ArrayList<>();
    List<RosterRecord> rosters = new ArrayList<>();
    Map<ReadAt, InternalRow> read = new HashMap<>();
    for (InternalRow r : rows) {
      if (!IngestRows.isValid(r)) {
        out.add(r);
      } else if (IngestRows.isRoster(r)) {
        RosterRecord roster = IngestRows.roster(r);
        rosters.add(roster);
        read.put(new ReadAt(roster.file(), roster.line()), r);
      } else {
        SurveyRecord survey = IngestRows.surveyKeys(r);
        surveys.add(survey);
        read.put(new ReadAt(survey.file(), survey.line()), r);
      }
    }
    CoupleChecks.Result result = CoupleChecks.check(surveys, rosters);
    for (SurveyRecord s : result.surveys()) {
      out.add(IngestRows.checked(read.get(new ReadAt(s.file(), s.line())), s.design(), s.problems()));
    }
    for (RosterRecord r : result.rosters()) {
      out.add(IngestRows.checked(read.get(new ReadAt(r.file(), r.line())), r.design(), r.problems()));
    }
    return out;
  }

  private List<Input> inputs(List<FileSummary> notRead) {
    List<Path> files = ctx.fs().list(ctx.input(), ExportFormat.SUFFIXES);
    for (Path other : ctx.fs().list(ctx.input(), ExportFormat.UNREADABLE_SUFFIXES)) {
      throw ExportFormat.notExported(DataFs.relativeName(ctx.input(), other));
    }
    List<String> passedOver = ctx.fs().list(ctx.input(), "").stream().map(f -> DataFs.relativeName(ctx.input(), f))
        .filter(ExportFormat::passedOver).toList();
    if (!passedOver.isEmpty()) {
      ctx.progress().note("ingest:  " + ExportFormat.passedOverNote(passedOver));
    }
    if (files.isEmpty()) {
      throw UserException.inputRefused(Messages.cannot("find any export", ctx.input(), null,
          "Put the study's exports (" + ExportFormat.HANDED_IN + ") in that folder"));
    }
    List<RedcapDictionary> dictionaries = new ArrayList<>();
    List<Path> exports = new ArrayList<>();
    for (Path file : files) {
      String name = DataFs.relativeName(ctx.input(), file);
      byte[] head = ctx.fs().head(file, ExportHeader.HEAD_BYTES);
      if (ExportHeader.sniff(name, head) == ExportFormat.REDCAP_DICTIONARY) {
        CsvDialect dialect = CsvDialect.detect(head);
        dictionaries.add(RedcapDictionary.parse(name, ctx.fs().bytes(file), dialect.charsetValue(), dialect.delimiter()));
      } else {
        exports.add(file);
      }
    }
    List<ExportBatches.Upload> uploads = new ArrayList<>();
    Map<String, Path> paths = new HashMap<>();
    // The files are hashed side by side: 800 MB of exports took 0.3-0.4 s on 2 cores, 0.6-1.0 s one at a time.
    List<String> hashes = exports.parallelStream().map(ctx.fs()::sha256).toList();
    for (int i = 0; i < exports.size(); i++) {
      String name = DataFs.relativeName(ctx.input(), exports.get(i));
      uploads.add(new ExportBatches.Upload(name, hashes.get(i)));
      paths.put(name, exports.get(i));
    }
    List<Input> inputs = new ArrayList<>();
    String fingerprint = new Pseudonymizer(ctx.key()).keyFingerprint();
    for (ExportBatches.Decision d : ExportBatches.decide(uploads)) {
      String name = d.upload().name();
      Path file = paths.get(name);
      if (!d.read()) {
        notRead.add(FileSummary.notRead(name, d.upload().sha256(), ctx.fs().size(file), d.sameAs(), d.replacedBy()));
        continue;
      }
      byte[] head = ctx.fs().head(file, ExportHeader.HEAD_BYTES);
      ExportHeader header;
      if (ExportHeader.sniff(name, head) == ExportFormat.PARQUET) {
        ParquetExport.checkKey(name, ctx.fs().inputFile(file), fingerprint);
        header = ParquetExport.header(name, ctx.fs().inputFile(file), ctx.catalog());
      } else {
        header = ExportHeader.read(name, head, () -> ctx.fs().open(file), mapping(file), dictionaries, ctx.catalog());
      }
      inputs.add(new Input(file, name, d.upload().sha256(), ctx.fs().size(file), header));
    }
    return inputs;
  }

  /** The file's mapping beside it ({@code NAME.mapping.yaml}, else the folder's {@code mapping.yaml}), or none. */
  private ExportMapping mapping(Path file) {
    for (String candidate : ExportMapping.candidates(file.getName())) {
      Path m = new Path(file.getParent(), candidate);
      if (ctx.fs().exists(m.toString())) {
        return ExportMapping.parse(DataFs.relativeName(ctx.input(), m), ctx.fs().read(m.toString()));
      }
    }
    return ExportMapping.NONE;
  }

  /** A survey tool's export or a clinic-side Parquet file, read whole by one task. */
  private static JavaRDD<InternalRow> parseWhole(JavaSparkContext jsc, HadoopConf conf, Input in, RowValidator validator) {
    ExportHeader header = in.header();
    String path = in.path().toString();
    if (header.format() == ExportFormat.PARQUET) {
      List<String> columns = List.of(header.layout().translation().names());
      return jsc.parallelize(List.of(path), 1).flatMap(p -> new RecordIterator<InternalRow>(
          ParquetExport.records(header.file(), HadoopInputFile.fromPath(new Path(p), conf.get()), columns), null,
          r -> validator.validate(r.line(), r.fields())));
    }
    return jsc.parallelize(List.of(path), 1).flatMap(p -> {
      Path file = new Path(p);
      InputStream stream = file.getFileSystem(conf.get()).open(file);
      return new RecordIterator<InternalRow>(header.records(stream), stream,
          r -> validator.validate(r.line(), r.fields()));
    });
  }

  private RowValidator validator(Input in, Pseudonymizer pseudonymizer) {
    // Parquet from the clinic-side check arrives pseudonymised with the study's key (checked above).
    Pseudonymizer codes = in.header().format() == ExportFormat.PARQUET ? Pseudonymizer.alreadyApplied() : pseudonymizer;
    return in.layout().kind() == ColumnLayout.FileKind.ROSTER
        ? RowValidator.of(new RosterValidator(in.name(), in.layout(), codes))
        : RowValidator.of(new SurveyValidator(in.name(), in.layout(), ctx.catalog(), codes));
  }

  /** How a template file's lines are read: the lines up to its header skipped, its dialect and checks. */
  private record LineReading(long headerIndex, CsvDialect dialect, RowValidator validator) implements Serializable {}

  /**
   * Template files' lines, numbered from each split's first line: the header and the lines above
   * it, and blank lines, are skipped; each line is decoded and checked after it is numbered.
   */
  private JavaRDD<InternalRow> parseLines(List<Input> files, LineSplits splits, Pseudonymizer pseudonymizer) {
    LineReading[] readings = new LineReading[files.size()];
    for (int f = 0; f < readings.length; f++) {
      Input in = files.get(f);
      readings[f] = new LineReading(in.header().headerLine() - 1, in.header().dialect(), validator(in, pseudonymizer));
    }
    int[] fileOf = splits.files();
    long[] firstLines = splits.firstLines();
    return splits.lines().mapPartitionsWithIndex((split, it) -> {
      LineReading reading = readings[fileOf[split]];
      CsvLines csv = new CsvLines(reading.dialect().delimiter());
      long[] index = {firstLines[split]};
      return new MappedIterator<>(it, text -> {
        long at = index[0]++;
        if (at <= reading.headerIndex()) {
          return null;
        }
        String line = reading.dialect().decode(text.getBytes(), text.getLength());
        return csv.isBlank(line) ? null : reading.validator().validate(at + 1, csv.split(line));
      });
    }, true).filter(java.util.Objects::nonNull);
  }

  private static Map<String, Long> countsByFile(Dataset<Row> dataset) {
    Map<String, Long> out = new HashMap<>();
    for (Row r : dataset.groupBy("source_file").agg(count(lit(1))).collectAsList()) {
      out.put(r.getString(0), r.getLong(1));
    }
    return out;
  }

  private IngestSummary summary(List<Input> inputs, List<FileSummary> notRead, Map<String, Long> rowsIn,
      Map<String, Long> accepted, Map<String, Long> refused) {
    List<FileSummary> files = new ArrayList<>(notRead);
    for (Input in : inputs) {
      files.add(new FileSummary(in.name(), in.header().format().name().toLowerCase(Locale.ROOT), in.sha256(), in.bytes(),
          in.layout().kind().name().toLowerCase(Locale.ROOT), rowsIn.getOrDefault(in.name(), 0L),
          accepted.getOrDefault(in.name(), 0L), refused.getOrDefault(in.name(), 0L), in.layout().unknownColumns(),
          in.layout().identifierColumns(), null, null));
    }
    files.sort(java.util.Comparator.comparing(FileSummary::name));
    return new IngestSummary(ctx.key().origin().name().toLowerCase(Locale.ROOT), files);
  }

  /**
   * Nothing is lost: every row of every file is in the written responses (or the roster's accepted
   * rows) or the written quarantine, once.
   */
  private static void check(IngestSummary summary, Map<String, Long> responses, Map<String, Long> quarantine) {
    for (FileSummary f : summary.files()) {
      long written = (IngestRows.SURVEY.equals(f.kind()) ? responses.getOrDefault(f.name(), 0L) : f.accepted())
          + quarantine.getOrDefault(f.name(), 0L);
      if (f.rows() != written || f.rows() != f.accepted() + f.quarantined()) {
        throw new IllegalStateException("Rows do not add up for " + f.name() + ": " + f.rows() + " in, "
            + written + " written (" + f.accepted() + " accepted + " + f.quarantined() + " quarantined)");
      }
    }
  }

  private void writeSummary(IngestSummary summary) {
    try {
      ctx.fs().write(ctx.outputs().path(SUMMARY), JSON.writeValueAsString(summary));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static IngestSummary readSummary(RunContext ctx) {
    String path = ctx.outputs().current(SUMMARY);
    if (!ctx.fs().exists(path)) {
      throw UserException.inputRefused(Messages.cannot("find the ingest's output", path, null,
          "Run 'closer ingest' (or 'closer run') first with the same --out"));
    }
    try {
      return JSON.readValue(ctx.fs().read(path), IngestSummary.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read " + path, e);
    }
  }
}
