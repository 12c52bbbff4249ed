import { isAbsolute, relative } from "node:path";
import { compareText } from "@void-linux/infra-constructs/core";
import { spellControls } from "./log";

/**
 * Diagnostics: the one shape every data problem takes, and the one way it is printed.
 * Format: `file:line:col: field: problem (expected ...)`, like a compiler, so editors and CI
 * annotations can jump to the spot.
 */
export type Severity = "error" | "warning";

export interface Diagnostic {
  /** Path relative to the repository root, e.g. `maintainers/alice.yaml`. */
  readonly file: string;
  /** 1-based line; 0 when the problem is about the file or data set as a whole. */
  readonly line: number;
  /** 1-based column; 0 when unknown. */
  readonly col: number;
  /** Dotted field path, e.g. `teams.pkg-committers`, or `(file)` for whole-file problems. */
  readonly field: string;
  /** What is wrong and what was expected. */
  readonly message: string;
  readonly severity: Severity;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.col}` : d.file;
  const prefix = d.severity === "warning" ? "warning: " : "";
  // One problem, one visible line: a file name or value can never start a line of its own.
  return spellControls(`${where}: ${prefix}${d.field}: ${d.message}`);
}

/** Stable order: by file, then position, then field, so output never depends on load order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareText(a.file, b.file) || a.line - b.line || a.col - b.col || compareText(a.field, b.field),
  );
}

/** A problem with a file or data set as a whole (line and column 0); by default an error in `(file)`. */
export function fileDiagnostic(
  file: string,
  message: string,
  { field = "(file)", severity = "error" }: { readonly field?: string; readonly severity?: Severity } = {},
): Diagnostic {
  return { file, line: 0, col: 0, field, message, severity };
}

export const errorsOf = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.filter((d) => d.severity === "error");

/** Thrown when input data is invalid; carries every problem found, not just the first. */
export class DataError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(sortDiagnostics(diagnostics).map(formatDiagnostic).join("\n"));
    this.name = "DataError";
  }
}

/** How messages name `file`: relative to `cwd` when inside it (as diagnostics expect), else absolute. */
export function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel.startsWith("..") || isAbsolute(rel) ? file : rel;
}
