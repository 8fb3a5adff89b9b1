#!/usr/bin/env python3
"""Writes the format fixtures in this folder: one small study (clinic c07, three couples) as the
study's template and as a Qualtrics, REDCap, SurveyMonkey and LimeSurvey export, each with the
quirks of the real tool. Every export must ingest to the same responses as template/.

Run from anywhere: python3 data-samples/formats/make_fixtures.py (deterministic; no arguments).
"""
import csv
import io
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20261122)

ITEMS = {"tls45": (45, lambda i: (1, 9)), "csi16": (16, lambda i: (0, 6) if i == 1 else (0, 5)),
         "csi4": (4, lambda i: (0, 6) if i == 1 else (0, 5)), "ors": (4, lambda i: (0, 10)),
         "srs": (4, lambda i: (0, 10))}
LONG = ["tls45", "csi16"]
SHORT = ["csi4", "ors", "srs"]
COUPLES = [("K-101", "online", "EFT", 60, "T-1", True), ("K-102", "face_to_face", "IBCT", 90, "T-2", True),
           ("K-103", "online", "EFT", 45, "T-1", False)]
PEOPLE = {("K-101", "A"): ("Anna", "Lindqvist"), ("K-101", "B"): ("Erik", "Lindqvist"),
          ("K-102", "A"): ("Maria", "Berg"), ("K-102", "B"): ("Jonas", "Berg"),
          ("K-103", "A"): ("Sara", "Ek"), ("K-103", "B"): ("Omar", "Haddad")}


def answer(inst, i):
    lo, hi = ITEMS[inst][1](i)
    if rng.random() < 0.04:
        return ""
    if inst in ("ors", "srs"):
        return "%.1f" % (rng.randint(lo * 10, hi * 10) / 10)
    return str(rng.randint(lo, hi))


def surveys():
    """One dict per partner per survey, in the template's terms."""
    out = []
    for couple, modality, method, minutes, therapist, closes in COUPLES:
        waves = [("intake", "", "2026-03-04 10:22:13")]
        waves += [("session", str(s), "2026-%02d-1%d 16:05:40" % (3 + s, s)) for s in (1, 2)]
        if closes:
            waves.append(("closing", "", "2026-06-18 09:41:02"))
        for timepoint, session, stamp in waves:
            for partner in "AB":
                row = {"clinic": "c07", "couple": couple, "partner": partner, "timepoint": timepoint,
                       "session": session, "stamp": stamp, "month": stamp[:7], "modality": modality,
                       "method": method, "session_minutes": str(minutes), "therapist": therapist}
                for inst in (LONG if timepoint != "session" else SHORT):
                    for i in range(1, ITEMS[inst][0] + 1):
                        row["%s_%d" % (inst, i)] = answer(inst, i)
                out.append(row)
    return out


def item_names(instruments):
    return ["%s_%d" % (inst, i) for inst in instruments for i in range(1, ITEMS[inst][0] + 1)]


def write(path, rows, quoting=csv.QUOTE_MINIMAL, encoding="utf-8", newline="\n"):
    full = os.path.join(HERE, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    buf = io.StringIO()
    w = csv.writer(buf, quoting=quoting, lineterminator=newline)
    for r in rows:
        w.writerow(r)
    with open(full, "w", encoding=encoding, newline="") as f:
        f.write(buf.getvalue())


def text(path, content):
    full = os.path.join(HERE, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        f.write(content)


DATA = surveys()
TEMPLATE_COLUMNS = ["clinic", "couple", "partner", "timepoint", "session", "month", "modality", "method",
                    "session_minutes", "therapist"]


def template():
    header = TEMPLATE_COLUMNS + item_names(LONG + SHORT)
    write("template/clinic-c07.csv", [header] + [[r.get(c, "") for c in header] for r in DATA])


def qualtrics():
    meta = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished",
            "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName", "RecipientEmail",
            "ExternalReference", "LocationLatitude", "LocationLongitude", "DistributionChannel", "UserLanguage"]
    meta_labels = ["Start Date", "End Date", "Response Type", "IP Address", "Progress", "Duration (in seconds)",
                   "Finished", "Recorded Date", "Response ID", "Recipient Last Name", "Recipient First Name",
                   "Recipient Email", "External Data Reference", "Location Latitude", "Location Longitude",
                   "Distribution Channel", "User Language"]
    meta_ids = ["startDate", "endDate", "status", "ipAddress", "progress", "duration", "finished", "recordedDate",
                "_recordId", "recipientLastName", "recipientFirstName", "recipientEmail", "externalDataReference",
                "locationLatitude", "locationLongitude", "distributionChannel", "userLanguage"]

    def export(path, rows, questions, embedded):
        names, labels, ids = list(meta), list(meta_labels), [{"ImportId": m} for m in meta_ids]
        for qid, label, _ in questions:
            names.append(qid)
            labels.append(label)
            ids.append({"ImportId": "QID" + qid[1:]})
        for e in embedded:
            names.append(e)
            labels.append(e)
            ids.append({"ImportId": e})
        ids[0]["timeZone"] = ids[1]["timeZone"] = ids[7]["timeZone"] = "Europe/Stockholm"
        out = [names, labels, [json.dumps(i, separators=(",", ":")) for i in ids]]
        for n, r in enumerate(rows):
            first, last = PEOPLE.get((r["couple"], r["partner"]), ("Test", "Person"))
            preview = r.get("preview", False)
            line = [r["stamp"], r["stamp"], "1" if preview else "0", "192.0.2.%d" % (10 + n), "100", "512", "1",
                    r["stamp"], "R_%s" % ("%012x" % rng.getrandbits(48)), last, first,
                    "%s.%s@example.se" % (first.lower(), last.lower()), r["couple"], "59.3293", "18.0686",
                    "preview" if preview else "email", "EN"]
            for _, _, value in questions:
                line.append(value(r))
            for e in embedded:
                line.append(r[e])
            out.append(line)
        write(path, out)

    def item(name):
        return lambda r: r.get(name) or ("-99" if name in r else "")

    partner = lambda r: {"A": "1", "B": "2"}[r["partner"]]
    long_rows = [r for r in DATA if r["timepoint"] != "session"]
    preview = dict(long_rows[0], couple="TEST", preview=True)
    questions = [("Q1", "Your couple code (from your therapist)", lambda r: r["couple"]),
                 ("Q2", "Which partner are you?\n(ask your therapist if unsure)", partner),
                 ("Q3", "Which survey is this?", lambda r: {"intake": "1", "closing": "2"}[r["timepoint"]])]
    questions += [("Q5_%d" % i, "How well does each statement describe your relationship? - Statement %d" % i,
                   item("tls45_%d" % i)) for i in range(1, 46)]
    questions += [("Q6_%d" % i, "Couple satisfaction - item %d" % i, item("csi16_%d" % i)) for i in range(1, 17)]
    questions += [("Q9_TEXT", "Anything else you want to tell us?",
                   lambda r: "We argued less,\nand talked more." if r["partner"] == "A" else "")]
    embedded = ["modality", "method", "session_minutes", "therapist"]
    export("qualtrics/long/Couples long survey_November 20, 2026_10.12.csv", long_rows + [preview], questions,
           embedded)
    text("qualtrics/long/mapping.yaml", """# Clinic c07's Qualtrics survey for intake and closing (numeric export).
# Embedded data fields modality, method, session_minutes and therapist carry the template's names
# and need no mapping; StartDate gives the month and -99 (seen, not answered) is missing by default.
format: qualtrics
constants:
  clinic: c07
columns:
  Q1: couple
  Q2: partner
  Q3: timepoint
blocks:
  Q5: tls45      # matrix Q5_1..Q5_45
  Q6: csi16
recodes:
  partner: {"1": A, "2": B}
  timepoint: {"1": intake, "2": closing}
""")
    session_rows = [r for r in DATA if r["timepoint"] == "session"]
    questions = [("Q1", "Your couple code", lambda r: r["couple"]), ("Q2", "Which partner are you?", partner),
                 ("Q4", "Which session was this? (1 = first)", lambda r: r["session"])]
    for q, inst in (("Q7", "csi4"), ("Q8", "ors"), ("Q9", "srs")):
        questions += [("%s_%d" % (q, i), "%s %d" % (inst, i), item("%s_%d" % (inst, i)))
                      for i in range(1, ITEMS[inst][0] + 1)]
    export("qualtrics/sessions/Couples session survey_November 20, 2026_10.14.csv", session_rows, questions,
           embedded)
    text("qualtrics/sessions/mapping.yaml", """# Clinic c07's Qualtrics survey after each session.
format: qualtrics
constants:
  clinic: c07
  timepoint: session
columns:
  Q1: couple
  Q2: partner
  Q4: session
blocks:
  Q7: csi4
  Q8: ors
  Q9: srs
recodes:
  partner: {"1": A, "2": B}
""")


def redcap():
    enrol = ["couple_code", "partner", "pt_name", "pt_email", "pt_phone", "dob", "modality", "method",
             "session_min", "therapist_code"]
    long_items, short_items = item_names(LONG), item_names(SHORT)
    header = (["record_id", "redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance",
               "redcap_data_access_group"] + enrol + ["enrolment_complete", "relationship_survey_timestamp"]
              + long_items + ["relationship_survey_complete", "session_survey_timestamp"] + short_items
              + ["session_notes", "session_survey_complete"])
    records = {}
    for r in DATA:
        records.setdefault((r["couple"], r["partner"]), []).append(r)
    out = [header]
    for rid, ((couple, partner), rows) in enumerate(sorted(records.items()), start=1):
        first, last = PEOPLE[(couple, partner)]
        for r in rows:
            v = dict.fromkeys(header, "")
            v.update(record_id=str(rid), redcap_data_access_group="c07")
            if r["timepoint"] == "session":
                v.update(redcap_event_name="session_arm_1", redcap_repeat_instrument="session_survey",
                         redcap_repeat_instance=r["session"], session_survey_timestamp=r["stamp"],
                         session_survey_complete="2",
                         session_notes="Talked about\nthe holidays." if r["session"] == "1" else "")
                for k in short_items:
                    v[k] = r[k]
            else:
                v.update(redcap_event_name=r["timepoint"] + "_arm_1", relationship_survey_timestamp=r["stamp"],
                         relationship_survey_complete="2")
                for k in long_items:
                    v[k] = r[k]
                if r["timepoint"] == "intake":
                    v.update(couple_code=couple, partner={"A": "1", "B": "2"}[partner],
                             pt_name="%s %s" % (first, last), pt_email="%s@example.se" % first.lower(),
                             pt_phone="070-123 45 %02d" % rid, dob="1988-0%d-1%d" % (rid % 9 + 1, rid % 9),
                             modality={"online": "1", "face_to_face": "2"}[r["modality"]],
                             method={"EFT": "1", "IBCT": "2"}[r["method"]], session_min=r["session_minutes"],
                             therapist_code=r["therapist"], enrolment_complete="2")
            out.append([v[k] for k in header])
    write("redcap/CouplesStudy_DATA_2026-11-20_1012.csv", out)
    dict_header = ["Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
                   "Choices, Calculations, OR Slider Labels", "Field Note", "Text Validation Type OR Show Slider Number",
                   "Text Validation Min", "Text Validation Max", "Identifier?",
                   "Branching Logic (Show field only if...)", "Required Field?", "Custom Alignment",
                   "Question Number (surveys only)", "Matrix Group Name", "Matrix Ranking?", "Field Annotation"]

    def field(name, form, ftype, label, choices="", validation="", identifier=""):
        return [name, form, "", ftype, label, choices, "", validation, "", "", identifier, "", "", "", "", "", "", ""]

    rows = [dict_header, field("record_id", "enrolment", "text", "Record ID"),
            field("couple_code", "enrolment", "text", "Couple code\n(from the clinic's list)"),
            field("partner", "enrolment", "radio", "Partner", "1, A | 2, B"),
            field("pt_name", "enrolment", "text", "Name", identifier="y"),
            field("pt_email", "enrolment", "text", "E-mail", validation="email", identifier="y"),
            field("pt_phone", "enrolment", "text", "Phone", validation="phone", identifier="y"),
            field("dob", "enrolment", "text", "Date of birth", validation="date_ymd", identifier="y"),
            field("modality", "enrolment", "radio", "Modality", "1, Online | 2, Face to face"),
            field("method", "enrolment", "dropdown", "Method", "1, EFT | 2, IBCT"),
            field("session_min", "enrolment", "radio", "Session length", "45, 45 | 60, 60 | 90, 90"),
            field("therapist_code", "enrolment", "text", "Therapist code")]
    rows += [field(k, "relationship_survey", "radio", k, "") for k in long_items]
    rows += [field(k, "session_survey", "text", k, validation="number") for k in short_items]
    rows += [field("session_notes", "session_survey", "notes", "Notes")]
    write("redcap/CouplesStudy_DataDictionary_2026-11-20.csv", rows)
    text("redcap/mapping.yaml", """# Clinic c07's REDCap project: one record per partner; events intake_arm_1, session_arm_1
# (repeating instrument session_survey: its instance is the session number) and closing_arm_1 are read
# as timepoints by default; the data access group is the clinic; survey timestamps give the month.
# Fields flagged Identifier? = y in the data dictionary (name, e-mail, phone, date of birth) are dropped.
format: redcap
columns:
  couple_code: couple
  session_min: session_minutes
  therapist_code: therapist
recodes:
  partner: {"1": A, "2": B}
  modality: {"1": online, "2": face_to_face}
  method: {"1": EFT, "2": IBCT}
""")


def surveymonkey():
    meta = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address",
            "First Name", "Last Name", "Custom Data 1"]

    def us(stamp):
        d, t = stamp.split(" ")
        y, m, day = d.split("-")
        h, mi, s = (int(x) for x in t.split(":"))
        return "%s/%s/%s %d:%02d:%02d %s" % (m, day, y, (h - 1) % 12 + 1, mi, s, "AM" if h < 12 else "PM")

    def export(path, rows, questions):
        top, sub = list(meta), [""] * len(meta)
        for title, subs, _ in questions:
            top += [title] + [""] * (len(subs) - 1)
            sub += subs
        out = [top, sub]
        for n, r in enumerate(rows):
            first, last = PEOPLE[(r["couple"], r["partner"])]
            line = [str(114227000000 + n), "431234567", us(r["stamp"]), us(r["stamp"]), "198.51.100.%d" % (20 + n),
                    "%s@example.se" % first.lower(), first, last, "clinic list %s" % r["couple"]]
            for _, subs, value in questions:
                line += value(r)
            out.append(line)
        write(path, out, newline="\r\n")

    one = lambda f: (lambda r: [f(r)])
    common = [("Couple code", ["Open-Ended Response"], one(lambda r: r["couple"])),
              ("Which partner are you?", ["Response"], one(lambda r: "Partner " + r["partner"]))]
    design = [("Modality", ["Response"], one(lambda r: {"online": "Online", "face_to_face": "Face to face"}[r["modality"]])),
              ("Method", ["Response"], one(lambda r: r["method"])),
              ("Session length (minutes)", ["Response"], one(lambda r: r["session_minutes"])),
              ("Therapist code", ["Open-Ended Response"], one(lambda r: r["therapist"]))]

    def matrix(title, inst, label):
        n = ITEMS[inst][0]
        return (title, ["%s %d" % (label, i) for i in range(1, n + 1)],
                lambda r: [r["%s_%d" % (inst, i)] for i in range(1, n + 1)])

    questions = common + [("Which survey is this?", ["Response"], one(lambda r: r["timepoint"].capitalize()))] + design
    questions += [matrix("How well does each statement describe your relationship? (1 = not at all, 9 = extremely)",
                         "tls45", "Statement"), matrix("Couple satisfaction", "csi16", "Item"),
                  ("Anything else you want to tell us?", ["Open-Ended Response"],
                   one(lambda r: "Call me on 070-555 12 34" if r["couple"] == "K-102" else ""))]
    export("surveymonkey/long/Couples long survey.csv", [r for r in DATA if r["timepoint"] != "session"], questions)
    text("surveymonkey/long/mapping.yaml", """# Clinic c07's SurveyMonkey long survey ("actual answer text" export). SurveyMonkey has no
# question ids: Q<n> is the n-th question after the respondent columns, Q<n>_<k> its k-th matrix row.
# Start Date (MM/DD/YYYY) gives the month; respondent, IP, e-mail and name columns are dropped.
format: surveymonkey
constants:
  clinic: c07
columns:
  Q1: couple          # an open-ended box: read because it is named here
  Q2: partner
  Q3: timepoint
  Q4: modality
  Q5: method
  Q6: session_minutes
  Q7: therapist
blocks:
  Q8: tls45
  Q9: csi16
recodes:
  partner: {Partner A: A, Partner B: B}
""")
    questions = common + [("Which session was this?", ["Response"], one(lambda r: r["session"]))] + design
    questions += [matrix("Couple satisfaction (short)", "csi4", "Item"), matrix("How are you doing?", "ors", "Scale"),
                  matrix("How was today's session?", "srs", "Scale")]
    export("surveymonkey/sessions/Couples session survey.csv", [r for r in DATA if r["timepoint"] == "session"],
           questions)
    text("surveymonkey/sessions/mapping.yaml", """# Clinic c07's SurveyMonkey session survey.
format: surveymonkey
constants:
  clinic: c07
  timepoint: session
columns:
  Q1: couple
  Q2: partner
  Q3: session
  Q4: modality
  Q5: method
  Q6: session_minutes
  Q7: therapist
blocks:
  Q8: csi4
  Q9: ors
  Q10: srs
recodes:
  partner: {Partner A: A, Partner B: B}
""")


def limesurvey():
    header = ["id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp", "ipaddr", "refurl",
              "couple", "partner", "timepoint", "session", "modality", "method", "minutes", "therapist"]
    items = ["%s[SQ%03d]" % (inst, i) for inst in LONG + SHORT for i in range(1, ITEMS[inst][0] + 1)]
    out = [header + items + ["feedback", "feedback[comment]"]]
    for n, r in enumerate(DATA, start=1):
        line = [str(n), r["stamp"], "4", "en", str(rng.randint(10 ** 8, 10 ** 9)), r["stamp"], r["stamp"],
                "203.0.113.%d" % n, "https://clinic.example.se/survey?c=%s" % r["couple"], r["couple"], r["partner"],
                {"intake": "INT", "session": "SES", "closing": "CLO"}[r["timepoint"]], r["session"],
                {"online": "ONL", "face_to_face": "F2F"}[r["modality"]], r["method"], r["session_minutes"],
                r["therapist"]]
        line += [r.get("%s_%d" % (k.split("[")[0], int(k[-4:-1])), "") for k in items]
        line += ["Good session.\nSee you next week." if n % 3 == 0 else "", "sent from my phone" if n == 2 else ""]
        out.append(line)
    write("limesurvey/results-survey482135.csv", out, quoting=csv.QUOTE_ALL)
    text("limesurvey/mapping.yaml", """# Clinic c07's LimeSurvey survey (CSV export, question codes, answer codes). Question codes that
# are template names (couple, partner, ...; tls45 with subquestions SQ001.. read as tls45_1..) need no
# mapping; submitdate gives the month; ipaddr, refurl and token are dropped.
format: limesurvey
constants:
  clinic: c07
columns:
  minutes: session_minutes
recodes:
  timepoint: {INT: intake, SES: session, CLO: closing}
  modality: {ONL: online, F2F: face_to_face}
""")


template()
qualtrics()
redcap()
surveymonkey()
limesurvey()
