import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { YamlSource } from "../../inputs/yaml-source";
import { formatDiagnostic } from "../../runtime/diagnostics";

const problems = (text: string) => new YamlSource("f.yaml", text).syntaxProblems().map(formatDiagnostic);

const PERSON = "name: Alice\ngithub: alice\nteams:\n  pkg-committers: member\n  xbps-developers: member\n";

describe("YamlSource: YAML 1.2 core schema, always", () => {
  test("a %YAML directive is refused at its line and never obeyed", () => {
    const source = new YamlSource("f.yaml", "%YAML 1.1\n---\norg_owner: yes\n<<: {a: 1}\n");
    assert.deepEqual(source.syntaxProblems().map(formatDiagnostic), [
      "f.yaml:1:1: (yaml): has the directive %YAML 1.1 (expected none: every data file is read as YAML 1.2, whatever it declares)",
    ]);
    // Read as 1.2 even so: `yes` stays text and `<<` an ordinary key.
    assert.deepEqual(source.toJS(), { org_owner: "yes", "<<": { a: 1 } });
  });

  test("a %TAG directive is refused, as is a directive before a later document", () => {
    assert.match(
      problems("%TAG !e! tag:example.org,2000:\n---\na: 1\n")[0] ?? "",
      /^f\.yaml:1:1: \(yaml\): has the directive %TAG/,
    );
    assert.deepEqual(problems("a: 1\n...\n%YAML 1.2\n---\nb: 2\n"), [
      "f.yaml:3:1: (yaml): has the directive %YAML 1.2 (expected none: every data file is read as YAML 1.2, whatever it declares)",
      "f.yaml:4:1: (yaml): starts a second document with `---` (expected one YAML document per file)",
    ]);
  });

  test("the YAML 1.1 reading shows what PyYAML sees, only for a clean file", () => {
    const source = new YamlSource("f.yaml", "a: yes\nb: on\nc: '1'\n");
    assert.deepEqual(source.toJS(), { a: "yes", b: "on", c: "1" });
    assert.deepEqual(source.yaml11Reading(), { value: { a: true, b: true, c: "1" } });
    assert.throws(
      () => new YamlSource("f.yaml", "%YAML 1.1\n---\na: 1\n").yaml11Reading(),
      /syntax problems/,
    );
  });
});

describe("YamlSource: layout mistakes in plain words", () => {
  const cases: [string, string, string][] = [
    [
      "a line indented too little",
      "teams:\n  pkg-committers: member\n xbps-developers: member\n",
      "f.yaml:3:2: (yaml): `xbps-developers: member` is indented 1 space, less than `pkg-committers: member` above it (expected 2 spaces, like every line under `teams:`)",
    ],
    [
      "a line indented too much",
      "teams:\n  pkg-committers: member\n   xbps-developers: member\n",
      "f.yaml:3:4: (yaml): `xbps-developers: member` is indented more than `pkg-committers: member` above it (expected the same indent: only the lines under a key that ends in `:` are indented further)",
    ],
    [
      "a value holding ': '",
      "name: Alice: the second\n",
      'f.yaml:1:1: (yaml): `name: Alice: the second` has a second `: ` in its value (expected quotes around a value that holds `: `, as in `name: "Alice: the second"`)',
    ],
    [
      "a key without the space after its colon",
      "name: Alice\ngithub:alice\nteams:\n",
      "f.yaml:2:1: (yaml): `github:alice` has no space after its colon (expected `key: value`, as in `github: alice`)",
    ],
    [
      "a list item among keys",
      "teams:\n  a: member\n  - b\n",
      "f.yaml:3:3: (yaml): `- b` is a list item among `key: value` lines such as `a: member` (expected `key: value`, or the list indented under a key of its own)",
    ],
    [
      "a tab as indentation",
      "teams:\n\tpkg-committers: member\n",
      "f.yaml:2:1: (yaml): `pkg-committers: member` is indented with a tab (expected spaces: YAML allows no tabs in indentation)",
    ],
    [
      "an unclosed quote",
      'name: "Alice\ngithub: alice\n',
      'f.yaml:1:7: (yaml): `name: "Alice` opens a " quote that is never closed (expected a closing " at the end of the value)',
    ],
    [
      "a repeated key",
      "a: 1\nb: 2\na: 3\n",
      'f.yaml:3:1: (yaml): repeats the key "a" of line 1 (expected each key once in a mapping)',
    ],
  ];
  for (const [what, text, expected] of cases) test(what, () => assert.deepEqual(problems(text), [expected]));

  test("an error the table does not know keeps the library's words", () => {
    assert.deepEqual(problems("a: [1, 2\n"), [
      "f.yaml:2:1: (yaml): Flow sequence in block collection must be sufficiently indented and end with a ]",
    ]);
  });

  test("explanations look at most 64 lines around the error, so thousands of errors cost no more than lines", () => {
    const near = `x:\n${"    a: 1\n"}${"   b: 2\n".repeat(3)}`;
    assert.match(problems(near)[0] ?? "", /`b: 2` is indented 3 spaces, less than `a: 1` above it/);
    // Far below the lines it belongs with, a mistake keeps the library's words instead.
    const far = `x:\n${Array.from({ length: 70 }, (_, i) => `    c${i}: 1\n`).join("")}   b: 2\n`;
    assert.deepEqual(problems(far), ["f.yaml:72:1: (yaml): All mapping items must start at the same column"]);
  });

  test("any re-indented line of a valid file gives problems on real lines, one line each, or none", () => {
    const lines = PERSON.split("\n");
    fc.assert(
      fc.property(fc.nat(lines.length - 2), fc.integer({ min: -2, max: 3 }), (at, shift) => {
        const edited = lines.map((line, i) =>
          i === at
            ? shift >= 0
              ? " ".repeat(shift) + line
              : line.replace(new RegExp(`^ {0,${-shift}}`), "")
            : line,
        );
        for (const d of new YamlSource("f.yaml", edited.join("\n")).syntaxProblems()) {
          assert.ok(d.line >= 1 && d.line <= lines.length, formatDiagnostic(d));
          assert.ok(d.col >= 1, formatDiagnostic(d));
          assert.doesNotMatch(d.message, /\n/);
        }
      }),
    );
  });
});
