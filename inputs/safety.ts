import { lstatSync } from "node:fs";
import { join } from "node:path";
import { unknownMessage } from "@void-linux/infra-constructs/core";
import { z } from "zod";
import { DataError, type Diagnostic, fileDiagnostic } from "../runtime/diagnostics";
import { catFiles, projectPrefix, regularFilesAt, resolveRef } from "../runtime/git";
import { INPUT_LIMITS, listInputDirectory, readInputText } from "../runtime/input-file";
import { ORGANIZATION_FILE } from "./files";
import { definitionAt, type OrganizationDefinition } from "./organization";
import { type PersonSnapshot, type RosterSnapshot, snapshotOf } from "./person-snapshot";
import { YamlSource } from "./yaml-source";

export type { PersonSnapshot, RosterSnapshot } from "./person-snapshot";

/**
 * Safety valves: checks of a change against its base, so one pull request cannot quietly remove
 * a large part of the organization or hand a login to a different account. The minimum number of
 * org owners is not repeated here: the maintainer loader already refuses fewer than two.
 *
 * A refusal can be overridden only by a reviewed line in the override file the organization's
 * definition names (`overrides:`, e.g. `OVERRIDES.yaml`), which CODEOWNERS reserves for the
 * operators, and only in the change that adds or edits that line.
 */

const overridesSchema = z.strictObject({
  allow_mass_removal: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe(
      "Why removing more than 25% of maintainers or of a team at once is intended, with the PR link.",
    ),
});

export type Overrides = z.output<typeof overridesSchema>;

interface LoadedOverrides {
  readonly overrides: Overrides;
  /** Problems in the file; errors block like any data error. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads and checks the override file's text (`file` names it); a missing or empty file means no overrides. */
export function parseOverrides(text: string | undefined, file: string): LoadedOverrides {
  if (text === undefined) return { overrides: {}, diagnostics: [] };
  const source = new YamlSource(file, text);
  const syntax = source.syntaxProblems();
  if (syntax.length > 0) return { overrides: {}, diagnostics: syntax };
  const parsed = overridesSchema.safeParse(source.toJS() ?? {});
  if (parsed.success) return { overrides: parsed.data, diagnostics: [] };
  const known = Object.keys(overridesSchema.shape);
  const diagnostics = parsed.error.issues.flatMap((issue): Diagnostic[] => {
    if (issue.code === "unrecognized_keys")
      return issue.keys.map((key) =>
        source.diagnostic([key], unknownMessage("override", key, known), { key: true }),
      );
    const path = issue.path as (string | number)[];
    return [
      source.diagnostic(
        path,
        path.length === 0
          ? 'is not a mapping (expected lines like `allow_mass_removal: "<reason, PR link>"`)'
          : 'must be a non-empty reason (expected "<why, PR link>")',
      ),
    ];
  });
  return { overrides: {}, diagnostics };
}

function readOverridesFile(root: string, file: string | undefined): LoadedOverrides {
  if (file === undefined) return parseOverrides(undefined, ORGANIZATION_FILE);
  const path = join(root, file);
  if (!lstatSync(path, { throwIfNoEntry: false })) return parseOverrides(undefined, file);
  try {
    return parseOverrides(readInputText(path, file, INPUT_LIMITS.overridesFile), file);
  } catch (error) {
    if (error instanceof DataError) return { overrides: {}, diagnostics: error.diagnostics };
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// The base: read leniently, because it was validated when it merged and rules may have changed since.

const isMaintainerFile = (name: string) => name.endsWith(".yaml") && !name.startsWith(".");

/**
 * The roster of a maintainers directory (e.g. a checkout of the base branch), each person's file
 * named as in the people's folder `folder`, so it compares with the head's.
 */
export function readRosterDir(dir: string, folder: string, display = dir): RosterSnapshot {
  const people = listInputDirectory(dir, display)
    // A directory named `*.yaml` is not a person; a link is still refused when read.
    .filter(
      (name) =>
        isMaintainerFile(name) && !lstatSync(join(dir, name), { throwIfNoEntry: false })?.isDirectory(),
    )
    .flatMap(
      (name) =>
        snapshotOf(
          `${folder}/${name}`,
          readInputText(join(dir, name), `${display}/${name}`, INPUT_LIMITS.maintainerFile),
        ) ?? [],
    );
  return { people };
}

interface BaseAtRef {
  /** The definition in effect at the ref: its own, or the checkout's when it has none. */
  readonly definition: OrganizationDefinition;
  readonly roster: RosterSnapshot;
  /** The override file's text at the ref, if it existed there. */
  readonly overridesText?: string;
}

/**
 * The maintainers and the override file as they are at `ref`, read from git objects (no checkout),
 * where the definition at `ref` puts them, or `checkout` (this checkout's definition) when the ref
 * has no sound one, as a base older than definitions. A ref without the people's folder has an
 * empty roster.
 */
export function readBaseAtRef(ref: string, cwd: string, checkout: OrganizationDefinition): BaseAtRef {
  const sha = resolveRef(ref, cwd).commit;
  const definition = definitionAt(cwd, sha) ?? checkout;
  const { people, overrides } = definition;
  const [overridesText] = overrides === undefined ? [] : catFiles(cwd, sha, [projectPrefix(cwd) + overrides]);
  return { definition, roster: readRosterAt(cwd, sha, people), overridesText };
}

/**
 * The people of the people's folder `folder` at `commit`, read from git objects (no checkout);
 * a commit without the folder has nobody.
 */
export function readRosterAt(cwd: string, commit: string, folder: string): RosterSnapshot {
  const top = projectPrefix(cwd);
  // Only regular files: a directory, submodule or link named `*.yaml` is not a person.
  const files = regularFilesAt(cwd, commit, `${top}${folder}`)
    .filter(isMaintainerFile)
    .sort()
    .map((name) => `${folder}/${name}`);
  const blobs = catFiles(
    cwd,
    commit,
    files.map((file) => top + file),
  );
  const people = files.flatMap((file, i) => {
    const text = blobs[i];
    return text === undefined ? [] : (snapshotOf(file, text) ?? []);
  });
  return { people };
}

// ---------------------------------------------------------------------------------------------
// The valves

interface SafetyOptions {
  /** The people's folder, as refusals name it. */
  readonly folder: string;
  /** The override file the organization's definition names, if any: where a refusal can be overridden. */
  readonly overridesFile?: string;
  /** The override file at head. */
  readonly overrides: Overrides;
  /**
   * The override file at the base, when known: an override that is unchanged from the base was
   * approved for an earlier change and does not count again.
   */
  readonly baseOverrides?: Overrides;
  /** Largest share of maintainers, or of a team, one change may remove. @default 0.25 */
  readonly maxRemovedShare?: number;
  /** Reads a head file's text to point warnings at the right line. @default none (line 0) */
  readonly readHeadFile?: (file: string) => string | undefined;
}

/**
 * Compares the head roster with the base roster. Returns refusals (errors, unless overridden) and
 * warnings about renames; an override in use is reported as a warning so CI logs show it.
 */
export function checkSafety(
  base: RosterSnapshot,
  head: RosterSnapshot,
  options: SafetyOptions,
): Diagnostic[] {
  const index: RosterIndex = {
    headLogins: new Set(head.people.map((p) => p.login.toLowerCase())),
    headByLogin: firstBy(head.people, (p) => p.login.toLowerCase()),
    baseByLogin: firstBy(base.people, (p) => p.login.toLowerCase()),
    // Keyed as `===` compares: no undefined, and no NaN, which a map would match but `===` never does.
    baseById: firstBy(
      base.people.filter((p) => p.githubId !== undefined && !Number.isNaN(p.githubId)),
      (p) => p.githubId,
    ),
  };
  const renames = findRenames(head, index);
  const renamedFrom = new Set(renames.map((r) => r.from.login.toLowerCase()));
  const stillHere = (p: PersonSnapshot) =>
    index.headLogins.has(p.login.toLowerCase()) || renamedFrom.has(p.login.toLowerCase());
  const renamedTo = new Map(renames.map((r) => [r.from.login.toLowerCase(), r.to]));
  const current = (p: PersonSnapshot) =>
    index.headByLogin.get(p.login.toLowerCase()) ?? renamedTo.get(p.login.toLowerCase());

  const maxShare = options.maxRemovedShare ?? 0.25;
  const tooMany = (removed: number, total: number) => removed > total * maxShare;
  const refusals: { field: string; message: string }[] = [];

  const gone = base.people.filter((p) => !stillHere(p));
  if (tooMany(gone.length, base.people.length))
    refusals.push({
      field: "(maintainers)",
      message: `removes ${gone.length} of ${base.people.length} maintainers at once (${percent(gone.length, base.people.length)}: ${logins(gone)}; expected at most ${percent(maxShare, 1)} per change)`,
    });

  const teams = [...new Set(base.people.flatMap((p) => Object.keys(p.teams)))].sort();
  for (const team of teams) {
    const members = base.people.filter((p) => p.teams[team]);
    const left = members.filter((p) => !current(p)?.teams[team]);
    if (tooMany(left.length, members.length))
      refusals.push({
        field: `teams.${team}`,
        message: `removes ${left.length} of ${members.length} members of ${team} at once (${percent(left.length, members.length)}: ${logins(left)}; expected at most ${percent(maxShare, 1)} per change)`,
      });
  }

  const diagnostics: Diagnostic[] = renameWarnings(renames, head, index, options.readHeadFile);
  if (refusals.length === 0) return diagnostics;
  const { folder, overridesFile } = options;
  // An override counts only from the file the definition names: no file, no way around a refusal.
  const reason = overridesFile === undefined ? undefined : options.overrides.allow_mass_removal;
  const stale = reason !== undefined && reason === options.baseOverrides?.allow_mass_removal;
  for (const { field, message } of refusals) {
    if (reason !== undefined && !stale) {
      diagnostics.push(
        fileDiagnostic(folder, `${message}; allowed by ${overridesFile} allow_mass_removal: "${reason}"`, {
          field,
          severity: "warning",
        }),
      );
    } else {
      const how =
        overridesFile === undefined
          ? `${ORGANIZATION_FILE} names no override file (overrides:), so nothing can allow it: remove fewer at once`
          : stale
            ? `${overridesFile} allow_mass_removal is unchanged from the base, so it belongs to an earlier change; give this change's reason and PR link there`
            : `if intended, add allow_mass_removal: "<reason, PR link>" to ${overridesFile}, which the operators must approve`;
      diagnostics.push(fileDiagnostic(folder, `refused: ${message}; ${how}`, { field }));
    }
  }
  return diagnostics;
}

/** Lookups into both rosters, built once per comparison; each map keeps the first match, as `find` does. */
interface RosterIndex {
  /** Every head login, lower-cased. */
  readonly headLogins: ReadonlySet<string>;
  readonly headByLogin: ReadonlyMap<string, PersonSnapshot>;
  readonly baseByLogin: ReadonlyMap<string, PersonSnapshot>;
  readonly baseById: ReadonlyMap<number | undefined, PersonSnapshot>;
}

function firstBy<K>(
  people: readonly PersonSnapshot[],
  key: (p: PersonSnapshot) => K,
): Map<K, PersonSnapshot> {
  const map = new Map<K, PersonSnapshot>();
  for (const p of people) {
    const k = key(p);
    if (!map.has(k)) map.set(k, p);
  }
  return map;
}

interface Rename {
  readonly from: PersonSnapshot;
  readonly to: PersonSnapshot;
  readonly kind: "case" | "id";
}

/**
 * A login whose spelling changed only in case, or a github_id now declared under another login:
 * one person renamed, not one removed and one added.
 */
function findRenames(head: RosterSnapshot, index: RosterIndex): Rename[] {
  const renames: Rename[] = [];
  for (const to of head.people) {
    const sameLogin = index.baseByLogin.get(to.login.toLowerCase());
    if (sameLogin) {
      if (sameLogin.login !== to.login) renames.push({ from: sameLogin, to, kind: "case" });
      continue;
    }
    const sameId = to.githubId === undefined ? undefined : index.baseById.get(to.githubId);
    if (sameId && !index.headLogins.has(sameId.login.toLowerCase()))
      renames.push({ from: sameId, to, kind: "id" });
  }
  return renames;
}

function renameWarnings(
  renames: readonly Rename[],
  head: RosterSnapshot,
  index: RosterIndex,
  read: SafetyOptions["readHeadFile"],
): Diagnostic[] {
  const at = (person: PersonSnapshot, field: string, message: string, index?: number): Diagnostic => {
    const text = read?.(person.file);
    if (text === undefined) return fileDiagnostic(person.file, message, { field, severity: "warning" });
    const path = index === undefined ? [field] : [field, index];
    return new YamlSource(person.file, text).diagnostic(path, message, { severity: "warning" });
  };
  const warnings = renames.map(({ from, to, kind }) =>
    kind === "case"
      ? at(
          to,
          "github",
          `login changed only in case, "${from.login}" → "${to.login}" (GitHub logins are case-insensitive: expected the spelling of the account's profile; memberships are updated, not recreated)`,
        )
      : at(
          to,
          "github_id",
          `github_id ${to.githubId} belonged to "${from.login}" in the base and now to "${to.login}" (a GitHub rename? expected the same person: check https://api.github.com/user/${to.githubId})${
            to.previously?.includes(from.login.toLowerCase())
              ? ""
              : `; add \`previously: [${from.login}]\` so their organization and team memberships move to the new login instead of being removed and re-created`
          }`,
        ),
  );
  const renamedTo = new Set(renames.map((r) => r.to));
  for (const person of head.people) {
    const isNew = !index.baseByLogin.has(person.login.toLowerCase()) && !renamedTo.has(person);
    if (isNew && person.githubId === undefined)
      warnings.push(
        at(
          person,
          "github",
          `"${person.login}" is new and records no github_id (recommended: add \`github_id:\` with the output of \`gh api users/${person.login} --jq .id\`, so a later rename of the account is recognised as the same person)`,
        ),
      );
    for (const [i, earlier] of (person.previously ?? []).entries()) {
      const before = index.baseByLogin.get(earlier);
      if (before?.githubId === undefined || before.githubId === person.githubId) continue;
      warnings.push(
        at(
          person,
          "previously",
          `"${earlier}" had github_id ${before.githubId} in the base, ${person.githubId === undefined ? "and this file records none" : `not ${person.githubId}`} (expected the same account: its memberships would move to "${person.login}")`,
          i,
        ),
      );
    }
  }
  for (const person of head.people) {
    const before = index.baseByLogin.get(person.login.toLowerCase());
    if (
      before?.githubId !== undefined &&
      person.githubId !== undefined &&
      before.githubId !== person.githubId
    )
      warnings.push(
        at(
          person,
          "github_id",
          `github_id changed from ${before.githubId} to ${person.githubId} for "${person.login}" (the login may now belong to a different account; expected the id of the same person)`,
        ),
      );
  }
  return warnings;
}

const percent = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;
const logins = (people: readonly PersonSnapshot[]) => people.map((p) => p.login).join(", ");

/** Where the base roster comes from: a git ref (CI: `origin/main`) or a maintainers directory. */
export type BaseSource = { readonly ref: string } | { readonly dir: string; readonly display?: string };

/**
 * Every safety-valve diagnostic for the data under `root`, as its definition `organization` lays it
 * out: problems in the override file, and, when a base is given, the comparison of `head` with it.
 */
export function safetyDiagnostics(
  root: string,
  organization: OrganizationDefinition,
  head: RosterSnapshot,
  base?: BaseSource,
): Diagnostic[] {
  const { people: folder, overrides: overridesFile } = organization;
  const { overrides, diagnostics } = readOverridesFile(root, overridesFile);
  if (!base) return [...diagnostics];
  // Head files passed the loader's checks already; one that vanished since reads as absent.
  const readHeadFile = (file: string) => {
    try {
      return readInputText(join(root, file), file, INPUT_LIMITS.maintainerFile);
    } catch (error) {
      if (error instanceof DataError) return undefined;
      throw error;
    }
  };
  const settings = { folder, overridesFile, overrides, readHeadFile };
  if ("dir" in base)
    return [...diagnostics, ...checkSafety(readRosterDir(base.dir, folder, base.display), head, settings)];
  const atRef = readBaseAtRef(base.ref, root, organization);
  const baseOverrides = parseOverrides(atRef.overridesText, overridesFile ?? ORGANIZATION_FILE).overrides;
  return [...diagnostics, ...checkSafety(atRef.roster, head, { ...settings, baseOverrides })];
}
