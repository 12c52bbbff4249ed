import { isMap, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { Diagnostic, Severity } from "../runtime/diagnostics";

export type FieldPath = readonly (string | number)[];

/** `teams.pkg-committers`, `ssh_keys[1]`; `(file)` for the document itself. */
export function fieldName(path: FieldPath): string {
  if (path.length === 0) return "(file)";
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

/**
 * A parsed YAML file that remembers where every node came from, so problems found later (by the
 * schema or by cross-file checks) can be reported at the exact line and column.
 */
export class YamlSource {
  private readonly lines = new LineCounter();
  private readonly doc;

  constructor(
    readonly file: string,
    text: string,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
  }

  /** Syntax problems (malformed YAML, duplicate keys), one diagnostic each. */
  syntaxProblems(): Diagnostic[] {
    return this.doc.errors.map((error) => {
      const { line, col } = this.lines.linePos(error.pos[0]);
      const message = error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
      return { file: this.file, line, col, field: "(yaml)", message, severity: "error" as const };
    });
  }

  toJS(): unknown {
    return this.doc.toJS();
  }

  has(path: FieldPath): boolean {
    return this.doc.hasIn(path);
  }

  /** Line and column of the value at `path` (or of its key with `key: true`); falls back to the nearest parent. */
  position(path: FieldPath, { key = false } = {}): { line: number; col: number } {
    let node: unknown = this.doc.contents;
    let offset = (this.doc.contents as Node | null)?.range?.[0] ?? 0;
    for (const [index, segment] of path.entries()) {
      const last = index === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((item) => (item.key as { value?: unknown })?.value === segment);
        if (!pair) break;
        const target = (last && key) || pair.value === null ? pair.key : pair.value;
        offset = (target as Node).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === "number" && node.items[segment]) {
        node = node.items[segment];
        offset = (node as Node).range?.[0] ?? offset;
      } else {
        break;
      }
    }
    return this.lines.linePos(offset);
  }

  diagnostic(
    path: FieldPath,
    message: string,
    { key = false, severity = "error" as Severity } = {},
  ): Diagnostic {
    return { file: this.file, ...this.position(path, { key }), field: fieldName(path), message, severity };
  }
}
