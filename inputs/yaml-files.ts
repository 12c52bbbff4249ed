import { join } from "node:path";
import { DataError, type Diagnostic, fileDiagnostic } from "../runtime/diagnostics";
import { listInputDirectory, readInputText } from "../runtime/input-file";
import { YamlSource } from "./yaml-source";

/**
 * Reading data files people edit: each through the one safe reader (regular file, size limit,
 * UTF-8) and the YAML parser that refuses anchors, aliases and tags. A file that cannot be read or
 * parsed adds its problems to `problems` and yields nothing, so the caller goes on with the other
 * files and every problem is reported at once.
 */

/** The parsed file at `path` (named `display` in messages), or undefined when it was refused. */
export function readYamlFile(
  path: string,
  display: string,
  maxBytes: number,
  problems: Diagnostic[],
): YamlSource | undefined {
  return parseYamlText(() => readInputText(path, display, maxBytes), display, problems);
}

/**
 * The YAML that `read` yields (named `display` in messages), or undefined with its problems added:
 * the reader's refusal (a {@link DataError}) or the parser's.
 */
export function parseYamlText(
  read: () => string,
  display: string,
  problems: Diagnostic[],
): YamlSource | undefined {
  let text: string;
  try {
    text = read();
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    problems.push(...error.diagnostics);
    return undefined;
  }
  const source = new YamlSource(display, text);
  const syntax = source.syntaxProblems();
  if (syntax.length === 0) return source;
  problems.push(...syntax);
  return undefined;
}

/** One file of a directory of entities: its parsed source and its name without `.yaml`. */
export interface YamlEntityFile {
  readonly source: YamlSource;
  readonly stem: string;
}

export interface YamlDirectory {
  /** The directory on disk. */
  readonly dir: string;
  /** How messages name it, repository-relative (`maintainers`, `estate/machines`). */
  readonly display: string;
  /** The file names the directory may hold (each `<stem>.yaml`); any other name is a problem. */
  readonly fileName: RegExp;
  /** What a file of this directory is called in the refusal of a bad name, e.g. `<github-login>.yaml`. */
  readonly expected: string;
  /** What such a file is, e.g. `a maintainer file`. */
  readonly what: string;
  readonly maxBytes: number;
  /** Names the directory holds besides the data files (a generated schema), skipped silently. */
  readonly ignore?: ReadonlySet<string>;
}

/**
 * Every data file of a directory, in name order; a file whose name the pattern refuses, or one that
 * cannot be read or parsed, is a problem. Undefined (and a problem) when the directory itself is
 * missing or a link, so no check runs over a set of files that was never read.
 */
export function readYamlDirectory(spec: YamlDirectory, problems: Diagnostic[]): YamlEntityFile[] | undefined {
  let names: string[];
  try {
    names = listInputDirectory(spec.dir, spec.display);
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    problems.push(...error.diagnostics);
    return undefined;
  }
  const files: YamlEntityFile[] = [];
  for (const name of names) {
    if (spec.ignore?.has(name)) continue;
    const display = `${spec.display}/${name}`;
    if (!spec.fileName.test(name)) {
      problems.push(fileDiagnostic(display, `is not ${spec.what} (expected ${spec.expected})`));
      continue;
    }
    const source = readYamlFile(join(spec.dir, name), display, spec.maxBytes, problems);
    if (source) files.push({ source, stem: name.slice(0, -".yaml".length) });
  }
  return files;
}
