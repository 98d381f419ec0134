import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { neutralizeCsvCell, parseCsv, toCsv } from "@/lib/import/csv";

import { UPR_CSV } from "../../tests/support/fixture-files";
const UPR_HEADERS = [
  "To",
  "To-Rgrp",
  "To-Org",
  "Text",
  "From",
  "From-Rgrp",
  "From-Org",
  "Response",
  "Action",
  "Issue",
  "Session",
];

describe("parseCsv", () => {
  it("strips a BOM and reads LF files", () => {
    const parsed = parseCsv("\uFEFFName,Status\nRatify CAT,Accepted\nAbolish death penalty,Noted\n");
    expect(parsed).toEqual({
      headers: ["Name", "Status"],
      rows: [
        ["Ratify CAT", "Accepted"],
        ["Abolish death penalty", "Noted"],
      ],
      delimiter: ",",
    });
  });

  it("reads CRLF and CR-only line ends, also inside quoted cells", () => {
    const expected = [
      ["1", "line one\nline two"],
      ["2", "plain"],
    ];
    expect(parseCsv('id,text\r\n1,"line one\r\nline two"\r\n2,plain\r\n').rows).toEqual(expected);
    expect(parseCsv('id,text\r1,"line one\rline two"\r2,plain\r').rows).toEqual(expected);
  });

  it("keeps quoted newlines, delimiters and doubled quotes", () => {
    const parsed = parseCsv('Text,Note\n"Adopt a law on ""foreign agents"", then\nrepeal it","a;b"\n');
    expect(parsed.rows).toEqual([['Adopt a law on "foreign agents", then\nrepeal it', "a;b"]]);
    expect(parsed.delimiter).toBe(",");
  });

  it("detects semicolons (European Excel) and tabs", () => {
    const semicolon = parseCsv(
      "Pays;Recommandation;Réponse\nFrance;Ratifier la convention, sans réserve;Acceptée\n",
    );
    expect(semicolon.delimiter).toBe(";");
    expect(semicolon.headers).toEqual(["Pays", "Recommandation", "Réponse"]);
    expect(semicolon.rows).toEqual([["France", "Ratifier la convention, sans réserve", "Acceptée"]]);

    const tab = parseCsv("State\tText\tResponse\nChile\tEnd impunity, now\tSupported\n");
    expect(tab.delimiter).toBe("\t");
    expect(tab.rows).toEqual([["Chile", "End impunity, now", "Supported"]]);
  });

  it("skips fully empty lines and keeps cells as written", () => {
    const parsed = parseCsv("a,b\n\n1, x \n,\n   \n2,\n");
    expect(parsed.rows).toEqual([
      ["1", " x "],
      ["2", ""],
    ]);
  });

  it("trims header names and makes duplicates unique", () => {
    const parsed = parseCsv(" Issue ,Issue,issue,Issue (2),,Text\n1,2,3,4,5,6\n");
    expect(parsed.headers).toEqual(["Issue", "Issue (3)", "issue (4)", "Issue (2)", "Column 5", "Text"]);
    expect(parseCsv("Issue,Issue\nx,y\n").headers).toEqual(["Issue", "Issue (2)"]);
  });

  it("returns no headers for empty input", () => {
    expect(parseCsv("")).toEqual({ headers: [], rows: [], delimiter: "," });
    expect(parseCsv("\uFEFF\r\n\r\n").headers).toEqual([]);
  });

  it("parses the UPR Info export of sessions 1–5 (~6,000 rows)", () => {
    // The file is Mac Roman with five accented letters; decode as UTF-8 here (they become U+FFFD).
    const text = new TextDecoder("utf-8").decode(readFileSync(UPR_CSV));
    const started = performance.now();
    const parsed = parseCsv(text);
    console.log(
      `upr-info-sessions-1-5.csv: ${parsed.rows.length} rows in ${Math.round(performance.now() - started)} ms`,
    );
    expect(parsed.headers).toEqual(UPR_HEADERS);
    expect(parsed.delimiter).toBe(",");
    expect(parsed.rows.length).toBeGreaterThan(5_500);
    expect(parsed.rows.length).toBeLessThan(6_500);
    expect(parsed.rows.every((row) => row.length === UPR_HEADERS.length)).toBe(true);
    expect(parsed.rows[0]).toEqual([
      "Afghanistan",
      "Asia",
      "OIC",
      "Enact legislation and take effective measures to protect and promote women's rights, especially with " +
        "regard to forced marriages, honour killings and access to education for all girls.",
      "Austria",
      "WEOG",
      "EU",
      "Accepted",
      "5",
      "Rights of the Child,Women's rights",
      "5",
    ]);
  });

  it("parses a generated 50,000-row file", () => {
    const lines = ["id,state,text,response"];
    for (let i = 0; i < 50_000; i++) {
      lines.push(`${i},State ${i % 193},"Recommendation ${i}: ratify, adopt and ""implement""",Supported`);
    }
    const text = lines.join("\r\n");
    const started = performance.now();
    const parsed = parseCsv(text);
    console.log(`generated CSV: ${parsed.rows.length} rows in ${Math.round(performance.now() - started)} ms`);
    expect(parsed.rows).toHaveLength(50_000);
    expect(parsed.rows[49_999]).toEqual([
      "49999",
      "State 12",
      'Recommendation 49999: ratify, adopt and "implement"',
      "Supported",
    ]);
  });
});

describe("neutralizeCsvCell", () => {
  it("prefixes cells that spreadsheets would run as formulas", () => {
    expect(neutralizeCsvCell('=HYPERLINK("http://evil.example","Click")')).toBe(
      `'=HYPERLINK("http://evil.example","Click")`,
    );
    expect(neutralizeCsvCell("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(neutralizeCsvCell("-2+3")).toBe("'-2+3");
    expect(neutralizeCsvCell("@SUM(A1:A2)")).toBe("'@SUM(A1:A2)");
    expect(neutralizeCsvCell("\t=1+1")).toBe("'\t=1+1");
    expect(neutralizeCsvCell("\r=1+1")).toBe("'\r=1+1");
  });

  it("prefixes cells with a formula after a separator, which ;-separated spreadsheets split into a new cell", () => {
    for (const value of [
      'Ratify the CAT;=HYPERLINK("http://evil.example")',
      "note,=1+1",
      "a;@SUM(A1)",
      "x\t-cmd|' /C calc'!A0",
      "line one\n+SUM(A1:A9)",
      "a; =1+1",
    ]) {
      expect(neutralizeCsvCell(value), value).toBe(`'${value}`);
    }
  });

  it("leaves ordinary text and plain numbers alone", () => {
    for (const value of [
      "Ratify the CAT",
      "",
      "a=b",
      " =1",
      "-12.5",
      "+44",
      "-1,000",
      "1e-5",
      "Temperatures fell to -5, -7 and +2",
      "Paris; Geneva",
    ]) {
      expect(neutralizeCsvCell(value)).toBe(value);
    }
  });
});

describe("toCsv", () => {
  it("writes RFC 4180 CSV with CRLF, quoting and a UTF-8 BOM", () => {
    const csv = toCsv(
      ["Title", "Note", "Count"],
      [
        ["Ratify, then implement", 'Say "now"', 3],
        ["Two\nlines", null, undefined],
        ["Café", " padded ", Number.NaN],
      ],
    );
    expect(csv).toBe(
      "\uFEFFTitle,Note,Count\r\n" +
        '"Ratify, then implement","Say ""now""",3\r\n' +
        '"Two\nlines",,\r\n' +
        'Café," padded ",\r\n',
    );
  });

  it("neutralizes every cell, headers included, and survives a round trip", () => {
    const formula = '=HYPERLINK("http://evil.example","Click, here")';
    const csv = toCsv(
      ["=Title", "Status"],
      [
        [formula, "@risk"],
        ["-5", -5],
      ],
    );
    const parsed = parseCsv(csv);
    expect(parsed.headers).toEqual(["'=Title", "Status"]);
    expect(parsed.rows).toEqual([
      [`'${formula}`, "'@risk"],
      ["-5", "-5"],
    ]);
  });
});
