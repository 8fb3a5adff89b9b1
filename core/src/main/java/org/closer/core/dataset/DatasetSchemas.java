package org.closer.core.dataset;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaBuilder.FieldAssembler;
import org.closer.core.instrument.InstrumentCatalog;
import org.closer.core.instrument.Item;
import org.closer.core.instrument.Subscale;
import org.closer.core.score.LoveClassifier;

/**
 * The Avro schema of every output dataset, derived from the instrument catalog. The files in
 * {@code schemas/*.avsc} are these schemas for the built-in catalog (a test keeps them equal); the
 * Spark writer checks each dataset against them before writing.
 */
public final class DatasetSchemas {
  private static final String NAMESPACE = "org.closer.datasets";

  /** The datasets Closer writes, by directory name under the output folder. */
  public enum Dataset {
    RESPONSES("responses"),
    QUARANTINE("quarantine"),
    SCORES("scores"),
    COUPLE_SCORES("couple_scores");

    private final String dir;

    Dataset(String dir) {
      this.dir = dir;
    }

    public String dir() {
      return dir;
    }
  }

  private final InstrumentCatalog catalog;

  public DatasetSchemas(InstrumentCatalog catalog) {
    this.catalog = catalog;
  }

  public Schema schema(Dataset dataset) {
    return switch (dataset) {
      case RESPONSES -> responses();
      case QUARANTINE -> quarantine();
      case SCORES -> scores();
      case COUPLE_SCORES -> coupleScores();
    };
  }

  private Schema responses() {
    FieldAssembler<Schema> f = record("responses", "One validated survey row per partner per survey.");
    lineage(f);
    surveyKeys(f, true);
    design(f);
    for (Item item : catalog.items()) {
      f.name(item.id()).doc("Answer to item " + item.number() + " as given (not reverse-keyed); null when not answered.")
          .type().optional().doubleType();
    }
    return f.endRecord();
  }

  private Schema quarantine() {
    FieldAssembler<Schema> f = record("quarantine", "One refused input row with the reason; nothing else of the row is kept.");
    lineage(f);
    f.name("clinic").doc("Clinic code, when it could be read.").type().optional().stringType();
    f.name("couple").doc("Couple pseudonym, when the row's clinic and couple could be read.").type().optional().stringType();
    f.name("partner").doc("A or B, when it could be read.").type().optional().stringType();
    f.name("timepoint").doc("intake, session, closing or followup, when it could be read.").type().optional().stringType();
    f.name("session").doc("Session number, when it could be read.").type().optional().intType();
    f.name("reason").doc("Reason code of the first problem (see README: quarantine reasons).").type().stringType().noDefault();
    f.name("column").doc("Column of the first problem; null for the whole row.").type().optional().stringType();
    f.name("value").doc("The offending value as written; null for identifier columns and whole-row problems.")
        .type().optional().stringType();
    f.name("detail").doc("Every problem of the row, one sentence each, separated by ' | '.").type().stringType().noDefault();
    return f.endRecord();
  }

  private Schema scores() {
    FieldAssembler<Schema> f = record("scores", "Subscale scores per partner per survey, with the couple's design.");
    surveyKeys(f, true);
    design(f);
    for (Subscale s : catalog.subscales()) {
      f.name(s.column()).doc(s.scoring().name().toLowerCase(java.util.Locale.ROOT) + " score; null when the instrument"
              + " was not given or more than " + s.maxMissing() + " of its " + s.items().size() + " items are missing.")
          .type().optional().doubleType();
      f.name(s.column() + "_answered").doc("Number of the subscale's " + s.items().size() + " items answered.")
          .type().intType().noDefault();
    }
    for (String column : loveColumns()) {
      f.name(column).doc("Sternberg's kind of love (non_love, liking, infatuation, empty_love, romantic, companionate,"
          + " fatuous, consummate); null unless all three components are scored.").type().optional().stringType();
    }
    return f.endRecord();
  }

  private Schema coupleScores() {
    FieldAssembler<Schema> f = record("couple_scores", "Per couple and survey: the partners' mean and discrepancy.");
    f.name("clinic").doc("Clinic code given by the study.").type().stringType().noDefault();
    f.name("couple").doc("Couple pseudonym (HMAC-SHA256 of clinic and the clinic's code).").type().stringType().noDefault();
    f.name("timepoint").doc("intake, session, closing or followup.").type().stringType().noDefault();
    f.name("session").doc("Session number for session surveys; null otherwise.").type().optional().intType();
    f.name("month").doc("Earliest month (YYYY-MM) in which a partner filled the survey.").type().stringType().noDefault();
    design(f);
    f.name("partners").doc("Number of partners with a survey row (1 or 2).").type().intType().noDefault();
    f.name("both_answered").doc("Whether both partners filled in this survey.").type().booleanType().noDefault();
    for (Subscale s : catalog.subscales()) {
      f.name(s.column() + "_mean").doc("Mean of the partners' scores that exist.").type().optional().doubleType();
      f.name(s.column() + "_discrepancy").doc("|A - B|; null unless both partners are scored.").type().optional().doubleType();
    }
    return f.endRecord();
  }

  /** The love-kind columns, in catalog order. */
  public List<String> loveColumns() {
    return new LoveClassifier(catalog, java.util.Map.of()).rules().stream().map(LoveClassifier.Rule::column).toList();
  }

  private static FieldAssembler<Schema> record(String name, String doc) {
    return SchemaBuilder.record(name).namespace(NAMESPACE).doc(doc).fields();
  }

  private static void lineage(FieldAssembler<Schema> f) {
    f.name("source_file").doc("Input file name (no folder).").type().stringType().noDefault();
    f.name("source_line").doc("Line in the input file, 1 = header.").type().longType().noDefault();
  }

  private static void surveyKeys(FieldAssembler<Schema> f, boolean withPartner) {
    f.name("clinic").doc("Clinic code given by the study.").type().stringType().noDefault();
    f.name("couple").doc("Couple pseudonym (HMAC-SHA256 of clinic and the clinic's code).").type().stringType().noDefault();
    if (withPartner) {
      f.name("partner").doc("A or B, stable within a couple.").type().stringType().noDefault();
    }
    f.name("timepoint").doc("intake, session, closing or followup.").type().stringType().noDefault();
    f.name("session").doc("Session number for session surveys; null otherwise.").type().optional().intType();
    f.name("month").doc("Month the survey was filled, YYYY-MM.").type().stringType().noDefault();
  }

  private static void design(FieldAssembler<Schema> f) {
    f.name("modality").doc("online, face_to_face or mixed.").type().stringType().noDefault();
    f.name("method").doc("EFT, IBCT, TBCT, Gottman, CBCT or other.").type().stringType().noDefault();
    f.name("session_minutes").doc("Planned session length: 45, 60 or 90.").type().intType().noDefault();
    f.name("therapist").doc("Therapist pseudonym; null when not given.").type().optional().stringType();
  }
}
