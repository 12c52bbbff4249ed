import { INPUT_LIMITS } from "../runtime/input-file";
import {
  type DataDirectory,
  ESTATE_DIRECTORIES,
  ESTATE_FILES,
  MAINTAINERS,
  MIRRORS_FILE,
  OVERRIDES_FILE,
} from "./files";

/**
 * Everything the loaders read, with the size limit each reads it with: what `pr-data` may take
 * from a pull request. Built from the loaders' own definitions (./files.ts), apart from them so
 * that the bots, which need a path or two, bundle no limits; test/cli/pr-data.coverage.test.ts holds
 * the loaders to it, by watching what `npm run validate` reads and where it refuses a size.
 */

/** Every data file at a fixed path, and its size limit. */
export const DATA_FILES: ReadonlyMap<string, number> = new Map([
  [MIRRORS_FILE, INPUT_LIMITS.mirrorList],
  [OVERRIDES_FILE, INPUT_LIMITS.overridesFile],
  ...Object.values(ESTATE_FILES).map((path): [string, number] => [path, INPUT_LIMITS.estateFile]),
]);

/** A directory of data files, and the size limit of each of its files. */
export interface SizedDataDirectory extends DataDirectory {
  readonly maxBytes: number;
}

/** Every directory of data files: the people's and the estate's entities'. */
export const DATA_DIRECTORIES: readonly SizedDataDirectory[] = [
  { ...MAINTAINERS, maxBytes: INPUT_LIMITS.maintainerFile },
  ...Object.values(ESTATE_DIRECTORIES).map((directory) => ({
    ...directory,
    maxBytes: INPUT_LIMITS.estateEntityFile,
  })),
];
