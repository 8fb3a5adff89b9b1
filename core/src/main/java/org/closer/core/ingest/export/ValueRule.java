package org.closer.core.ingest.export;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.closer.core.model.Timepoint;

/**
 * How one export value becomes a template value: codes that mean "not answered" become empty, the
 * mapping's recodes apply, then the format's own reading (US dates, REDCap events, Qualtrics status).
 */
final class ValueRule implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The format's own reading of a column. */
  enum Kind {
    PLAIN,
    /** {@code 3/5/2024 10:22:13 AM} (SurveyMonkey, older Qualtrics) to {@code 2024-03}. */
    US_DATE,
    /** A REDCap event name to a timepoint. */
    EVENT,
    /** Qualtrics' response type: previews, tests and spam are not a client's answers. */
    STATUS
  }

  static final ValueRule PLAIN = new ValueRule(Kind.PLAIN, Set.of(), Map.of(), Map.of());

  private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:[ T].*)?");
  private static final Pattern ARM = Pattern.compile("_arm_\\d+$");
  private static final Pattern NUMBER_SUFFIX = Pattern.compile("^(.*?)[_ -]?(\\d+)$");

  private final Kind kind;
  private final Set<String> missing;
  private final Map<String, String> recode;
  private final Map<String, String> events;

  /**
   * @param recode lower-case export value to template value
   * @param events lower-case REDCap event name to timepoint
   */
  ValueRule(Kind kind, Set<String> missing, Map<String, String> recode, Map<String, String> events) {
    this.kind = kind;
    this.missing = Set.copyOf(missing);
    this.recode = Map.copyOf(recode);
    this.events = Map.copyOf(events);
  }

  /**
   * Whether the rule leaves every value as it is, but for surrounding spaces (which every reader of
   * the fields trims): the template's own columns, read without one.
   */
  boolean keepsValues() {
    return kind == Kind.PLAIN && missing.isEmpty() && recode.isEmpty();
  }

  String apply(String value) {
    if (value == null) {
      return null;
    }
    String t = value.trim();
    if (t.isEmpty() || !missing.isEmpty() && missing.contains(t)) {
      return "";
    }
    String recoded = recode.isEmpty() ? null : recode.get(t.toLowerCase(Locale.ROOT));
    if (recoded != null) {
      t = recoded;
    }
    return switch (kind) {
      case PLAIN -> t;
      case US_DATE -> usDate(t);
      case EVENT -> event(t).timepoint();
      case STATUS -> status(t);
    };
  }

  /** A REDCap event read as a timepoint and, for numbered session events, a session number. */
  record Event(String timepoint, String session) {}

  Event event(String name) {
    String given = events.get(name.toLowerCase(Locale.ROOT));
    String bare = ARM.matcher(name.toLowerCase(Locale.ROOT)).replaceFirst("");
    String session = null;
    Matcher numbered = NUMBER_SUFFIX.matcher(bare);
    if (numbered.matches() && !numbered.group(1).isEmpty()) {
      bare = numbered.group(1);
      session = numbered.group(2);
    }
    String timepoint = given != null ? given
        : bare.equals("baseline") ? Timepoint.INTAKE.code()
        : Timepoint.parse(bare).map(Timepoint::code).orElse(name);
    return new Event(timepoint, session);
  }

  private static String usDate(String t) {
    Matcher m = US_DATE.matcher(t);
    if (!m.matches()) {
      return t;
    }
    try {
      return YearMonth.from(LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)),
          Integer.parseInt(m.group(2)))).toString();
    } catch (java.time.DateTimeException e) {
      return t; // the month parser reports it
    }
  }

  private static String status(String t) {
    return switch (t.toLowerCase(Locale.ROOT)) {
      case "1", "survey preview", "17", "offline survey preview" -> "preview";
      case "2", "survey test" -> "test";
      case "8", "spam", "9", "preview spam", "12", "imported spam" -> "spam";
      default -> "";
    };
  }
}
