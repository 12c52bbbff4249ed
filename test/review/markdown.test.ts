import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  capMarkdown,
  codeBlock,
  detail,
  details,
  escapeCell,
  escapeHtml,
  essential,
  inlineCode,
  summaryTable,
  WARNING_MARKER,
  warningBlock,
} from "../../review/markdown";

describe("markdown primitives", () => {
  test("inline code and code blocks survive backticks", () => {
    assert.equal(inlineCode("a"), "`a`");
    assert.equal(inlineCode("a`b"), "``a`b``");
    assert.equal(inlineCode("`x"), "`` `x ``");
    assert.equal(
      inlineCode(" a "),
      "`  a  `",
      "CommonMark strips one space each side; the value keeps its own",
    );
    assert.equal(codeBlock("x\n```\ny", "diff"), "````diff\nx\n```\ny\n````");
  });

  test("cells escape pipes and newlines; HTML escapes markup", () => {
    assert.equal(escapeCell("a|b\nc"), "a\\|b<br>c");
    assert.equal(escapeHtml('x["<y>"]&'), "x[&quot;&lt;y&gt;&quot;]&amp;");
  });

  test("the summary table marks rows and totals the columns", () => {
    assert.equal(
      summaryTable(
        "Stack",
        ["create", "delete"],
        [
          { subject: "a", counts: { create: 1, delete: 2 }, warn: true },
          { subject: "b", counts: { create: 3 } },
        ],
      ),
      [
        "| Stack | Create | Delete |",
        "| --- | --- | --- |",
        `| ${WARNING_MARKER} a | 1 | 2 |`,
        "| b | 3 | 0 |",
        "| **Total** | **4** | **2** |",
      ].join("\n"),
    );
  });

  test("warning blocks are GitHub caution alerts with the marker", () => {
    assert.equal(
      warningBlock("2 to delete", ["- x"]),
      `> [!CAUTION]\n> ${WARNING_MARKER} **2 to delete**\n> - x`,
    );
  });

  test("details blocks collapse and keep Markdown inside renderable", () => {
    assert.equal(details("s", "| a |"), "<details><summary>s</summary>\n\n| a |\n\n</details>");
  });
});

describe("capMarkdown", () => {
  test("leaves short documents alone", () => {
    assert.equal(capMarkdown([essential("a"), detail("b")]), "a\n\nb");
  });

  test("drops details from the first overflow on, keeps every essential block, and says so", () => {
    const blocks = [
      essential("HEAD"),
      detail("x".repeat(400)),
      essential("WARN"),
      detail("y".repeat(400)),
      detail("z"),
    ];
    const out = capMarkdown(blocks, { limit: 700, fullOutputHint: "See the artifact." });
    assert.ok(out.length < 700);
    assert.ok(out.startsWith(`HEAD\n\n${"x".repeat(400)}\n\nWARN\n\n> [!NOTE]`));
    assert.match(out, /2 detail sections omitted\. See the artifact\.$/);
    assert.doesNotMatch(out, /yyy|\n\nz/);
  });

  test("cuts even essentials on a line boundary when they alone overflow", () => {
    const lines = Array.from({ length: 200 }, (_, i) => `line ${i}`).join("\n");
    const out = capMarkdown([essential(lines)], { limit: 500 });
    assert.ok(out.length < 500);
    assert.match(out, /\nline \d+\n\n> \[!NOTE\]\n> Output truncated .* and the summary cut short\.$/);
  });
});
