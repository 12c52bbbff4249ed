import type { Diagnostic } from "../../runtime/diagnostics";
import { dataPaths } from "../data-files";
import { ESTATE_FILES, ORGANIZATION_FILE } from "../files";
import type { YamlSource } from "../yaml-source";
import type { OrganizationDefinition } from "./schema";

/**
 * The rules of a definition beyond its schema, one named function each: the paths it names keep
 * to their own roles, so nothing is read, routed or taken by `pr-data` as two things at once.
 */
type DefinitionCheck = (source: YamlSource, definition: OrganizationDefinition) => Diagnostic[];

const within = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

/** The files the definition names besides the people's folder, by the field naming each. */
function namedFiles(definition: OrganizationDefinition): [field: string, path: string][] {
  return [
    ...(definition.overrides === undefined ? [] : [["overrides", definition.overrides] as [string, string]]),
    ...(typeof definition.github === "string" ? [["github", definition.github] as [string, string]] : []),
  ];
}

/** The override file and the GitHub file are files of their own: not the definition, not someone's file. */
const namedFilesStandApart: DefinitionCheck = (source, definition) =>
  namedFiles(definition).flatMap(([field, path]) =>
    path === ORGANIZATION_FILE
      ? [source.diagnostic([field], `"${path}" is this definition (expected a file of its own)`)]
      : within(path, definition.people)
        ? [
            source.diagnostic(
              [field],
              `"${path}" is in the people's folder ${definition.people}/ (expected a file outside it: every YAML file there is someone's)`,
            ),
          ]
        : [],
  );

/** The people's folder holds people only: no data set's file or folder lies in it, nor it in one. */
const peopleFolderHoldsPeople: DefinitionCheck = (source, definition) => {
  const { people } = definition;
  const { files, directories } = dataPaths(definition);
  const named = new Set(namedFiles(definition).map(([, path]) => path));
  const overlapping = [...files.keys(), ...directories.map(({ dir }) => dir)].filter(
    (path) => path !== people && !named.has(path) && (within(path, people) || within(people, path)),
  );
  if (overlapping.length === 0) return [];
  const more = overlapping.length > 3 ? ` and ${overlapping.length - 3} more` : "";
  return [
    source.diagnostic(
      ["people"],
      `"${people}" overlaps the data at ${overlapping.slice(0, 3).join(", ")}${more} (expected a folder that holds people's files only)`,
    ),
  ];
};

/**
 * With the estate, the teams people join are the estate's: its repositories grant them, so a
 * second list of teams could only drift from the first.
 */
const teamsAreTheEstates: DefinitionCheck = (source, definition) =>
  definition.data.includes("estate") && definition.github !== ESTATE_FILES.github
    ? [
        source.diagnostic(
          ["github"],
          `is not the estate's GitHub organization (expected github: ${ESTATE_FILES.github}, whose teams the estate's repositories grant, so they are declared once)`,
        ),
      ]
    : [];

export const DEFINITION_CHECKS: readonly DefinitionCheck[] = [
  namedFilesStandApart,
  peopleFolderHoldsPeople,
  teamsAreTheEstates,
];
