import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { parse, stringify } from "yaml";

/**
 * Terraform's encoding and digest functions, in JavaScript, for property tests over generated
 * secrets. Each follows the Go code Terraform runs (encodings.test.ts checks them against the values
 * Terraform 1.11 wrote into the real plan `real/encodings`), except two that Go does not pin down:
 * `base64gzip` (Go's compress/gzip writes other bytes; any gzip stream must be read), and
 * `yamlencode`, which stands for every way YAML can write a string: each scalar style, folded at
 * a narrow width or not (Terraform's own, double-quoted and folded at 80 columns, is one of them).
 */
export type TerraformFunction = (text: string) => string;

/** Go's url.QueryEscape: unreserved bytes as is, the space as `+`, every other byte as `%XX`. */
export function urlencode(text: string): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9_.~-]/.test(c)) out += c;
    else if (c === " ") out += "+";
    else out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

export const base64encode: TerraformFunction = (text) => Buffer.from(text, "utf8").toString("base64");

export const base64gzip: TerraformFunction = (text) => gzipSync(Buffer.from(text, "utf8")).toString("base64");

/**
 * Go's encoding/json, as `jsonencode` of a string: JSON as JavaScript writes it, with `<`, `>`, `&`,
 * U+2028 and U+2029 also escaped as \uXXXX.
 */
export function jsonencode(text: string): string {
  return JSON.stringify(text).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

export const STRING_STYLES = [
  "PLAIN",
  "QUOTE_SINGLE",
  "QUOTE_DOUBLE",
  "BLOCK_LITERAL",
  "BLOCK_FOLDED",
] as const;

/**
 * A YAML document holding `text` under a key, in one scalar style, folded at `lineWidth`. The yaml
 * package sometimes writes a string so that it does not read back the same, which Terraform's
 * encoder never does: folded inside a surrogate pair or at blank lines next to spaces (such a text
 * is written unfolded), and, double-quoted, a line holding only a space between two line breaks
 * even unfolded (such a text is written double-quoted on one line, escaped as JSON escapes it).
 */
export function yamlencode(style: (typeof STRING_STYLES)[number], lineWidth: number): TerraformFunction {
  return (text) => {
    for (const width of [{ lineWidth, minContentWidth: 0 }, { lineWidth: 0 }]) {
      const encoded = stringify({ token: text }, { defaultStringType: style, ...width });
      if (!/\p{Cs}/u.test(encoded) && parse(encoded).token === text) return encoded;
    }
    return `token: ${JSON.stringify(text)}\n`;
  };
}

/** `textencodebase64(text, "UTF-16LE")`, and `"UTF-16"`: big-endian after a byte order mark. */
export const utf16le: TerraformFunction = (text) => Buffer.from(text, "utf16le").toString("base64");
export const utf16: TerraformFunction = (text) =>
  Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]).toString("base64");

const digest =
  (algorithm: string, encoding: "hex" | "base64"): TerraformFunction =>
  (text) =>
    createHash(algorithm).update(text, "utf8").digest(encoding);

/** md5, sha1, sha256, sha512, base64sha256, base64sha512. */
export const DIGESTS: Readonly<Record<string, TerraformFunction>> = {
  md5: digest("md5", "hex"),
  sha1: digest("sha1", "hex"),
  sha256: digest("sha256", "hex"),
  sha512: digest("sha512", "hex"),
  base64sha256: digest("sha256", "base64"),
  base64sha512: digest("sha512", "base64"),
};
