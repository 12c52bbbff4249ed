import { INPUT_LIMITS } from "../runtime/input-file";
import { type DataDirectory, ESTATE_DIRECTORIES, ESTATE_FILES, MIRRORS_FILE, peopleDirectory } from "./files";
import type { OrganizationDefinition } from "./organization/schema";

/**
 * Everything the loaders read for an organization, with the size limit each reads it with: what
 * `pr-data` may take from a pull request. Built from the organization's definition and the data
 * sets' own layouts (./files.ts), apart from them so that the bots, which need a path or two,
 * bundle no limits; test/cli/pr-data.coverage.test.ts holds the loaders to it, by watching what `npm
 * run validate` reads and where it refuses a size.
 */

/** A directory of data files, and the size limit of each of its files. */
export interface SizedDataDirectory extends DataDirectory {
  readonly maxBytes: number;
}

export interface DataPaths {
  /** Every data file at a fixed path, and its size limit. */
  readonly files: ReadonlyMap<string, number>;
  /** Every directory of data files: the people's and the estate's entities'. */
  readonly directories: readonly SizedDataDirectory[];
}

/** The data paths of an organization: its people, its override file and GitHub file, its data sets. */
export function dataPaths(definition: OrganizationDefinition): DataPaths {
  const estate = definition.data.includes("estate");
  const files = new Map<string, number>();
  if (definition.data.includes("mirrors")) files.set(MIRRORS_FILE, INPUT_LIMITS.mirrorList);
  if (definition.overrides !== undefined) files.set(definition.overrides, INPUT_LIMITS.overridesFile);
  if (estate) for (const path of Object.values(ESTATE_FILES)) files.set(path, INPUT_LIMITS.estateFile);
  if (typeof definition.github === "string" && !files.has(definition.github))
    files.set(definition.github, INPUT_LIMITS.estateFile);
  const directories: SizedDataDirectory[] = [
    { ...peopleDirectory(definition.people), maxBytes: INPUT_LIMITS.maintainerFile },
    ...(estate
      ? Object.values(ESTATE_DIRECTORIES).map((directory) => ({
          ...directory,
          maxBytes: INPUT_LIMITS.estateEntityFile,
        }))
      : []),
  ];
  return { files, directories };
}
