import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import ts from "typescript";
import { codeEntries, REPO_ROOT, tempDir } from "../support/project";

/** Every TypeScript file of the product (the code that writes output), by path. */
function productFiles(): string[] {
  const walk = (path: string): string[] =>
    path.endsWith(".ts")
      ? [path]
      : readdirSync(join(REPO_ROOT, path), { withFileTypes: true }).flatMap((e) =>
          e.isDirectory() || e.name.endsWith(".ts") ? walk(`${path}/${e.name}`) : [],
        );
  return codeEntries()
    .filter((entry) => !entry.endsWith(".json"))
    .flatMap(walk);
}

/** Methods whose result depends on the process's locale unless one is passed, and where it goes. */
const LOCALE_ARGUMENT: ReadonlyMap<string, number> = new Map([
  ["localeCompare", 1],
  ["toLocaleString", 0],
  ["toLocaleDateString", 0],
  ["toLocaleTimeString", 0],
  ["toLocaleLowerCase", 0],
  ["toLocaleUpperCase", 0],
]);

/** Calls in `file` that take the process's locale: a locale-sensitive method or `Intl` constructor without one. */
function localeDependentCalls(file: string, text = readFileSync(join(REPO_ROOT, file), "utf8")): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const missing = (args: ts.NodeArray<ts.Expression> | undefined, index: number) => {
    const arg = args?.[index];
    return arg === undefined || (ts.isIdentifier(arg) && arg.text === "undefined");
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = node.expression;
      if (ts.isPropertyAccessExpression(callee)) {
        const name = callee.name.text;
        const index = LOCALE_ARGUMENT.get(name);
        const isIntl = ts.isIdentifier(callee.expression) && callee.expression.text === "Intl";
        if (
          (index !== undefined && missing(node.arguments, index)) ||
          (isIntl && missing(node.arguments, 0))
        ) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          found.push(`${file}:${line + 1}: ${node.getText().slice(0, 80)}`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("output is the same under every locale", () => {
  test("no product code compares, formats or cases text by the process's locale", () => {
    assert.deepEqual(
      productFiles().flatMap((file) => localeDependentCalls(file)),
      [],
    );
  });

  test("the rule sees what it forbids", () => {
    const probe = [
      "a.localeCompare(b);",
      'a.localeCompare(b, "en");',
      "n.toLocaleString();",
      "new Intl.Collator(undefined, { numeric: true });",
      'new Intl.Collator("en");',
      "x.toLocaleUpperCase();",
    ].join("\n");
    const found = localeDependentCalls("probe.ts", probe).map((line) => line.slice(line.indexOf(": ") + 2));
    assert.deepEqual(found, [
      "a.localeCompare(b)",
      "n.toLocaleString()",
      "new Intl.Collator(undefined, { numeric: true })",
      "x.toLocaleUpperCase()",
    ]);
  });

  // Czech collation puts "ch" after "h": where localeCompare ordered moved blocks, they moved.
  test("synth writes the same bytes under the C and the Czech locale", () => {
    const outputs = ["C", "cs_CZ.UTF-8"].map((locale) => {
      const outdir = join(tempDir("locale-synth-"), "cdktf.out");
      const run = spawnSync(process.execPath, [join(REPO_ROOT, "cli", "launch.cjs"), "synth"], {
        cwd: REPO_ROOT,
        encoding: "utf8",
        env: { ...process.env, LC_ALL: locale, LANG: locale, CDKTF_OUTDIR: outdir },
      });
      assert.equal(run.status, 0, run.stderr);
      return readdirSync(join(outdir, "stacks")).map((stack) =>
        readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"),
      );
    });
    for (const output of outputs.slice(1)) assert.deepEqual(output, outputs[0]);
  });
});
