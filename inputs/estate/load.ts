import { FASTLY } from "../../estate/fastly";
import { STATE } from "../../estate/state";
import { DataError, type Diagnostic, errorsOf } from "../../runtime/diagnostics";
import { ESTATE_CHECKS } from "./checks";
import { type EstateFiles, type Loaded, readEstateFiles } from "./files";
import type { GithubFile } from "./github";
import type { Estate } from "./model";

export interface EstateLoad {
  /** The validated estate; undefined when any file or rule has an error. */
  readonly estate?: Estate;
  /** The GitHub organization, known as soon as `estate/github.yaml` passed its schema (the people's files need its teams). */
  readonly github?: GithubFile;
  /** Every problem in every estate file, errors and warnings. */
  readonly problems: readonly Diagnostic[];
}

/** Reads, validates and cross-checks every estate data file under `root`, reporting every problem at once. */
export function readEstate(root: string): EstateLoad {
  const problems: Diagnostic[] = [];
  const files = readEstateFiles(root, problems);
  for (const check of Object.values(ESTATE_CHECKS)) problems.push(...check(files));
  return {
    estate: errorsOf(problems).length === 0 ? toEstate(files) : undefined,
    github: files.github?.data,
    problems,
  };
}

/** {@link readEstate} for callers that need the estate or nothing: its problems are thrown as one {@link DataError}. */
export function loadEstate(root: string): Estate {
  const { estate, problems } = readEstate(root);
  if (!estate) throw new DataError(problems);
  return estate;
}

/** The model of sound files: every file is there (a missing one is an error, so this is never reached). */
function toEstate(files: EstateFiles): Estate {
  const github = present(files.github);
  const hosts = present(files.hosts);
  const proxies = present(files.proxies);
  return {
    github: { ...github, repositories: files.repositories.map(({ name, data }) => ({ name, ...data })) },
    dns: present(files.dns),
    hosts: {
      ...hosts,
      machines: Object.fromEntries(files.machines.map(({ name, data }) => [name, data])),
      digitalocean: present(files.digitalocean),
    },
    services: {
      tiers: proxies.tiers,
      proxied: files.services.map(({ data }) => data),
      fragments: proxies.fragments,
    },
    fastly: FASTLY,
    hashistack: {
      nomad: present(files.nomad),
      consul: present(files.consul),
      vault: present(files.vault),
      modules: files.modules,
    },
    tls: present(files.tls),
    state: STATE,
    access: present(files.access),
  };
}

function present<T>(file: Loaded<T> | undefined): T {
  if (!file) throw new Error("an estate file is missing but no problem was reported");
  return file.data;
}
