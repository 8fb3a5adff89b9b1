package org.closer.jobs;

import org.apache.spark.sql.SparkSession;
import org.closer.core.dataset.DatasetSchemas;
import org.closer.core.instrument.InstrumentCatalog;
import org.closer.core.privacy.PseudonymKey;
import org.closer.core.study.StudyConfig;

/**
 * What every stage of a run shares.
 *
 * @param input folder of the study's exports
 * @param studyFile the study configuration's path as given, or null when defaults are used
 * @param key null for stages that do not pseudonymise
 */
public record RunContext(
    SparkSession spark,
    InstrumentCatalog catalog,
    StudyConfig study,
    String studyFile,
    PseudonymKey key,
    String input,
    Outputs outputs,
    DataFs fs,
    Progress progress) {

  public DatasetSchemas schemas() {
    return new DatasetSchemas(catalog);
  }
}
