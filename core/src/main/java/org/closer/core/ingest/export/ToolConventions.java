package org.closer.core.ingest.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.closer.core.Messages;
import org.closer.core.UserException;
import org.closer.core.ingest.Template;

/**
 * What each survey tool's export says in its header rows, and the template columns its own
 * bookkeeping gives when the mapping does not say otherwise (a Qualtrics StartDate is the month, a
 * REDCap event is the timepoint).
 */
final class ToolConventions {
  private ToolConventions() {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LIME_SUBQUESTION = Pattern.compile("^(\\w+)\\[(?:sq0*)?(\\w+)\\]$");

  private static final Set<String> QUALTRICS_METADATA = Set.of("startdate", "enddate", "status", "progress",
      "duration (in seconds)", "finished", "recordeddate", "distributionchannel", "userlanguage");
  private static final Set<String> QUALTRICS_IDENTIFIERS = Set.of("ipaddress", "recipientlastname",
      "recipientfirstname", "recipientemail", "externalreference", "externaldatareference", "locationlatitude",
      "locationlongitude", "responseid");
  private static final Set<String> MONKEY_METADATA = Set.of("collector id", "start date", "end date");
  private static final Set<String> MONKEY_IDENTIFIERS = Set.of("respondent id", "ip address", "email address",
      "first name", "last name");
  private static final Set<String> LIME_METADATA = Set.of("id", "submitdate", "lastpage", "startlanguage", "seed",
      "startdate", "datestamp", "response id", "date submitted", "last page", "start language", "date started",
      "date last action", "interviewtime", "total time");
  private static final Set<String> LIME_IDENTIFIERS = Set.of("ipaddr", "refurl", "token", "ip address",
      "referrer url", "access code");
  private static final List<String> LIME_DATES = List.of("submitdate", "date submitted", "startdate", "date started",
      "datestamp", "date last action");

  /** A template column the format fills by default: from one column, or derived from several. */
  record Default(String target, int column, ValueRule.Kind kind, Derived derived) {}

  static List<SourceColumn> columns(ExportFormat format, List<String[]> headerRows, RedcapDictionary dictionary,
      String file) {
    String[] names = headerRows.get(0);
    List<SourceColumn> out = new ArrayList<>();
    String question = "";
    int questionNumber = 0;
    int row = 0;
    for (int i = 0; i < names.length; i++) {
      String name = clean(names[i]);
      String n = name.toLowerCase(Locale.ROOT);
      out.add(switch (format) {
        case QUALTRICS -> qualtrics(name, n, importId(headerRows, i));
        case SURVEYMONKEY -> {
          SourceColumn c = surveyMonkey(name.isEmpty() ? question : name, clean(cell(headerRows, 1, i)));
          if (!name.isEmpty()) {
            question = name;
            row = 0;
            questionNumber += c.role() == SourceColumn.Role.DATA || c.role() == SourceColumn.Role.FREE_TEXT ? 1 : 0;
          }
          row++;
          yield questionNumber == 0 || c.role() == SourceColumn.Role.IDENTIFIER || c.role() == SourceColumn.Role.METADATA ? c
              : withAlias(c, "Q" + questionNumber + "_" + row, "Q" + questionNumber);
        }
        case REDCAP -> redcap(name, n, dictionary);
        case LIMESURVEY -> limeSurvey(name, n);
        case PARQUET -> new SourceColumn(name, List.of(name),
            n.startsWith("source_") ? SourceColumn.Role.METADATA : SourceColumn.Role.DATA);
        default -> SourceColumn.data(name);
      });
    }
    return out;
  }

  private static SourceColumn qualtrics(String name, String n, String importId) {
    List<String> aliases = importId == null || importId.equalsIgnoreCase(name) ? List.of(name) : List.of(name, importId);
    SourceColumn.Role role = QUALTRICS_IDENTIFIERS.contains(n) || n.startsWith("recipient") ? SourceColumn.Role.IDENTIFIER
        : QUALTRICS_METADATA.contains(n) || n.matches("q_[a-z].*") ? SourceColumn.Role.METADATA
        : n.endsWith("_text") ? SourceColumn.Role.FREE_TEXT
        : SourceColumn.Role.DATA;
    return new SourceColumn(name, aliases, role);
  }

  /**
   * SurveyMonkey has no question ids: Q3_2 names the second column of the third question (metadata
   * not counted), as a Qualtrics export would, so a mapping can name matrix rows as a block.
   */
  private static SourceColumn withAlias(SourceColumn c, String numbered, String question) {
    List<String> aliases = new ArrayList<>(c.aliases());
    aliases.add(numbered);
    if (numbered.endsWith("_1")) {
      aliases.add(question);
    }
    return new SourceColumn(c.name(), aliases, c.role());
  }

  /** Row 1 holds the question (once per matrix), row 2 the matrix row or "Response". */
  private static SourceColumn surveyMonkey(String question, String sub) {
    String s = sub.toLowerCase(Locale.ROOT);
    boolean generic = s.isEmpty() || s.equals("response");
    String name = generic ? question : question + " - " + sub;
    String q = question.toLowerCase(Locale.ROOT);
    SourceColumn.Role role = MONKEY_IDENTIFIERS.contains(q) || q.startsWith("custom data") || q.startsWith("custom variable")
        ? SourceColumn.Role.IDENTIFIER
        : MONKEY_METADATA.contains(q) ? SourceColumn.Role.METADATA
        : s.equals("open-ended response") || s.contains("please specify") ? SourceColumn.Role.FREE_TEXT
        : SourceColumn.Role.DATA;
    List<String> aliases = generic ? List.of(name) : List.of(name, sub);
    return new SourceColumn(name, aliases, role);
  }

  private static SourceColumn redcap(String name, String n, RedcapDictionary dictionary) {
    RedcapDictionary.Field field = dictionary == null ? null : dictionary.field(n);
    SourceColumn.Role role = n.equals("redcap_survey_identifier") || (field != null && field.identifier())
        ? SourceColumn.Role.IDENTIFIER
        : n.startsWith("redcap_") || n.endsWith("_complete") || n.endsWith("_timestamp") ? SourceColumn.Role.METADATA
        : field != null && field.type().equals("notes") ? SourceColumn.Role.FREE_TEXT
        : SourceColumn.Role.DATA;
    return new SourceColumn(name, List.of(name), role);
  }

  private static SourceColumn limeSurvey(String name, String n) {
    var sub = LIME_SUBQUESTION.matcher(n);
    List<String> aliases = sub.matches() ? List.of(name, sub.group(1) + "_" + sub.group(2)) : List.of(name);
    SourceColumn.Role role = LIME_IDENTIFIERS.contains(n) ? SourceColumn.Role.IDENTIFIER
        : LIME_METADATA.contains(n) || n.endsWith("time") && !n.equals("time") ? SourceColumn.Role.METADATA
        : n.endsWith("[other]") || n.endsWith("[comment]") ? SourceColumn.Role.FREE_TEXT
        : SourceColumn.Role.DATA;
    return new SourceColumn(name, aliases, role);
  }

  /** Template columns the tool's bookkeeping gives unless the mapping or the export names them itself. */
  static List<Default> defaults(ExportFormat format, List<SourceColumn> columns) {
    List<Default> out = new ArrayList<>();
    switch (format) {
      case QUALTRICS -> {
        column(columns, "startdate").ifPresent(i -> out.add(new Default(Template.MONTH, i, ValueRule.Kind.US_DATE, null)));
        column(columns, "status").ifPresent(i -> out.add(new Default(Template.RESPONSE_STATUS, i, ValueRule.Kind.STATUS, null)));
      }
      case SURVEYMONKEY -> column(columns, "start date")
          .ifPresent(i -> out.add(new Default(Template.MONTH, i, ValueRule.Kind.US_DATE, null)));
      case REDCAP -> {
        var event = column(columns, "redcap_event_name");
        event.ifPresent(i -> out.add(new Default(Template.TIMEPOINT, i, ValueRule.Kind.EVENT, null)));
        column(columns, "redcap_data_access_group").ifPresent(i -> out.add(new Default(Template.CLINIC, i, ValueRule.Kind.PLAIN, null)));
        if (!columns.isEmpty() && columns.get(0).role() == SourceColumn.Role.DATA) {
          out.add(new Default(Template.COUPLE, 0, ValueRule.Kind.PLAIN, null));
        }
        out.add(new Default(Template.SESSION, -1, ValueRule.Kind.PLAIN,
            new Derived.RedcapSession(column(columns, "redcap_repeat_instance").orElse(-1), event.orElse(-1))));
        int[] stamps = indexes(columns, c -> c.name().toLowerCase(Locale.ROOT).endsWith("_timestamp"));
        if (stamps.length > 0) {
          out.add(new Default(Template.MONTH, -1, ValueRule.Kind.PLAIN, new Derived.FirstOf(stamps)));
        }
      }
      case LIMESURVEY -> {
        int[] dates = LIME_DATES.stream().map(d -> column(columns, d)).filter(java.util.Optional::isPresent)
            .mapToInt(java.util.Optional::get).toArray();
        if (dates.length > 0) {
          out.add(new Default(Template.MONTH, -1, ValueRule.Kind.PLAIN, new Derived.FirstOf(dates)));
        }
      }
      default -> { }
    }
    return out;
  }

  /** "Seen but not answered" codes the tool writes by default. */
  static Set<String> missingCodes(ExportFormat format) {
    return format == ExportFormat.QUALTRICS ? Set.of("-99") : Set.of();
  }

  private static java.util.Optional<Integer> column(List<SourceColumn> columns, String lowerName) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().toLowerCase(Locale.ROOT).equals(lowerName)) {
        return java.util.Optional.of(i);
      }
    }
    return java.util.Optional.empty();
  }

  private static int[] indexes(List<SourceColumn> columns, java.util.function.Predicate<SourceColumn> p) {
    return java.util.stream.IntStream.range(0, columns.size()).filter(i -> p.test(columns.get(i))).toArray();
  }

  private static String importId(List<String[]> rows, int i) {
    String json = cell(rows, 2, i);
    if (json.isEmpty()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(json);
      JsonNode id = node == null ? null : node.get("ImportId");
      return id == null || !id.isTextual() ? null : id.asText();
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private static String cell(List<String[]> rows, int row, int i) {
    return row < rows.size() && i < rows.get(row).length && rows.get(row)[i] != null ? rows.get(row)[i] : "";
  }

  private static String clean(String name) {
    return ExportFormat.normal(name).isEmpty() ? "" : (name.startsWith("\uFEFF") ? name.substring(1) : name).trim();
  }

  /** Refuses a REDCap export that came without its data dictionary. */
  static UserException noDictionary(String file) {
    return UserException.inputRefused(Messages.cannot("read REDCap export without its data dictionary", null, file,
        "Hand in the project's data dictionary CSV with the export (REDCap: Project Setup, Data Dictionary): it says"
            + " which fields identify a person"));
  }

  static Set<String> lower(java.util.Collection<String> values) {
    Set<String> out = new LinkedHashSet<>();
    values.forEach(v -> out.add(v.trim().toLowerCase(Locale.ROOT)));
    return out;
  }
}
