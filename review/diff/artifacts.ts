import { isRecord } from "../../runtime/values";
import type { Body } from "../change/model";

/**
 * The generated artifacts as the review diff reads them: each file, by its kind, becomes entries
 * keyed like resources (`netauth_entity["alice"]`, `xmirror_mirror["https://…"]`), so the same
 * comparison and the same describers serve the stacks and the artifacts. A kind names a format,
 * not a file: the app's artifact registry says which kind each of its files is.
 */

export const ARTIFACT_KINDS = [
  /** NetAuth's import: `{ entities: [{ id, … }], groups: [{ name, … }] }`. */
  "netauth-access",
  /** xmirror's `v0/mirrors.json`: a list of `{ base_url, region, location, tier, enabled }`. */
  "xmirror-mirrors",
  /** Prometheus http_sd targets: `[{ targets: [...] }]`. */
  "prometheus-targets",
  /** The proxied services: `{ zone, tiers: [{ tier, … }], services: [{ service, job, namespace, … }], fragments: [{ name, … }] }`. */
  "proxied-services",
  /** `ansible-inventory --list` JSON: groups with `hosts` and `children`, `_meta.hostvars`. */
  "ansible-inventory",
  /** Any text: compared as a whole, described by its lines. */
  "text",
] as const;
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];

/** One artifact as synth recorded and wrote it. */
export interface ArtifactFile {
  readonly kind: ArtifactKind;
  /** The artifact it is computed from, when it only restates it (`raw/mirrors.lst` from `v0/mirrors.json`). */
  readonly derivedFrom?: string;
  readonly text: string;
}

/** One entry of an artifact, like a resource of a stack. */
export interface Entry {
  readonly type: string;
  readonly name: string;
  readonly body: Body;
}

/** Thrown for an artifact whose text does not have its kind's shape; the caller names the file. */
export class ArtifactShapeError extends Error {}

/**
 * The entries of an artifact by address (`type["name"]`); throws {@link ArtifactShapeError}. Read
 * once per file: reading the output checks each artifact's shape, and the comparison reuses it.
 */
export function entriesOf(file: ArtifactFile): ReadonlyMap<string, Entry> {
  const known = entriesRead.get(file);
  if (known) return known;
  const entries = readEntries(file);
  entriesRead.set(file, entries);
  return entries;
}

const entriesRead = new WeakMap<ArtifactFile, ReadonlyMap<string, Entry>>();

function readEntries(file: ArtifactFile): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  const add = (type: string, name: unknown, body: unknown) => {
    if (typeof name !== "string" || name === "") throw new ArtifactShapeError(`has a ${type} without a name`);
    if (!isRecord(body)) throw new ArtifactShapeError(`has a ${type} that is not an object`);
    const address = `${type}[${JSON.stringify(name)}]`;
    if (entries.has(address)) throw new ArtifactShapeError(`has two entries ${address}`);
    entries.set(address, { type, name, body });
  };
  // What a derived file restates, for its sentence: it is a consequence, not a change of its own.
  const derived = file.derivedFrom === undefined ? {} : { derivedFrom: file.derivedFrom };
  if (file.kind === "text") {
    add("artifact_text", "text", { text: file.text, ...derived });
    return entries;
  }
  const data = parse(file.text);
  switch (file.kind) {
    case "netauth-access": {
      const document = record(data, "NetAuth's import");
      for (const entity of list(document.entities, "entities"))
        add("netauth_entity", record(entity, "an entity").id, entity);
      for (const group of list(document.groups, "groups"))
        add("netauth_group", record(group, "a group").name, group);
      break;
    }
    case "xmirror-mirrors":
      for (const mirror of list(data, "the mirror list"))
        add("xmirror_mirror", record(mirror, "a mirror").base_url, mirror);
      break;
    case "prometheus-targets":
      for (const group of list(data, "the target groups"))
        for (const target of list(record(group, "a target group").targets, "targets"))
          add("prometheus_target", target, { target, ...derived });
      break;
    case "proxied-services": {
      const document = record(data, "the proxied services");
      for (const tier of list(document.tiers, "tiers")) add("proxy_tier", record(tier, "a tier").tier, tier);
      for (const service of list(document.services, "services")) {
        const s = record(service, "a service");
        // A job may publish several services: a service is its Consul name, or its job's.
        add("proxied_service", `${String(s.namespace)}/${String(s.service ?? s.job)}`, service);
      }
      for (const fragment of list(document.fragments, "fragments"))
        add("site_fragment", record(fragment, "a fragment").name, fragment);
      break;
    }
    case "ansible-inventory":
      for (const [host, body] of inventoryHosts(record(data, "the inventory")))
        add("ansible_host", host, body);
      break;
  }
  return entries;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ArtifactShapeError("is not JSON");
  }
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (!isRecord(value)) throw new ArtifactShapeError(`has ${what} that is not an object`);
  return value;
}

function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new ArtifactShapeError(`has ${what} that is not a list`);
  return value;
}

/**
 * Each host of an `ansible-inventory --list` document with the groups that list it directly (its
 * roles; `all` and `ungrouped` are no roles) and its variables.
 */
function inventoryHosts(document: Record<string, unknown>): Map<string, Body> {
  const meta = isRecord(document._meta) && isRecord(document._meta.hostvars) ? document._meta.hostvars : {};
  const groups = new Map<string, string[]>();
  const hostsOf = (host: string) => groups.get(host) ?? (groups.set(host, []).get(host) as string[]);
  for (const host of Object.keys(meta)) hostsOf(host);
  for (const [name, group] of Object.entries(document)) {
    if (name === "_meta" || !isRecord(group) || group.hosts === undefined) continue;
    for (const host of list(group.hosts, `the hosts of group ${name}`)) {
      if (typeof host !== "string")
        throw new ArtifactShapeError(`has a host of group ${name} that is not a name`);
      if (name !== "all" && name !== "ungrouped") hostsOf(host).push(name);
      else hostsOf(host);
    }
  }
  return new Map(
    [...groups].map(([host, roles]) => [host, { roles: [...new Set(roles)].sort(), vars: meta[host] ?? {} }]),
  );
}
