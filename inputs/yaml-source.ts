import { isMap, isScalar, isSeq, LineCounter, type Node, type Pair, parseDocument, visit } from "yaml";
import type { Diagnostic, Severity } from "../runtime/diagnostics";
import { MAX_DEPTH } from "../runtime/input-file";

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
  private readonly problems: Diagnostic[];
  private readonly pairsByMap = new WeakMap<object, Map<unknown, Pair>>();
  private value: { readonly js: unknown } | undefined;

  /**
   * Parses `text`, which may be hostile: nesting deeper than the limit is refused before the
   * parser sees it, and anchors, aliases and keys that would reach an object's prototype are
   * problems like any syntax error, so no file can expand or pollute what later stages read.
   */
  constructor(
    readonly file: string,
    text: string,
  ) {
    const tooDeep = nestingProblem(text);
    this.doc = parseDocument(tooDeep ? "" : text, {
      lineCounter: this.lines,
      prettyErrors: false,
      // Duplicate keys are found below in linear time (the parser's own check is quadratic).
      uniqueKeys: false,
    });
    this.problems = tooDeep
      ? [{ file, ...tooDeep, field: "(yaml)", severity: "error" }]
      : [
          ...this.doc.errors.map((error) => this.syntaxDiagnostic(error.pos[0], error.message)),
          ...this.structureProblems(),
        ];
  }

  /** Syntax problems (malformed YAML, duplicate keys, aliases, forbidden keys, nesting), one diagnostic each. */
  syntaxProblems(): Diagnostic[] {
    return this.problems;
  }

  /** The document as plain data (computed once). Call only when {@link syntaxProblems} is empty. */
  toJS(): unknown {
    this.value ??= { js: this.doc.toJS({ maxAliasCount: 0 }) };
    return this.value.js;
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
        const pair = this.pairOf(node, segment);
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

  /** The pair of `map` whose key is `key`, through an index built once per map (lookups stay linear overall). */
  private pairOf(map: { items: Pair[] }, key: unknown): Pair | undefined {
    let index = this.pairsByMap.get(map);
    if (!index) {
      index = new Map(map.items.map((item) => [(item.key as { value?: unknown } | null)?.value, item]));
      this.pairsByMap.set(map, index);
    }
    return index.get(key);
  }

  private syntaxDiagnostic(offset: number, text: string): Diagnostic {
    const { line, col } = this.lines.linePos(offset);
    const message = text.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
    return { file: this.file, line, col, field: "(yaml)", message, severity: "error" };
  }

  private structureProblems(): Diagnostic[] {
    const found: Diagnostic[] = [];
    const at = (node: Node | null | undefined, message: string) =>
      found.push(this.syntaxDiagnostic(node?.range?.[0] ?? 0, message));
    visit(this.doc, {
      Alias: (_, node) =>
        void at(node, "uses an alias (expected plain values: anchors and aliases are not allowed)"),
      Node: (_, node, path) => {
        if (node.tag) at(node, `has the tag ${node.tag} (expected plain values: tags are not allowed)`);
        if (node.anchor)
          at(
            node,
            `defines anchor &${node.anchor} (expected plain values: anchors and aliases are not allowed)`,
          );
        if (path.length > 2 * MAX_DEPTH) {
          at(node, `nests deeper than ${MAX_DEPTH} levels (expected a flatter document)`);
          return visit.BREAK;
        }
        return undefined;
      },
      Map: (_, map) => {
        const seen = new Set<unknown>();
        for (const pair of map.items) {
          const key = isScalar(pair.key) ? pair.key.value : pair.key;
          if (seen.has(key)) at(pair.key as Node, "Map keys must be unique");
          seen.add(key);
        }
      },
      Pair: (_, pair) => {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        if (typeof key === "string" && FORBIDDEN_KEYS.has(key))
          at(pair.key as Node, `uses the key "${key}", which is reserved (expected a field or team name)`);
      },
    });
    return found;
  }

  diagnostic(
    path: FieldPath,
    message: string,
    { key = false, severity = "error" as Severity } = {},
  ): Diagnostic {
    return { file: this.file, ...this.position(path, { key }), field: fieldName(path), message, severity };
  }
}

/** Keys that would reach an object's prototype when the document becomes plain data. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * A cheap look at the raw text before parsing: flow brackets nested deeper than the limit, or a
 * line indented further than any real document, would make the recursive parts of a YAML parser
 * work hard for nothing. Returns where, or undefined.
 */
function nestingProblem(text: string): { line: number; col: number; message: string } | undefined {
  let depth = 0;
  let quote = "";
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") {
      quote = "";
      line++;
      lineStart = i + 1;
      const indent = /^ */.exec(text.slice(i + 1, i + 2 + 4 * MAX_DEPTH))?.[0].length ?? 0;
      if (indent > 4 * MAX_DEPTH)
        return {
          line,
          col: 1,
          message: `is indented more than ${4 * MAX_DEPTH} columns (expected a flatter document)`,
        };
    } else if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "#") {
      const end = text.indexOf("\n", i);
      i = (end === -1 ? text.length : end) - 1;
    } else if (c === "[" || c === "{") {
      if (++depth > MAX_DEPTH)
        return {
          line,
          col: i - lineStart + 1,
          message: `nests deeper than ${MAX_DEPTH} levels (expected a flatter document)`,
        };
    } else if (c === "]" || c === "}") depth = Math.max(0, depth - 1);
  }
  return undefined;
}
