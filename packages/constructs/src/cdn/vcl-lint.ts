/**
 * Static checks of VCL snippet code for mistakes that compile but do something else than meant.
 * Kept apart from the construct so the rules can be read (and grown) as a list.
 */

/** A regular-expression operand of `~` / `!~` in VCL: a string literal right after the operator. */
const REGEX_OPERAND = /!?~\s*"((?:[^"\\]|\\.)*)"/g;

/**
 * Character classes (`[...]`) that look like an intended alternation: they contain `|` and at least
 * one multi-character alternative, e.g. `[.gz|.xz]`, which matches ONE of the characters `. g z | x`
 * rather than the suffix `.gz` or `.xz`. Returns one message per offending class.
 */
export function alternationInCharacterClass(vcl: string): string[] {
  const problems: string[] = [];
  for (const match of vcl.matchAll(REGEX_OPERAND)) {
    const regex = match[1] ?? "";
    for (const cls of characterClasses(regex)) {
      const alternatives = cls.split("|");
      if (alternatives.length < 2 || !alternatives.some((a) => a.length > 1)) continue;
      const group = alternatives.map((a) => a.replace(/^\\?\./, "")).join("|");
      problems.push(
        `regex "${regex}" has the character class [${cls}], which matches a single character; ` +
          `for alternatives use a group (expected e.g. "\\.(${group})")`,
      );
    }
  }
  return problems;
}

/** The bodies of the bracket expressions of a POSIX/PCRE regex, escapes honoured. */
function characterClasses(regex: string): string[] {
  const classes: string[] = [];
  let i = 0;
  while (i < regex.length) {
    const ch = regex[i];
    if (ch === "\\") {
      i += 2;
      continue;
    }
    if (ch !== "[") {
      i++;
      continue;
    }
    // A `]` right after `[` or `[^` is a literal member, not the end of the class.
    let j = i + 1;
    if (regex[j] === "^") j++;
    if (regex[j] === "]") j++;
    while (j < regex.length && regex[j] !== "]") j += regex[j] === "\\" ? 2 : 1;
    classes.push(regex.slice(i + 1, j));
    i = j + 1;
  }
  return classes;
}
