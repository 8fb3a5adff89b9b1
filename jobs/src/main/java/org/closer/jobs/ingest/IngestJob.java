package org.closer.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.closer.core.Messages;
import org.closer.core.UserException;
import static org.closer.core.dataset.DatasetSchemas.Dataset.QUARANTINE;
import static org.closer.core.dataset.DatasetSchemas.Dataset.RESPONSES;
import org.closer.core.ingest.ColumnLayout;
import org.closer.core.ingest.CrossRowChecks;
import org.closer.core.ingest.CsvLines;
import org.closer.core.ingest.Design;
import org.closer.core.ingest.FileSummary;
import org.closer.core.ingest.IngestSummary;
import org.closer.core.ingest.Problem;
import org.closer.core.ingest.RosterValidator;
import org.closer.core.ingest.SurveyValidator;
import org.closer.core.privacy.Pseudonymizer;
import org.closer.jobs.MappedIterator;
import org.closer.jobs.Progress;
import org.closer.jobs.RunContext;
import scala.Tuple2;

/**
 * Template CSV exports to {@code responses} and {@code quarantine}. Row checks come from core's
 * validators; this job adds what needs all rows at once: the roster's design variables and
 * duplicate surveys. Every input row ends in exactly one of the two datasets, checked per file.
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
  private record Input(Path path, String name, String sha256, long bytes, long headerIndex, ColumnLayout layout) {}

  public IngestSummary run() {
    Progress.Stage stage = ctx.progress().start("ingest");
    List<Input> inputs = inputs();
    Pseudonymizer pseudonymizer = new Pseudonymizer(ctx.key());
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(ctx.spark().sparkContext());
    StructType surveyType = IngestRows.survey(ctx.schemas().schema(RESPONSES));
    StructType rosterType = IngestRows.roster();

    List<JavaRDD<Row>> surveyParts = new ArrayList<>();
    List<JavaRDD<Row>> rosterParts = new ArrayList<>();
    for (Input in : inputs) {
      if (in.layout().kind() == ColumnLayout.FileKind.ROSTER) {
        RosterValidator v = new RosterValidator(in.name(), in.layout(), pseudonymizer);
        rosterParts.add(lines(jsc, in).mapPartitions(it -> {
          CsvLines csv = new CsvLines(',');
          return new MappedIterator<>(it, t -> IngestRows.of(v.validate(t._2(), csv.split(t._1()))));
        }));
      } else {
        SurveyValidator v = new SurveyValidator(in.name(), in.layout(), ctx.catalog(), pseudonymizer);
        surveyParts.add(lines(jsc, in).mapPartitions(it -> {
          CsvLines csv = new CsvLines(',');
          return new MappedIterator<>(it, t -> IngestRows.of(v.validate(t._2(), csv.split(t._1()))));
        }));
      }
    }
    Dataset<Row> parsed = frame(jsc, surveyParts, surveyType).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> roster = frame(jsc, rosterParts, rosterType).persist(StorageLevel.MEMORY_AND_DISK());

    // Roster: one row per couple; a later row for the same couple is quarantined.
    Dataset<Row> rosterRanked = ranked(roster.filter(col(IngestRows.REASON).isNull()), "clinic", "couple");
    Dataset<Row> rosterKept = rosterRanked.filter(col("rank").equalTo(1)).drop("rank", "first_file", "first_line");
    Dataset<Row> rosterDuplicates = rosterRanked.filter(col("rank").gt(1)).map(
        (MapFunction<Row, Row>) r -> IngestRows.withProblems(r, rosterType.size() - 4, List.of(CrossRowChecks.duplicateCouple(
            r.getString(0), r.getLong(1), r.getAs("first_file"), r.getAs("first_line")))),
        Encoders.row(withRanking(rosterType))).drop("rank", "first_file", "first_line");

    // Survey rows take the couple's design from the roster where they lack it.
    Dataset<Row> merged = mergeDesign(parsed.filter(col(IngestRows.REASON).isNull()), rosterKept, surveyType);
    Dataset<Row> mergedValid = merged.filter(col(IngestRows.REASON).isNull());
    Dataset<Row> ranked = ranked(mergedValid, "clinic", "couple", "partner", "timepoint", "session");
    Dataset<Row> responses = ranked.filter(col("rank").equalTo(1)).drop("rank", "first_file", "first_line");
    Dataset<Row> duplicates = ranked.filter(col("rank").gt(1)).map(
        (MapFunction<Row, Row>) r -> IngestRows.withProblems(r, surveyType.size() - 4, List.of(CrossRowChecks.duplicateSurvey(
            r.getString(0), r.getLong(1), r.getAs("first_file"), r.getAs("first_line")))),
        Encoders.row(withRanking(surveyType))).drop("rank", "first_file", "first_line");

    Dataset<Row> quarantine = quarantineRows(parsed.filter(col(IngestRows.REASON).isNotNull()))
        .unionByName(quarantineRows(merged.filter(col(IngestRows.REASON).isNotNull())))
        .unionByName(quarantineRows(duplicates))
        .unionByName(quarantineRows(roster.filter(col(IngestRows.REASON).isNotNull()).withColumn("partner", lit(null).cast("string"))
            .withColumn("timepoint", lit(null).cast("string")).withColumn("session", lit(null).cast("int"))))
        .unionByName(quarantineRows(rosterDuplicates.withColumn("partner", lit(null).cast("string"))
            .withColumn("timepoint", lit(null).cast("string")).withColumn("session", lit(null).cast("int"))));

    Dataset<Row> responseRows = responses.drop(IngestRows.REASON, IngestRows.COLUMN, IngestRows.VALUE, IngestRows.DETAIL)
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> quarantineRows = quarantine.persist(StorageLevel.MEMORY_AND_DISK());
    Map<String, Long> accepted = countsByFile(responseRows.select("source_file").unionAll(rosterKept.select("source_file")));
    Map<String, Long> refused = countsByFile(quarantineRows.select("source_file"));
    Map<String, Long> rowsIn = countsByFile(parsed.select("source_file").unionAll(roster.select("source_file")));
    long responseCount = accepted.entrySet().stream().filter(e -> isSurvey(inputs, e.getKey())).mapToLong(Map.Entry::getValue).sum();
    long quarantineCount = refused.values().stream().mapToLong(Long::longValue).sum();

    ctx.outputs().write(RESPONSES, responseRows, responseCount);
    ctx.outputs().write(QUARANTINE, quarantineRows, quarantineCount);

    IngestSummary summary = summary(inputs, rowsIn, accepted, refused);
    check(summary);
    writeSummary(summary);
    parsed.unpersist();
    roster.unpersist();
    responseRows.unpersist();
    quarantineRows.unpersist();
    stage.done(String.format("%d files, %s rows -> %s responses, %s quarantined", inputs.size(),
        Progress.count(summary.rows()), Progress.count(summary.accepted()), Progress.count(summary.quarantined())));
    return summary;
  }

  private List<Input> inputs() {
    List<Path> files = ctx.fs().list(ctx.input(), ".csv");
    if (files.isEmpty()) {
      throw UserException.inputRefused(Messages.cannot("find any CSV export", ctx.input(), null,
          "Put the study's exports (template CSV, and optionally a roster CSV) in that folder"));
    }
    List<Input> inputs = new ArrayList<>();
    for (Path file : files) {
      var first = ctx.fs().firstLine(file);
      String[] header = first == null ? new String[0] : new CsvLines(',').split(first.text());
      if (header == null) {
        throw UserException.inputRefused(Messages.cannot("read header with unbalanced quotes", null,
            Messages.where(file.getName(), first.index() + 1, null), "Fix the quoting of the first line"));
      }
      inputs.add(new Input(file, file.getName(), ctx.fs().sha256(file), ctx.fs().size(file),
          first == null ? Long.MAX_VALUE : first.index(), ColumnLayout.of(header, ctx.catalog())));
    }
    return inputs;
  }

  /** (text, line number) of every non-blank line after the header. */
  private static JavaRDD<Tuple2<String, Long>> lines(JavaSparkContext jsc, Input in) {
    long header = in.headerIndex();
    return jsc.textFile(in.path().toString()).zipWithIndex()
        .filter(t -> t._2() > header && !CsvLines.isBlank(t._1()))
        .map(t -> new Tuple2<>(t._1(), t._2() + 1));
  }

  private Dataset<Row> frame(JavaSparkContext jsc, List<JavaRDD<Row>> parts, StructType type) {
    JavaRDD<Row> all = parts.isEmpty() ? jsc.emptyRDD() : parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      all = all.union(parts.get(i));
    }
    return ctx.spark().createDataFrame(all, type);
  }

  /** Rank within the key by input order (file name, then line); rank 1 is kept. */
  private static Dataset<Row> ranked(Dataset<Row> df, String... key) {
    Column[] keys = new Column[key.length];
    for (int i = 0; i < key.length; i++) {
      keys[i] = col(key[i]);
    }
    WindowSpec byKey = Window.partitionBy(keys).orderBy(col("source_file"), col("source_line"));
    WindowSpec whole = byKey.rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
    return df.withColumn("rank", row_number().over(byKey))
        .withColumn("first_file", first(col("source_file")).over(whole))
        .withColumn("first_line", first(col("source_line")).over(whole));
  }

  private static StructType withRanking(StructType type) {
    return type.add("rank", "int", false).add("first_file", "string", true).add("first_line", "long", true);
  }

  private static Dataset<Row> mergeDesign(Dataset<Row> valid, Dataset<Row> rosterKept, StructType surveyType) {
    Dataset<Row> r = rosterKept.select(col("clinic").as("r_clinic"), col("couple").as("r_couple"),
        col("modality").as("r_modality"), col("method").as("r_method"),
        col("session_minutes").as("r_session_minutes"), col("therapist").as("r_therapist"));
    Dataset<Row> joined = valid.join(r,
        valid.col("clinic").equalTo(r.col("r_clinic")).and(valid.col("couple").equalTo(r.col("r_couple"))), "left");
    int width = surveyType.size();
    return joined.map((MapFunction<Row, Row>) row -> {
      Design fromRoster = row.isNullAt(width) ? null : IngestRows.design(row, width + 2);
      Design.Merged m = Design.merge(IngestRows.design(row, IngestRows.DESIGN_AT), fromRoster,
          row.getString(0), row.getLong(1));
      List<Problem> problems = m.problem() == null ? List.of() : List.of(m.problem());
      return IngestRows.withDesign(row, width, m.design(), problems);
    }, Encoders.row(surveyType));
  }

  private static Dataset<Row> quarantineRows(Dataset<Row> df) {
    return df.select("source_file", "source_line", "clinic", "couple", "partner", "timepoint", "session",
        IngestRows.REASON, IngestRows.COLUMN, IngestRows.VALUE, IngestRows.DETAIL);
  }

  private static Map<String, Long> countsByFile(Dataset<Row> files) {
    Map<String, Long> out = new HashMap<>();
    for (Row r : files.groupBy("source_file").agg(count(lit(1))).collectAsList()) {
      out.put(r.getString(0), r.getLong(1));
    }
    return out;
  }

  private static boolean isSurvey(List<Input> inputs, String name) {
    return inputs.stream().anyMatch(i -> i.name().equals(name) && i.layout().kind() == ColumnLayout.FileKind.SURVEY);
  }

  private IngestSummary summary(List<Input> inputs, Map<String, Long> rowsIn, Map<String, Long> accepted,
      Map<String, Long> refused) {
    List<FileSummary> files = new ArrayList<>();
    for (Input in : inputs) {
      files.add(new FileSummary(in.name(), in.sha256(), in.bytes(),
          in.layout().kind().name().toLowerCase(java.util.Locale.ROOT), rowsIn.getOrDefault(in.name(), 0L),
          accepted.getOrDefault(in.name(), 0L), refused.getOrDefault(in.name(), 0L), in.layout().unknownColumns()));
    }
    return new IngestSummary(ctx.key().origin().name().toLowerCase(java.util.Locale.ROOT), files);
  }

  /** Nothing is lost: every row of every file is accepted or quarantined, once. */
  private static void check(IngestSummary summary) {
    for (FileSummary f : summary.files()) {
      if (f.rows() != f.accepted() + f.quarantined()) {
        throw new IllegalStateException("Rows do not add up for " + f.name() + ": " + f.rows() + " in, "
            + f.accepted() + " accepted + " + f.quarantined() + " quarantined");
      }
    }
  }

  private void writeSummary(IngestSummary summary) {
    try {
      ctx.fs().write(ctx.outputs().path(SUMMARY), JSON.writeValueAsString(summary));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static IngestSummary readSummary(RunContext ctx) {
    String path = ctx.outputs().path(SUMMARY);
    if (!ctx.fs().exists(path)) {
      throw UserException.inputRefused(Messages.cannot("find the ingest's output", path, null,
          "Run 'closer ingest' (or 'closer run') first with the same --out"));
    }
    try {
      return JSON.readValue(ctx.fs().read(path), IngestSummary.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Cannot read " + path, e);
    }
  }
}
