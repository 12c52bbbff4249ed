/**
 * `value` as one single-quoted POSIX shell word: the shell passes it on unchanged, whatever it
 * holds (`'`, `$(…)`, backquotes, globs). A control character is refused instead: a newline in a
 * generated script's data is never intended.
 */
export function shellWord(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(value))
    throw new Error(`refusing a control character in ${JSON.stringify(value)}`);
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
