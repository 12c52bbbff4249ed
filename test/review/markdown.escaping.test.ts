import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { escapeCell, escapeHtml, inlineCode, plainText, warningBlock } from "../../review/markdown";
import { problemsMarkdown } from "../../review/problems";
import type { Diagnostic } from "../../runtime/diagnostics";
import { hostileCases, MENTION, rendered, UNDEFUSED_AT } from "../support/hostile-text";

const LINE_ENDING = /[\r\n]/;

const problem = (file: string, field: string, message: string): Diagnostic => ({
  file,
  line: 2,
  col: 1,
  field,
  message,
  severity: "error",
});

/** The rows of a Markdown table block, as CommonMark splits lines (a lone CR ends one too). */
const tableLines = (markdown: string) => markdown.split(/\r\n|\r|\n/).filter((l) => l.startsWith("|"));

describe("defect: a line ending in inline code or a cell left its row", () => {
  test("a file name with a lone CR cannot add a line (a marker, an image, a mention) to the problems table", () => {
    const out = problemsMarkdown([
      problem("maintainers/x\r<!-- void-infra:review-diff -->\r@alice.yaml", "name\n\n<img src=x>", "bad"),
    ]);
    const lines = out.split(/\r\n|\r|\n/);
    assert.equal(lines.length, 6, JSON.stringify(out));
    assert.ok(
      lines.slice(3).every((l) => l.startsWith("| ") && l.endsWith(" |")),
      JSON.stringify(out),
    );
  });

  test("inline code is one line, whatever the value", () => {
    assert.equal(inlineCode("a\r\n\r\n<img src=x>\rb"), "`a  <img src=x> b`");
    assert.equal(escapeCell("a\rb"), "a<br>b");
  });

  test("a warning line with a line ending stays inside the caution block", () => {
    assert.equal(warningBlock("t", ["a\n\n@x\rb"]), "> [!CAUTION]\n> ⚠️ **t**\n> a\n> \n> @x\n> b");
  });

  test("text for a <summary> is one line: a blank line would end the HTML block", () => {
    assert.equal(escapeHtml("a\n\n<b>&"), "a  &lt;b&gt;&amp;");
  });
});

describe("defect: mention look-alikes, issue references and bidi overrides in plain text", () => {
  test("the small at-sign, entity spellings and `#12` are inert; a bidi override is spelled out", () => {
    const out = plainText("\uFE6Balice &#64;bob #12 \u202Eevil");
    assert.doesNotMatch(rendered(out), MENTION);
    assert.doesNotMatch(rendered(out), UNDEFUSED_AT);
    assert.doesNotMatch(out, /#12|\u202E/);
    assert.match(out, /\\u\{202e\}evil/);
  });
});

describe("invariants over hostile strings", () => {
  const cases = hostileCases(0xbeef, 500, 16);

  test("plain text: one line, no markup, no link, no mention, no bidi override", () => {
    for (const text of cases) {
      const out = plainText(text);
      const label = JSON.stringify(text);
      assert.doesNotMatch(out, LINE_ENDING, label);
      assert.doesNotMatch(out, /[<>\u202A-\u202E\u2066-\u2069]|:\/\/|(?<!\\)[`[\]!|*_~]/, label);
      assert.doesNotMatch(out, /&(?!amp;|lt;|gt;)/, label);
      assert.doesNotMatch(rendered(out), UNDEFUSED_AT, label);
    }
  });

  test("inline code: one line, fenced by a longer backtick run than any inside", () => {
    for (const text of cases) {
      const out = inlineCode(text);
      const label = JSON.stringify(text);
      assert.doesNotMatch(out, LINE_ENDING, label);
      const fence = /^`+/.exec(out)?.[0] ?? "";
      assert.ok(out.endsWith(fence), label);
      const inner = out.slice(fence.length, out.length - fence.length);
      const longest = Math.max(0, ...[...inner.matchAll(/`+/g)].map((m) => m[0].length));
      assert.ok(longest < fence.length, label);
    }
  });

  test("HTML text and table cells: one line; HTML text holds no markup and no mention", () => {
    for (const text of cases) {
      const label = JSON.stringify(text);
      assert.doesNotMatch(escapeCell(text), LINE_ENDING, label);
      const html = escapeHtml(text);
      assert.doesNotMatch(html, /[\r\n<>"]/, label);
      assert.doesNotMatch(rendered(html), UNDEFUSED_AT, label);
    }
  });

  test("the problems table keeps one row per problem, three cells each", () => {
    for (let i = 0; i + 2 < cases.length; i += 3) {
      const rows = [problem(cases[i] ?? "", cases[i + 1] ?? "", cases[i + 2] ?? "")];
      const out = problemsMarkdown(rows);
      const lines = tableLines(out);
      assert.equal(lines.length, 3, JSON.stringify(out));
      assert.equal(out.split(/\r\n|\r|\n/).length, 6, JSON.stringify(out));
      // Cells split on pipes not escaped by a backslash (GFM scans `\|` as escaped, longest match).
      for (const line of lines) assert.equal(line.split(/(?<!\\)\|/).length, 5, JSON.stringify(line));
    }
  });
});
