import { join } from "node:path";
import type { z } from "zod";
import { MODULES, type ModuleSpec } from "../../estate/modules";
import type { Diagnostic } from "../../runtime/diagnostics";
import { INPUT_LIMITS } from "../../runtime/input-file";
import { ESTATE_DIRECTORIES, ESTATE_FILES } from "../files";
import { parseDocumentWith } from "../schema-issues";
import { readYamlDirectory, readYamlFile } from "../yaml-files";
import type { YamlSource } from "../yaml-source";
import { accessSchema } from "./access";
import { consulSchema } from "./consul";
import { dnsSchema } from "./dns";
import { githubSchema, repositorySchema } from "./github";
import { digitalOceanSchema, hostsSchema, machineSchema } from "./hosts";
import { nomadSchema } from "./nomad";
import { proxiesSchema, serviceSchema } from "./services";
import { tlsSchema } from "./tls";
import { vaultSchema } from "./vault";

/** The schema of each file that holds one kind of thing (`estate/<kind>.yaml`). */
export const KIND_SCHEMAS = {
  github: githubSchema,
  access: accessSchema,
  hosts: hostsSchema,
  digitalocean: digitalOceanSchema,
  dns: dnsSchema,
  proxies: proxiesSchema,
  nomad: nomadSchema,
  consul: consulSchema,
  vault: vaultSchema,
  tls: tlsSchema,
} as const satisfies Record<keyof typeof ESTATE_FILES, z.ZodType>;

/** The schema of each directory's files, and the kind of entity they hold (which names the schema's file). */
export const ENTITY_SCHEMAS = {
  repositories: { schema: repositorySchema, kind: "repository" },
  machines: { schema: machineSchema, kind: "machine" },
  services: { schema: serviceSchema, kind: "service" },
} as const satisfies Record<keyof typeof ESTATE_DIRECTORIES, { schema: z.ZodType; kind: string }>;

/** A file that passed its schema: where it came from, and what it says. */
export interface Loaded<T> {
  readonly source: YamlSource;
  readonly data: T;
}

/** One file of a directory of entities; the entity is named by the file. */
export interface LoadedEntity<T> extends Loaded<T> {
  readonly name: string;
}

type KindFiles = { readonly [K in keyof typeof KIND_SCHEMAS]?: Loaded<z.output<(typeof KIND_SCHEMAS)[K]>> };
type EntityFiles = {
  readonly [K in keyof typeof ENTITY_SCHEMAS]: readonly LoadedEntity<
    z.output<(typeof ENTITY_SCHEMAS)[K]["schema"]>
  >[];
};

/**
 * Every estate file that passed its schema (a file that did not is absent, its problems reported),
 * and the registry modules, which stay code.
 */
export type EstateFiles = KindFiles &
  EntityFiles & {
    /**
     * The names of every file each directory holds, those that failed their schema included (they
     * are declared, only wrong); undefined when the directory itself could not be read, so that
     * references to its entities go unchecked rather than all reported unknown.
     */
    readonly listed: { readonly [K in keyof typeof ENTITY_SCHEMAS]?: ReadonlySet<string> };
    readonly modules: Readonly<Record<string, ModuleSpec>>;
  };

/** Reads every estate data file under `root` through the safe reader and its schema; problems go to `problems`. */
export function readEstateFiles(root: string, problems: Diagnostic[]): EstateFiles {
  const kinds: Record<string, Loaded<unknown>> = {};
  for (const [kind, schema] of Object.entries(KIND_SCHEMAS)) {
    const display = ESTATE_FILES[kind as keyof typeof ESTATE_FILES];
    const source = readYamlFile(join(root, display), display, INPUT_LIMITS.estateFile, problems);
    const data = source && parseDocumentWith(source, schema, problems);
    if (source && data) kinds[kind] = { source, data };
  }
  const entities: Record<string, LoadedEntity<unknown>[]> = {};
  const listed: Record<string, ReadonlySet<string>> = {};
  for (const [kind, { schema }] of Object.entries(ENTITY_SCHEMAS)) {
    const directory = ESTATE_DIRECTORIES[kind as keyof typeof ESTATE_DIRECTORIES];
    const files = readYamlDirectory(
      {
        ...directory,
        dir: join(root, directory.dir),
        display: directory.dir,
        maxBytes: INPUT_LIMITS.estateEntityFile,
      },
      problems,
    );
    if (files) listed[kind] = new Set(files.map((file) => file.stem));
    entities[kind] = (files ?? []).flatMap(({ source, stem }) => {
      const data = parseDocumentWith(source, schema, problems, { documents: files?.length });
      return data ? [{ source, data, name: stem }] : [];
    });
  }
  return { ...kinds, ...entities, listed, modules: MODULES } as EstateFiles;
}
