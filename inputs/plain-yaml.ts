import {
  EVENT_ID,
  type Event,
  getScalarValue,
  load,
  parseEvents,
  SCALAR_STYLE,
  type ScalarEvent,
  YAML11_SCHEMA,
} from "js-yaml";

/**
 * The quick reading of a plain YAML document, what nearly every data file is: one document, a
 * mapping or a sequence of mappings, sequences and scalars, with no directive, anchor, alias, tag,
 * repeated key, key that is not text or key that would reach an object's prototype. js-yaml's
 * event parser finds the structure (four to five times faster than the `yaml` library's, which
 * matters from a few hundred files on) and the YAML 1.2 core schema resolves the plain scalars,
 * as `yaml` does.
 *
 * Anything else is not read here (undefined): a document js-yaml refuses, one holding anything
 * beyond plain data, or text of the few kinds the two libraries read differently is read by
 * {@link YamlSource} with the `yaml` library, which decides on it and words its problems, so every
 * refusal reads as it always did and every reading is the library's.
 */
export function readPlainYaml(text: string, maxDepth: number): { readonly value: unknown } | undefined {
  if (OUTSIDE_PLAIN.test(text)) return undefined;
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth });
  } catch {
    return undefined;
  }
  return construct(text, events);
}

/** A collection being built: its value, and for a mapping the key waiting for its value. */
interface Open {
  readonly value: Record<string, unknown> | unknown[];
  key: string | undefined;
}

/** The one document of `events` as plain data, or undefined when it is not a plain document. */
function construct(text: string, events: readonly Event[]): { readonly value: unknown } | undefined {
  const open: Open[] = [];
  let documents = 0;
  let result: { value: unknown } | undefined;
  /** Puts a finished value where it belongs; false when it is a key that plain data may not have. */
  const place = (value: unknown, scalar?: ScalarEvent): boolean => {
    const parent = open.at(-1);
    if (!parent) {
      // A data file holds a mapping or a sequence; a lone scalar is the library's to read.
      if (scalar !== undefined) return false;
      result = { value };
      return true;
    }
    if (Array.isArray(parent.value)) {
      parent.value.push(value);
      return true;
    }
    if (parent.key !== undefined) {
      parent.value[parent.key] = value;
      parent.key = undefined;
      return true;
    }
    // A key: text only (a plain `1`, `true` or `~` would be read as a number, boolean or null),
    // once per mapping, and never a name on an object's prototype chain.
    if (scalar === undefined || typeof value !== "string" || RESERVED_KEYS.has(value)) return false;
    if (Object.hasOwn(parent.value, value)) return false;
    parent.key = value;
    return true;
  };
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        if (++documents > 1 || event.directives.length > 0) return undefined;
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        if (event.anchorStart !== -1 || event.tagStart !== -1 || open.length >= PLAIN_DEPTH) return undefined;
        const value = event.type === EVENT_ID.MAPPING ? {} : [];
        if (!place(value)) return undefined;
        open.push({ value, key: undefined });
        break;
      }
      case EVENT_ID.SCALAR: {
        if (event.anchorStart !== -1 || event.tagStart !== -1) return undefined;
        const source = getScalarValue(text, event);
        if (!place(event.style === SCALAR_STYLE.PLAIN ? resolvePlain(source) : source, event))
          return undefined;
        break;
      }
      case EVENT_ID.POP:
        // The document's own end pops nothing of ours.
        if (open.length > 0) open.pop();
        break;
      default:
        // An alias.
        return undefined;
    }
  }
  return documents === 1 ? result : undefined;
}

/**
 * Text where js-yaml and the `yaml` library read differently, left to the library: a tab anywhere
 * (tabs are indentation to one and separation to the other at the start of a line), a document
 * marker (`---`, `...`) not at the start of its line, a block scalar's explicit indentation (`|1`,
 * `>-2`), and a line break escaped with `\` (the two fold the empty lines after it differently).
 * Found by the property test that compares the two readings.
 */
const OUTSIDE_PLAIN = /\t|^[ ]+(?:---|\.\.\.)(?:[ ]|$)|[|>][-+]?[1-9]|\\\r?\n/m;

/**
 * Plain data nests a handful of levels; deeper documents are left to the `yaml` library, which
 * refuses them past its limit with its own words.
 */
const PLAIN_DEPTH = 32;

/** Keys that would reach an object's prototype when the document becomes plain data. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** The YAML 1.2 core schema's resolution of a plain scalar (spec 10.3.2), as the `yaml` library reads it. */
function resolvePlain(source: string): unknown {
  if (CORE_NULL.test(source)) return null;
  if (CORE_TRUE.test(source)) return true;
  if (CORE_FALSE.test(source)) return false;
  if (CORE_NUMBER.test(source)) return Number(source);
  if (CORE_INFINITY.test(source)) return source.startsWith("-") ? -Infinity : Infinity;
  if (CORE_NAN.test(source)) return Number.NaN;
  return source;
}

const CORE_NULL = /^(?:~|null|Null|NULL)?$/;
const CORE_TRUE = /^(?:true|True|TRUE)$/;
const CORE_FALSE = /^(?:false|False|FALSE)$/;
/** Integers in base 10, 8 (`0o`) and 16 (`0x`), and floats: each a form `Number` reads to the same value. */
const CORE_NUMBER =
  /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
const CORE_INFINITY = /^[-+]?\.(?:inf|Inf|INF)$/;
const CORE_NAN = /^\.(?:nan|NaN|NAN)$/;

/**
 * How a YAML 1.1 parser reads `text`: `yes`, `on` and `no` as booleans, `0777` as octal,
 * `2024-01-01` as a date. js-yaml's YAML 1.1 schema reads plain scalars as PyYAML does more closely
 * than the `yaml` library's 1.1 mode (`1e3`, `09` and `0778` stay text, as in PyYAML). Throws what
 * it cannot read. For text already read as plain YAML: no alias, anchor, tag or directive.
 */
export function readYaml11(text: string): unknown {
  return load(text, { schema: YAML11_SCHEMA, json: true, maxAliases: 0 });
}
