import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Annotation } from "../../app/synth";
import type { Io } from "../../cli/command";
import { annotation, printAnnotations, printWarnings } from "../../cli/report";
import type { Diagnostic } from "../../runtime/diagnostics";
import { endGroupCommand, groupCommand, logText, workflowCommand } from "../../runtime/log";
import { hostileCases, runnerLines, runnerSeesCommand } from "../support/hostile-text";

/** An Io that records what a command prints. */
function recordingIo(): Io & { readonly text: () => string } {
  let text = "";
  return {
    cwd: "/",
    env: {},
    out: (t) => {
      text += t;
    },
    err: (t) => {
      text += t;
    },
    text: () => text,
  };
}

/** What .NET's Trim removes (char.IsWhiteSpace), which the runner applies to a command's properties. */
const DOTNET_SPACE =
  "[\\t\\n\\v\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]";
const dotnetTrim = (s: string) => s.replace(new RegExp(`^${DOTNET_SPACE}+|${DOTNET_SPACE}+$`, "g"), "");

/**
 * The runner's reading of a `::` command (actions/runner ActionCommand.TryParseV2), simplified to
 * what these tests need: name, properties and data, unescaped in the runner's order.
 */
function parseV2(line: string): { name: string; props: Record<string, string>; data: string } | undefined {
  const message = line.trimStart();
  if (!message.startsWith("::")) return undefined;
  const end = message.indexOf("::", 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(" ");
  const name = space < 0 ? info : info.slice(0, space);
  const props: Record<string, string> = {};
  if (space > 0)
    for (const pair of dotnetTrim(info.slice(space + 1))
      .split(",")
      .filter((p) => p !== "")) {
      const eq = pair.indexOf("=");
      if (eq > 0 && eq < pair.length - 1)
        props[pair.slice(0, eq)] = pair
          .slice(eq + 1)
          .replace(/%0D/g, "\r")
          .replace(/%0A/g, "\n")
          .replace(/%3A/g, ":")
          .replace(/%2C/g, ",")
          .replace(/%25/g, "%");
    }
  const data = message
    .slice(end + 2)
    .replace(/%0D/g, "\r")
    .replace(/%0A/g, "\n")
    .replace(/%25/g, "%");
  return { name, props, data };
}

const diagnostic = (over: Partial<Diagnostic>): Diagnostic => ({
  file: "maintainers/alice.yaml",
  line: 3,
  col: 2,
  field: "name",
  message: "bad",
  severity: "error",
  ...over,
});

describe("defect: plain log lines could start a workflow command", () => {
  test("a warning about a file named `::add-mask::…` or quoting `##[stop-commands]` starts no command", () => {
    const io = recordingIo();
    printWarnings(io, [
      diagnostic({ severity: "warning", file: "::add-mask::hunter2", line: 0 }),
      diagnostic({ severity: "warning", file: " \u200B::stop-commands::tok", line: 0 }),
      diagnostic({ severity: "warning", message: "odd value ##[stop-commands]tok" }),
      diagnostic({ severity: "warning", message: "odd\n::add-mask::hunter2" }),
    ]);
    const lines = runnerLines(io.text());
    assert.deepEqual(lines.filter(runnerSeesCommand), [], `lines the runner would run:\n${lines.join("\n")}`);
    assert.match(
      io.text(),
      /^\\::add-mask::hunter2: warning: name: bad$/m,
      "the line is kept, visibly escaped",
    );
    assert.match(io.text(), /odd value ##\\\[stop-commands\]tok/);
  });

  test("a construct annotation with a `##[` legacy command or a zero-width prefix starts no command", () => {
    const io = recordingIo();
    const annotations: Annotation[] = [
      { constructPath: "github/team", level: "@cdktf/warning", message: "x ##[set-output name=a]b" },
      { constructPath: "\u200B::error::forged", level: "@cdktf/warning", message: ":\u200D:notice::y" },
      { constructPath: "\u2028::error::nel", level: "@cdktf/info", message: "\u0085::debug::z" },
    ];
    printAnnotations(io, annotations);
    const lines = runnerLines(io.text());
    assert.deepEqual(lines.filter(runnerSeesCommand), [], lines.join("\n"));
  });

  test("ANSI escapes and bidi overrides in data are shown, not obeyed", () => {
    assert.equal(logText("a\u001B[8mb\u202Ec"), "a\\u{1b}[8mb\\u{202e}c");
  });
});

describe("workflow commands escape every value the runner's way", () => {
  test("group titles, notices and debug lines escape their data; properties also `:` and `,`", () => {
    assert.equal(groupCommand("stack a\n::error::x 100%"), "::group::stack a%0A::error::x 100%25");
    assert.equal(endGroupCommand(), "::endgroup::");
    assert.equal(
      workflowCommand("notice", { file: "a:b,c", line: 2, col: undefined }, "m\r\n"),
      "::notice file=a%3Ab%2Cc,line=2::m%0D%0A",
    );
  });

  test("an annotation with a position that is not a whole number gets no position", () => {
    assert.equal(
      annotation(diagnostic({ line: Number.NaN, col: 4 })),
      "::error file=maintainers/alice.yaml,title=name::bad",
    );
  });
});

describe("invariants over hostile strings", () => {
  const cases = hostileCases(0x5eed, 400);

  test("an annotation is one line, our own command, and the runner reads back exactly the data", () => {
    for (const [i, text] of cases.entries()) {
      const other = cases[(i * 7 + 3) % cases.length] ?? "";
      const d = diagnostic({
        file: text,
        field: other,
        message: `${other}${text}`,
        severity: i % 2 === 0 ? "error" : "warning",
      });
      const line = annotation(d);
      const label = JSON.stringify({ file: d.file, field: d.field, message: d.message });
      assert.equal(runnerLines(line).length, 1, label);
      assert.ok(line.startsWith(`::${d.severity} file=`), label);
      const parsed = parseV2(line);
      assert.equal(parsed?.name, d.severity, label);
      assert.equal(parsed?.data, d.message, label);
      if (d.file !== "") assert.equal(parsed?.props.file, d.file, label);
      // The title is the last property: the runner trims trailing spaces (not escaped CR or LF)
      // off it, and leaves an empty one out. That loses nothing but blanks.
      const title = d.field.replace(new RegExp(`(?:(?![\\r\\n])${DOTNET_SPACE})+$`), "");
      assert.equal(parsed?.props.title, title === "" ? undefined : title, label);
      assert.equal(parsed?.props.line, "3", label);
    }
  });

  test("group titles and notices are one line and the runner reads back their data", () => {
    for (const text of cases) {
      for (const line of [groupCommand(text), workflowCommand("notice", { title: "t" }, text)]) {
        assert.equal(runnerLines(line).length, 1, JSON.stringify(text));
        assert.equal(parseV2(line)?.data, text, JSON.stringify(text));
      }
    }
  });

  test("no line printed as plain text is a command, and plain text keeps its lines", () => {
    for (const text of cases) {
      const io = recordingIo();
      printWarnings(io, [diagnostic({ severity: "warning", file: text, field: text, message: text })]);
      printAnnotations(io, [{ constructPath: text, level: "@cdktf/warning", message: text }]);
      const safe = logText(text);
      const lines = [...runnerLines(io.text()), ...runnerLines(safe)];
      assert.deepEqual(lines.filter(runnerSeesCommand), [], JSON.stringify(text));
      assert.equal(runnerLines(safe).length, runnerLines(text).length, JSON.stringify(text));
    }
  });

  test("escaping plain text is stable: text without anything to escape is printed as is", () => {
    const ordinary = "maintainers/alice.yaml:3:2: warning: name: 100% fine, see docs: https://x.example";
    assert.equal(logText(ordinary), ordinary);
    assert.equal(logText("a\nb"), "a\nb");
  });
});
