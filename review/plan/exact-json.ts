import { compareText } from "@void-linux/infra-constructs/core";

/**
 * JSON read exactly, for fingerprints: numbers keep the digits they were written with (JSON.parse
 * would make 12345678901234567890 and 12345678901234567891 one double), and objects are maps (a
 * key `__proto__` is a key like any other). The text must already be valid JSON within the
 * nesting limit (parseInputJson checked it).
 */

/** A number as written. */
export class JsonNumber {
  constructor(readonly text: string) {}
}

export type ExactJson = null | boolean | string | JsonNumber | ExactJson[] | Map<string, ExactJson>;

const WHITESPACE = /[ \t\n\r]*/y;
const STRING = /"(?:[^"\\]|\\.)*"/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const LITERALS = new Map<string, ExactJson>([
  ["true", true],
  ["false", false],
  ["null", null],
]);

/** `text` (valid JSON) as a tree of exact values; a repeated key keeps its last value, as JSON.parse does. */
export function parseExactJson(text: string): ExactJson {
  let at = 0;
  const skip = () => {
    WHITESPACE.lastIndex = at;
    WHITESPACE.exec(text);
    at = WHITESPACE.lastIndex;
  };
  const token = (pattern: RegExp): string => {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match) throw new SyntaxError(`not JSON at character ${at}`);
    at = pattern.lastIndex;
    return match[0];
  };
  const value = (): ExactJson => {
    skip();
    const c = text[at];
    if (c === "{") {
      at++;
      const object = new Map<string, ExactJson>();
      skip();
      if (text[at] === "}") {
        at++;
        return object;
      }
      for (;;) {
        skip();
        const key = JSON.parse(token(STRING)) as string;
        skip();
        at++; // :
        object.set(key, value());
        skip();
        if (text[at++] === "}") return object;
      }
    }
    if (c === "[") {
      at++;
      const list: ExactJson[] = [];
      skip();
      if (text[at] === "]") {
        at++;
        return list;
      }
      for (;;) {
        list.push(value());
        skip();
        if (text[at++] === "]") return list;
      }
    }
    if (c === '"') return JSON.parse(token(STRING)) as string;
    for (const [literal, meaning] of LITERALS) {
      if (!text.startsWith(literal, at)) continue;
      at += literal.length;
      return meaning;
    }
    return new JsonNumber(token(NUMBER));
  };
  const result = value();
  skip();
  if (at !== text.length) throw new SyntaxError(`not JSON at character ${at}`);
  return result;
}

/**
 * One text for one value: keys sorted by UTF-16 code units, no white space, strings as
 * JSON.stringify writes them, numbers as written.
 */
export function canonicalJson(value: ExactJson): string {
  if (value instanceof JsonNumber) return value.text;
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Map) {
    const keys = [...value.keys()].sort(compareText);
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value.get(key) ?? null)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
