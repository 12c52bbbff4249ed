import {
  Composer,
  type CST,
  type Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type Pair,
  Parser,
  visit,
  YAMLParseError,
} from "yaml";
import type { Diagnostic, Severity } from "../runtime/diagnostics";
import { MAX_DEPTH } from "../runtime/input-file";
import { RESERVED_KEYS, readPlainYaml, readYaml11 } from "./plain-yaml";
import { explainYamlError } from "./yaml-errors";

export type FieldPath = readonly (string | number)[];

/** `teams.pkg-committers`, `ssh_keys[1]`; `(file)` for the document itself. */
export function fieldName(path: FieldPath): string {
  if (path.length === 0) return "(file)";
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

/**
 * A parsed YAML file that remembers where every node came from, so problems found later (by the
 * schema or by cross-file checks) can be reported at the exact line and column.
 *
 * The one reading of every data file people edit (maintainers, the mirror list, overrides) and of
 * workflows: YAML 1.2 with the core schema, always. A `%YAML` or `%TAG` directive is a problem, and
 * is never obeyed: `%YAML 1.1` would otherwise make `yes` a boolean and `<<` a merge.
 *
 * A plain document (nearly every file) is read by {@link readPlainYaml}, quickly; only where a
 * problem needs a line and column is it parsed again by the `yaml` library, whose nodes know
 * their places. Every other document is read by the `yaml` library alone, which words its
 * problems.
 */
export class YamlSource {
  private readonly problems: Diagnostic[];
  private readonly plain: { readonly value: unknown } | undefined;
  /** The text the `yaml` library reads: none at all when it nests too deep to be parsed. */
  private readonly parsed: string;
  private library: LibraryReading | undefined;
  private pairsByMap: WeakMap<object, Map<unknown, Pair>> | undefined;
  private value: { readonly js: unknown } | undefined;
  private textLines: readonly string[] | undefined;

  /**
   * Parses `text`, which may be hostile: nesting deeper than the limit is refused before the
   * parser sees it, and directives, anchors, aliases, tags and keys that would reach an object's
   * prototype are problems like any syntax error, so no file can change how it is read, expand, or
   * pollute what later stages read.
   */
  constructor(
    readonly file: string,
    private readonly text: string,
  ) {
    const tooDeep = nestingProblem(text);
    this.parsed = tooDeep ? "" : text;
    this.plain = tooDeep ? undefined : readPlainYaml(text, MAX_DEPTH);
    this.problems = tooDeep
      ? [{ file, ...tooDeep, field: "(yaml)", severity: "error" }]
      : this.plain
        ? []
        : distinct([
            ...this.reading().directives.map((directive) => this.directiveDiagnostic(directive)),
            ...this.syntaxDiagnostics(),
            ...this.structureProblems(),
          ]);
  }

  /** The `yaml` library's reading of the file: at once for a document that is not plain, when a position is asked for otherwise. */
  private reading(): LibraryReading {
    this.library ??= readWithLibrary(this.parsed);
    return this.library;
  }

  /**
   * The `yaml` library's document and where its lines start, for code that rewrites places of the
   * text in place (computed once, shared with the positions this source reports).
   */
  document(): { readonly doc: Document.Parsed; readonly lines: LineCounter } {
    const { doc, lines } = this.reading();
    return { doc, lines };
  }

  /** Syntax problems (malformed YAML, duplicate keys, aliases, forbidden keys, nesting), one diagnostic each. */
  syntaxProblems(): Diagnostic[] {
    return this.problems;
  }

  /** The document as plain data (computed once). Call only when {@link syntaxProblems} is empty. */
  toJS(): unknown {
    if (this.plain) return this.plain.value;
    this.value ??= { js: this.reading().doc.toJS({ maxAliasCount: 0 }) };
    return this.value.js;
  }

  /** Whether the document has a value (null included) at `path`. */
  has(path: FieldPath): boolean {
    return this.plain ? hasPath(this.plain.value, path) : this.reading().doc.hasIn(path);
  }

  /** Line and column of the value at `path` (or of its key with `key: true`); falls back to the nearest parent. */
  position(path: FieldPath, { key = false } = {}): { line: number; col: number } {
    const { doc, lines } = this.reading();
    let node: unknown = doc.contents;
    let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
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
    return lines.linePos(offset);
  }

  /** The pair of `map` whose key is `key`, through an index built once per map (lookups stay linear overall). */
  private pairOf(map: { items: Pair[] }, key: unknown): Pair | undefined {
    this.pairsByMap ??= new WeakMap();
    let index = this.pairsByMap.get(map);
    if (!index) {
      index = new Map(map.items.map((item) => [(item.key as { value?: unknown } | null)?.value, item]));
      this.pairsByMap.set(map, index);
    }
    return index.get(key);
  }

  /**
   * How a YAML 1.1 parser (PyYAML, which xmirror uses) reads the same text, for checks that the
   * two readings agree. Only for a file without syntax problems: by then it has no directive,
   * alias, tag or excessive nesting, so the second reading is as safe as the first.
   */
  yaml11Reading(): { readonly value: unknown } | { readonly problem: string } {
    if (this.problems.length > 0)
      throw new Error(`${this.file}: yaml11Reading() of a file with syntax problems`);
    try {
      return { value: readYaml11(this.text) };
    } catch (error) {
      return { problem: error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error) };
    }
  }

  /** Line `line` (1-based) of the text as written, without its line ending. */
  lineText(line: number): string {
    this.textLines ??= this.text.split(/\r?\n/);
    return this.textLines[line - 1] ?? "";
  }

  private directiveDiagnostic(directive: CST.Directive): Diagnostic {
    const shown = directive.source.length > 40 ? `${directive.source.slice(0, 37)}...` : directive.source;
    return this.at(
      directive.offset,
      `has the directive ${shown} (expected none: every data file is read as YAML 1.2, whatever it declares)`,
    );
  }

  /**
   * The library's errors, in plain words where {@link explainYamlError} knows them. One mistake
   * often trips several errors: those that explain to the same words are one diagnostic (see
   * `distinct`), and an error the table does not know, after an explained one, is taken for a
   * consequence of it and left out (fixing the first mistake makes it go away or shows it again).
   */
  private syntaxDiagnostics(): Diagnostic[] {
    this.textLines ??= this.text.split(/\r?\n/);
    const lines = this.textLines;
    const { doc, lines: counter } = this.reading();
    const explained = doc.errors.map((error) => {
      const { line, col } = counter.linePos(error.pos[0]);
      return {
        error,
        plain: explainYamlError({ code: error.code, message: error.message, line, col, lines }),
      };
    });
    const firstExplained = Math.min(
      ...explained.flatMap(({ error, plain }) => (plain ? [error.pos[0]] : [])),
    );
    return explained.flatMap(({ error, plain }): Diagnostic[] => {
      if (plain) return [{ file: this.file, ...plain, field: "(yaml)", severity: "error" }];
      return error.pos[0] > firstExplained ? [] : [this.at(error.pos[0], error.message)];
    });
  }

  private at(offset: number, text: string): Diagnostic {
    const { line, col } = this.reading().lines.linePos(offset);
    const message = (text.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
    return { file: this.file, line, col, field: "(yaml)", message, severity: "error" };
  }

  private structureProblems(): Diagnostic[] {
    const found: Diagnostic[] = [];
    const at = (node: Node | null | undefined, message: string) =>
      found.push(this.at(node?.range?.[0] ?? 0, message));
    const { doc, lines } = this.reading();
    visit(doc, {
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
        const seen = new Map<unknown, Node>();
        for (const pair of map.items) {
          const key = isScalar(pair.key) ? pair.key.value : pair.key;
          const first = seen.get(key);
          if (first) {
            const { line } = lines.linePos(first.range?.[0] ?? 0);
            const name = typeof key === "string" && key.length <= 60 ? ` ${JSON.stringify(key)}` : "";
            at(
              pair.key as Node,
              `repeats the key${name} of line ${line} (expected each key once in a mapping)`,
            );
          } else seen.set(key, pair.key as Node);
        }
      },
      Pair: (_, pair) => {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        if (typeof key === "string" && RESERVED_KEYS.has(key))
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

/**
 * {@link YamlSource.has} on plain data, as the `yaml` library answers it: a mapping's key is text,
 * a sequence's index a whole number (or its digits).
 */
function hasPath(value: unknown, path: FieldPath): boolean {
  let node = value;
  for (const segment of path) {
    if (Array.isArray(node)) {
      const index = segment === "" ? Number.NaN : Number(segment);
      if (!(Number.isInteger(index) && index >= 0 && index < node.length)) return false;
      node = node[index];
    } else if (typeof node === "object" && node !== null && typeof segment === "string") {
      if (!Object.hasOwn(node, segment)) return false;
      node = (node as Record<string, unknown>)[segment];
    } else return false;
  }
  return true;
}

/** `diagnostics` without repeats of the same message at the same place, in order. */
function distinct(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.line}:${d.col}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The `yaml` library's parse of a file: its document, the directives it met, and where its lines start. */
interface LibraryReading {
  readonly doc: Document.Parsed;
  readonly directives: readonly CST.Directive[];
  readonly lines: LineCounter;
}

function readWithLibrary(text: string): LibraryReading {
  const lines = new LineCounter();
  const tokens = [...new Parser(lines.addNewLine).parse(text)];
  return {
    doc: composeOne(
      tokens.filter((token) => token.type !== "directive"),
      text.length,
    ),
    directives: tokens.filter((token) => token.type === "directive"),
    lines,
  };
}

/**
 * The first document of `tokens`, composed as YAML 1.2 with the core schema (as the library's
 * `parseDocument` does, minus the directives, which are reported instead of obeyed). A second
 * document is an error on the first.
 */
function composeOne(tokens: readonly CST.Token[], length: number): Document.Parsed {
  // Duplicate keys are found in linear time by structureProblems (the library's check is quadratic).
  const composer = new Composer({ version: "1.2", schema: "core", uniqueKeys: false });
  let first: Document.Parsed | undefined;
  for (const doc of composer.compose(tokens, true, length)) {
    if (!first) first = doc;
    else {
      first.errors.push(
        new YAMLParseError(
          [doc.range[0], doc.range[1]],
          "MULTIPLE_DOCS",
          "Source contains multiple documents",
        ),
      );
      break;
    }
  }
  if (!first) throw new Error("the YAML composer produced no document");
  return first;
}

/**
 * A cheap look at the raw text before parsing: flow brackets nested deeper than the limit, or a
 * line indented further than any real document, would make the recursive parts of a YAML parser
 * work hard for nothing. Returns where, or undefined.
 */
const [NEWLINE, SPACE, DOUBLE_QUOTE, SINGLE_QUOTE, HASH] = [0x0a, 0x20, 0x22, 0x27, 0x23];
const [OPEN_SQUARE, CLOSE_SQUARE, OPEN_CURLY, CLOSE_CURLY] = [0x5b, 0x5d, 0x7b, 0x7d];
const FLOW_OPENER = /[[{]/;
const DEEP_INDENT = new RegExp(`\n {${4 * MAX_DEPTH + 1}}`);

function nestingProblem(text: string): { line: number; col: number; message: string } | undefined {
  // Most files hold no flow collection and no deep indent, which two native scans tell.
  if (!FLOW_OPENER.test(text) && !DEEP_INDENT.test(text)) return undefined;
  let depth = 0;
  let quote = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      quote = 0;
      line++;
      lineStart = i + 1;
      let indent = 0;
      while (indent <= 4 * MAX_DEPTH && text.charCodeAt(i + 1 + indent) === SPACE) indent++;
      if (indent > 4 * MAX_DEPTH)
        return {
          line,
          col: 1,
          message: `is indented more than ${4 * MAX_DEPTH} columns (expected a flatter document)`,
        };
    } else if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) quote = c;
    else if (c === HASH) {
      const end = text.indexOf("\n", i);
      i = (end === -1 ? text.length : end) - 1;
    } else if (c === OPEN_SQUARE || c === OPEN_CURLY) {
      if (++depth > MAX_DEPTH)
        return {
          line,
          col: i - lineStart + 1,
          message: `nests deeper than ${MAX_DEPTH} levels (expected a flatter document)`,
        };
    } else if (c === CLOSE_SQUARE || c === CLOSE_CURLY) depth = Math.max(0, depth - 1);
  }
  return undefined;
}
