package org.closer.core.ingest;

/** Why a row went to quarantine. The code is what the {@code quarantine} dataset's {@code reason} holds. */
public enum Reason {
  MALFORMED_ROW("the row does not have the header's number of fields, or its quoting is broken"),
  EMPTY_ROW("every field of the row is empty, as a spreadsheet saves rows below its table"),
  MISSING_COLUMN("the file lacks a column every row needs"),
  MISSING_FIELD("a required field is empty"),
  NOT_A_RESPONSE("a survey tool's preview, test or spam response, not a client's answers"),
  PII_VALUE("a value looks like it identifies a person (e-mail, phone, identity number, address): masked, never stored"),
  BAD_CLINIC("the clinic code is not a study code (letters, digits, '-', '_' or '.', at most 32)"),
  BAD_CATEGORY("a categorical field holds a value outside its list"),
  BAD_SESSION("the session number is missing, not a positive whole number, or given outside a session survey"),
  BAD_MONTH("the month or date cannot be read, or does not exist"),
  NOT_A_NUMBER("an item answer is not a number"),
  ITEM_OUT_OF_RANGE("an item answer is outside its instrument's response range"),
  TOO_MANY_PARTNERS("a partner other than A or B: a couple has two partners"),
  DUPLICATE_SURVEY("a second row for the same clinic, couple, partner, timepoint and session"),
  MISSING_DESIGN("neither the row nor the roster gives the couple's design variables"),
  DESIGN_CONFLICT("the row's design variables differ from the roster's"),
  DUPLICATE_COUPLE("a second roster row for the same couple");

  private final String meaning;

  Reason(String meaning) {
    this.meaning = meaning;
  }

  public String meaning() {
    return meaning;
  }
}
