import { isRecord } from "../../runtime/values";
import { SENSITIVE } from "../change/model";
import { someDecoding } from "./decodings";
import { NeedleIndex } from "./needle-index";
import { secretForms } from "./secret-forms";

/**
 * The plan summary's second line of defence against printing a secret. Terraform marks values
 * sensitive, but the marks do not follow a value everywhere: into a longer string, through an
 * encoding function, into a map key, or onto an attribute the provider never marked
 * (terraform_data's `output`, a data source's computed result). So every sensitive literal of every
 * plan is collected first, and any rendered value, map key or address that holds one — in clear,
 * or under any nesting of the encodings Terraform's functions produce — is masked too.
 */

/** How Terraform itself prints a masked value (the shared model's marker). */
export { SENSITIVE };
/** A map key or instance key that holds a sensitive literal, in paths and addresses. */
export const SENSITIVE_KEY = "(sensitive key)";

/**
 * Sensitive literals shorter than this are not searched for in other values: `true`, `""`, `1` or
 * `on` would mask half the plan and hide little (such values are still masked where they are
 * marked). JSON `true`, `false` and `null` never count, whatever their length.
 */
export const MIN_SECRET_LENGTH = 4;

const NOT_SECRETS = new Set(["true", "false", "null"]);

/** A set of sensitive literals, found in a text however Terraform's functions encoded them. */
export class Secrets {
  static readonly NONE = new Secrets([]);

  /** How many distinct literals are searched for. */
  readonly size: number;
  /** Every form of every literal that depends on the literal alone (secret-forms.ts). */
  private readonly forms: NeedleIndex;
  /** Texts already searched: plans repeat values (before and after, instances of one resource). */
  private readonly known = new Map<string, boolean>();

  constructor(literals: Iterable<string>) {
    const secrets = new Set<string>();
    for (const literal of literals) if (isSecretLike(literal)) secrets.add(literal);
    this.size = secrets.size;
    this.forms = new NeedleIndex([...secrets].flatMap(secretForms));
  }

  /**
   * Whether `text` holds a sensitive literal: in clear, in base64, as a digest, or so inside any
   * nesting of the encodings Terraform's functions produce (decodings.ts).
   */
  contains(text: string): boolean {
    if (this.forms.empty) return false;
    let found = this.known.get(text);
    if (found === undefined) {
      found = someDecoding(text, (view) => this.forms.find(view) !== undefined);
      this.known.set(text, found);
    }
    return found;
  }

  /** Whether any string, number or key anywhere inside `value` holds a sensitive literal. */
  holds(value: unknown): boolean {
    if (this.forms.empty) return false;
    const stack = [value];
    while (stack.length > 0) {
      const node = stack.pop();
      if (typeof node === "string") {
        if (this.contains(node)) return true;
      } else if (typeof node === "number") {
        if (this.contains(String(node))) return true;
      } else if (Array.isArray(node)) {
        for (const child of node) stack.push(child);
      } else if (isRecord(node)) {
        for (const [key, child] of Object.entries(node)) {
          if (this.contains(key)) return true;
          stack.push(child);
        }
      }
    }
    return false;
  }

  /**
   * `text` with every word that holds a sensitive literal replaced by {@link SENSITIVE}. Words
   * end at white space and `. [ ] " ' ( ) , ;`, so the rest of an address stays readable. A
   * literal found only across words (decoded from more than one) masks the whole text.
   */
  redact(text: string): string {
    if (!this.contains(text)) return text;
    const spans: [number, number][] = this.forms.find(text, true);
    for (const word of text.matchAll(WORD)) {
      if (this.contains(word[0])) spans.push([word.index, word.index + word[0].length]);
    }
    const words = spans.map(([start, end]): [number, number] => {
      let from = start;
      let to = end;
      while (from > 0 && !WORD_END.test(text.charAt(from - 1))) from--;
      while (to < text.length && !WORD_END.test(text.charAt(to))) to++;
      return [from, to];
    });
    words.sort((x, y) => x[0] - y[0]);
    let out = "";
    let done = 0;
    for (const [start, end] of words) {
      if (end <= done) continue;
      if (start >= done) out += `${text.slice(done, start)}${SENSITIVE}`;
      done = end;
    }
    out += text.slice(done);
    return this.contains(out) ? SENSITIVE : out;
  }
}

const WORD_END = /[\s.[\]"'(),;]/;
const WORD = /[^\s.[\]"'(),;]+/g;

/**
 * Every literal Terraform marks sensitive anywhere in a plan document: under `before_sensitive` /
 * `after_sensitive` (resource changes, drift, output changes), under `sensitive_values` next to
 * `values` (planned_values, prior_state, in every module), the `value` (and `default`) of anything
 * flagged `"sensitive": true` (outputs, variable declarations), and the values of root input
 * variables declared sensitive in `configuration`. Strings and numbers are collected; the keys of a
 * sensitive object are not (they are mostly schema attribute names like `password`).
 */
export function sensitiveLiterals(document: unknown): string[] {
  const found: string[] = [];
  const stack = [document];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const child of node) stack.push(child);
      continue;
    }
    if (!isRecord(node)) continue;
    for (const [value, marks] of MARKED) if (marks in node) collectMarked(node[value], node[marks], found);
    if (node.sensitive === true) {
      collectAll(node.value, found);
      collectAll(node.default, found);
    }
    for (const child of Object.values(node)) stack.push(child);
  }
  if (isRecord(document) && isRecord(document.variables) && isRecord(document.configuration)) {
    const declared = isRecord(document.configuration.root_module)
      ? document.configuration.root_module.variables
      : undefined;
    for (const [name, variable] of Object.entries(document.variables)) {
      const declaration = isRecord(declared) ? declared[name] : undefined;
      if (isRecord(declaration) && declaration.sensitive === true && isRecord(variable))
        collectAll(variable.value, found);
    }
  }
  return found;
}

/** Value and mark tree side by side: in changes, and in resources of planned_values and prior_state. */
const MARKED = [
  ["before", "before_sensitive"],
  ["after", "after_sensitive"],
  ["values", "sensitive_values"],
] as const;

/** Collects the leaves of `value` that its mark tree marks `true` (or lie under such a mark). */
function collectMarked(value: unknown, marks: unknown, found: string[]): void {
  const stack: [unknown, unknown][] = [[value, marks]];
  while (stack.length > 0) {
    const [v, m] = stack.pop() as [unknown, unknown];
    if (m === true) collectAll(v, found);
    else if (Array.isArray(v) && Array.isArray(m))
      for (const [i, child] of v.entries()) stack.push([child, m[i]]);
    else if (isRecord(v) && isRecord(m))
      for (const [key, child] of Object.entries(v)) stack.push([child, m[key]]);
  }
}

function collectAll(value: unknown, found: string[]): void {
  const stack = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === "string") found.push(node);
    else if (typeof node === "number") found.push(String(node));
    else if (Array.isArray(node)) for (const child of node) stack.push(child);
    else if (isRecord(node)) for (const child of Object.values(node)) stack.push(child);
  }
}

function isSecretLike(literal: string): boolean {
  return literal.length >= MIN_SECRET_LENGTH && !NOT_SECRETS.has(literal);
}
