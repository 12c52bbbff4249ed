/**
 * GitHub Actions expressions (`${{ ... }}`) as the workflow rules read them. GitHub compares
 * context names, properties and function names case-insensitively, so every test here does too,
 * and string literals are skipped so that `'secrets'` is text, not the secrets context.
 */

/**
 * The bodies of the `${{ }}` expressions in `value`, or `value` itself when it is `implicit` (an
 * `if:`, which is an expression without the braces) and holds none. A `}}` inside a string literal
 * does not end an expression, and an unterminated one runs to the end of the value, so text that
 * GitHub would evaluate is never read as plain text.
 */
export function expressionsIn(value: string, implicit = false): string[] {
  const found: string[] = [];
  let at = value.indexOf("${{");
  while (at !== -1) {
    let i = at + 3;
    let quoted = false;
    for (; i < value.length; i++) {
      if (value[i] === "'") quoted = !quoted;
      else if (!quoted && value.startsWith("}}", i)) break;
    }
    found.push(value.slice(at + 3, i));
    at = value.indexOf("${{", i + 2);
  }
  return found.length === 0 && implicit ? [value] : found;
}

/** `body` with its string literals emptied (`'it''s'` → `''`), so only names remain to match. */
function withoutLiterals(body: string): string {
  return body.replace(/'(?:[^']|'')*'?/g, "''");
}

/** A use of the secrets context: `secrets.X`, `secrets['X']`, `secrets`, `SECRETS.x`... */
const SECRETS_CONTEXT = /(?<![\w.-])secrets(?![\w-])/i;
/**
 * The whole secrets context rather than one secret: `toJSON(secrets)`, `secrets` passed to any
 * function, the object filter `secrets.*`. Only `secrets.NAME` and `secrets[...]` select one.
 */
const ALL_SECRETS = /(?<![\w.-])secrets(?![\w-])(?!\s*\.\s*[a-z_]|\s*\[\s*[^\s*])/i;

/** Whether any expression in `value` reads a secret. */
export function readsSecrets(value: string, implicit = false): boolean {
  return expressionsIn(value, implicit).some((body) => SECRETS_CONTEXT.test(withoutLiterals(body)));
}

/** Whether any expression in `value` reads every secret at once. */
export function readsAllSecrets(value: string, implicit = false): boolean {
  return expressionsIn(value, implicit).some((body) => ALL_SECRETS.test(withoutLiterals(body)));
}

/** `${{ a  ==  B }}` → `a == b`: conditions compare by meaning, not by layout or letter case. */
export function normalizeCondition(condition: unknown): string {
  return String(condition ?? "")
    .trim()
    .replace(/^\$\{\{([\s\S]*)\}\}$/, "$1")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}
