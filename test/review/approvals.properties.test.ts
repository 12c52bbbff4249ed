import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { isPersonFile } from "../../inputs/files";
import type { TeamRole } from "../../inputs/maintainers/schema";
import type { PersonSnapshot } from "../../inputs/person-snapshot";
import { type BoundRouting, type Refusal, type Routing, routeApprovals } from "../../review/approvals";
import { approvalVerdict, readRouting } from "../../review/bot/approvals";
import type { Review } from "../../review/bot/github";

/**
 * The invariants of the approvals check (docs/review.md, "Who approves"), over generated rosters
 * (people, teams, roles, owners, operators, SSH keys; logins in any letter case; the teams whose
 * access groups log in to machines), generated changes (joins, leaves, role changes, promotions,
 * keys added and dropped, email edits, renames with a github_id, deletions, stray
 * and hostile file names, other paths, files the change leaves unreadable) and generated reviews
 * (approvals, change requests, dismissals, comments, stale commits, the author, the subject, any
 * letter case): the routing (`routeApprovals`, which `npm run approvals` and the diff use) and the
 * check's decision (`approvalVerdict`, which the review bot posts). The people's folder is
 * generated too: the routing knows only the one the base's definition names.
 */

const OPS = "ops";
const TEAMS = [OPS, "core", "docs", "web"] as const;
const LOGINS = ["olga", "otto", "cara", "dina", "mo", "solo", "alice", "bob", "eve", "zed"];
const HEAD = "ab".repeat(20);
const BASE = "cd".repeat(20);
const OTHER = "ef".repeat(20);
/** People's folders a definition may name; a person-like file in another one is nobody's. */
const FOLDERS = ["maintainers", "people", "org/members"] as const;

const lower = (s: string) => s.toLowerCase();
const inAnyCase = (login: string) =>
  fc.constantFrom(login, login.toUpperCase(), `${login[0]?.toUpperCase()}${login.slice(1)}`);

const KEYS = ["ssh-ed25519 AAAA1", "ssh-ed25519 AAAA2", "ssh-rsa AAAA3"];
const keysArb = fc.subarray(KEYS);

const teamsArb = fc.dictionary(fc.constantFrom(...TEAMS), fc.constantFrom<TeamRole>("member", "maintainer"), {
  maxKeys: 3,
});
const personArb = (login: string, folder: string) =>
  fc
    .record({
      login: inAnyCase(login),
      teams: teamsArb,
      orgOwner: fc.boolean(),
      githubId: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
      publicKeys: keysArb,
    })
    .map(
      ({ login, teams, orgOwner, githubId, publicKeys }): PersonSnapshot => ({
        login,
        name: login,
        githubId,
        teams,
        orgOwner,
        publicKeys,
        file: `${folder}/${login}.yaml`,
      }),
    );
const rosterArb = (folder: string) =>
  fc
    .shuffledSubarray(LOGINS, { minLength: 1, maxLength: 7 })
    .chain((logins) => fc.tuple(...logins.map((login) => personArb(login, folder))));

/** Paths a change may touch that are no person's file: CODEOWNERS's, or hostile names in the people's folder. */
const straysOf = (folder: string) => [
  `${folder}/x\u200B.yaml`,
  `${folder}/.hidden.yaml`,
  `${folder}/al ice.yaml`,
  `${folder}/-x.yaml`,
  `${folder}/x\n.yaml`,
  `${folder}/\u202Eolga.yaml`,
  `${folder}/.yaml`,
];
const othersOf = (folder: string) => [
  "README.md",
  "estate/github.ts",
  "OVERRIDES.yaml",
  "organization.yaml",
  `${folder}/schema.json`,
  `${folder}/a/b.yaml`,
  "/outside.txt",
  // A person's file as another definition would place it.
  ...FOLDERS.filter((other) => other !== folder).map((other) => `${other}/olga.yaml`),
];

type Op =
  | { readonly kind: "join"; readonly person: PersonSnapshot }
  | { readonly kind: "leave" | "edit" | "unreadable"; readonly at: number }
  | { readonly kind: "teams"; readonly at: number; readonly teams: Record<string, TeamRole> }
  | { readonly kind: "owner"; readonly at: number; readonly orgOwner: boolean }
  | { readonly kind: "keys"; readonly at: number; readonly publicKeys: string[] }
  | { readonly kind: "rename"; readonly at: number; readonly to: string; readonly id: number }
  | { readonly kind: "path"; readonly path: string };

const opArb = (folder: string): fc.Arbitrary<Op> =>
  fc.oneof(
    fc
      .constantFrom(...LOGINS)
      .chain((login) => personArb(login, folder))
      .map((person) => ({ kind: "join" as const, person })),
    fc.record({
      kind: fc.constantFrom("leave" as const, "edit" as const, "unreadable" as const),
      at: fc.nat(),
    }),
    fc.record({ kind: fc.constant("teams" as const), at: fc.nat(), teams: teamsArb }),
    fc.record({ kind: fc.constant("owner" as const), at: fc.nat(), orgOwner: fc.boolean() }),
    fc.record({ kind: fc.constant("keys" as const), at: fc.nat(), publicKeys: keysArb }),
    fc.record({
      kind: fc.constant("rename" as const),
      at: fc.nat(),
      to: fc.constantFrom(...LOGINS).chain(inAnyCase),
      id: fc.integer({ min: 1, max: 6 }),
    }),
    fc.record({
      kind: fc.constant("path" as const),
      path: fc.constantFrom(...straysOf(folder), ...othersOf(folder)),
    }),
  );

interface Change {
  /** The people's folder of the base's definition. */
  readonly folder: string;
  /** The teams the base's access groups let log in to machines. */
  readonly hostLoginTeams: readonly string[];
  readonly base: PersonSnapshot[];
  readonly head: PersonSnapshot[];
  readonly changed: string[];
  readonly unreadable: Refusal[];
}

/** The head roster and the changed paths after applying `ops` to `base`, as the merge routing composes them. */
function apply(
  folder: string,
  hostLoginTeams: readonly string[],
  base: PersonSnapshot[],
  ops: readonly Op[],
): Change {
  let head = [...base];
  const changed = new Set<string>();
  const unreadable: Refusal[] = [];
  const touch = (p: PersonSnapshot) => changed.add(p.file);
  for (const op of ops) {
    if (op.kind === "path") {
      changed.add(op.path);
      continue;
    }
    if (op.kind === "join") {
      if (head.some((p) => lower(p.file) === lower(op.person.file))) continue;
      head.push(op.person);
      touch(op.person);
      continue;
    }
    if (head.length === 0) continue;
    const at = op.at % head.length;
    const was = head[at] as PersonSnapshot;
    const replace = (next: PersonSnapshot | undefined) => {
      head = head.flatMap((p, i) => (i === at ? (next ? [next] : []) : [p]));
    };
    touch(was);
    if (op.kind === "leave") replace(undefined);
    else if (op.kind === "unreadable") {
      replace(undefined);
      unreadable.push({ file: was.file, problem: "is not a sound person's file" });
    } else if (op.kind === "teams") replace({ ...was, teams: op.teams });
    else if (op.kind === "owner") replace({ ...was, orgOwner: op.orgOwner });
    else if (op.kind === "keys") replace({ ...was, publicKeys: op.publicKeys });
    else if (op.kind === "rename") {
      if (head.some((p) => lower(p.login) === lower(op.to))) continue;
      const id = was.githubId ?? op.id;
      const renamed = { ...was, login: op.to, githubId: id, file: `${folder}/${op.to}.yaml` };
      replace(renamed);
      touch(renamed);
    }
  }
  // The merge routing leaves an unreadable file out of the head; it was only read, never routed.
  return { folder, hostLoginTeams, base, head, changed: [...changed], unreadable };
}

const changeArb = fc
  .tuple(fc.constantFrom(...FOLDERS), fc.subarray([...TEAMS]))
  .chain(([folder, hostLoginTeams]) =>
    rosterArb(folder).chain((base) =>
      fc.array(opArb(folder), { maxLength: 6 }).map((ops) => apply(folder, hostLoginTeams, base, ops)),
    ),
  );
const route = (c: Change): Routing =>
  routeApprovals({ people: c.base }, { people: c.head }, c.changed, {
    operatorTeam: OPS,
    people: c.folder,
    unreadable: c.unreadable,
    hostLoginTeams: c.hostLoginTeams,
  });
const bind = (routing: Routing): BoundRouting => ({ base: BASE, head: HEAD, ...routing });

const reviewArb = (logins: readonly string[]) =>
  fc.record({
    user: fc
      .constantFrom(...logins)
      .chain(inAnyCase)
      .map((login) => ({ login })),
    state: fc.constantFrom("APPROVED", "APPROVED", "CHANGES_REQUESTED", "COMMENTED", "DISMISSED"),
    commit_id: fc.constantFrom(HEAD, HEAD, OTHER),
  });
const reviewsArb = fc.array(reviewArb([...LOGINS, "mallory"]), { maxLength: 12 });

/** The logins (lower case) whose latest review that is not a comment approves HEAD: the oracle. */
function approving(reviews: readonly Review[]): Set<string> {
  const latest = new Map<string, string>();
  for (const r of reviews)
    if (r.user && r.state !== "COMMENTED")
      latest.set(lower(r.user.login), r.commit_id === HEAD ? r.state : "STALE");
  return new Set([...latest].filter(([, s]) => s === "APPROVED").map(([l]) => l));
}
/**
 * Whom a changed person's file is about, by the definition of docs/review.md: its person before
 * and after (the file named in any letter case), everyone either roster records under their
 * github_id (a rename), and the login the file is named after.
 */
function aboutOf(change: Change, file: string): Set<string> {
  const at = (people: readonly PersonSnapshot[]) => people.find((p) => lower(p.file) === lower(file));
  const sides = [at(change.base), at(change.head)].filter((p): p is PersonSnapshot => p !== undefined);
  const ids = new Set(sides.flatMap((p) => (p.githubId === undefined ? [] : [p.githubId])));
  const sameAccount = [...change.base, ...change.head].filter(
    (p) => p.githubId !== undefined && ids.has(p.githubId),
  );
  return new Set([...[...sides, ...sameAccount].map((p) => lower(p.login)), stemOf(file, change.folder)]);
}
const stemOf = (file: string, folder: string) => lower(file.slice(folder.length + 1).replace(/\.yaml$/, ""));

describe("the approvals check's invariants, over generated rosters, changes and reviews", () => {
  test("1. nobody's approval counts for their own file or power granted to them, whoever opened the pull request", () => {
    fc.assert(
      fc.property(changeArb, (change) => {
        const routing = route(change);
        const baseOperators = new Set(change.base.filter((p) => p.teams[OPS]).map((p) => lower(p.login)));
        for (const r of routing.requirements) {
          const approvers = r.approvers.map(lower);
          if (isPersonFile(r.file, change.folder))
            for (const login of aboutOf(change, r.file))
              assert.ok(r.subjects.includes(login), `${r.file}: ${login} is a subject`);
          for (const login of approvers) {
            assert.ok(!r.subjects.includes(login), `${r.file}: ${login} approves their own file`);
            // Approvers come from the base alone: its operators, or its maintainers of the row's team.
            const inBase = change.base.find((p) => lower(p.login) === login);
            assert.ok(inBase, `${login} is in the base`);
            const teams = "teams" in r.by ? r.by.teams : [];
            assert.ok(baseOperators.has(login) || teams.some((t) => inBase.teams[t] === "maintainer"), login);
          }
        }
        // A grant of power is routed to the operators (never to a team), or refused: an org
        // owner, the operators' team, a maintainer role, a team that brings a host login, and a
        // new key of someone who has (or had) one.
        const before = new Map(change.base.map((p) => [lower(p.file), p]));
        const logsIn = (p?: PersonSnapshot) =>
          Object.keys(p?.teams ?? {}).some((t) => change.hostLoginTeams.includes(t));
        for (const after of change.head) {
          const was = before.get(lower(after.file));
          const grants =
            (after.orgOwner && !was?.orgOwner) ||
            (after.teams[OPS] !== undefined && was?.teams[OPS] === undefined) ||
            Object.entries(after.teams).some(
              ([t, role]) =>
                (role === "maintainer" && was?.teams[t] !== "maintainer") ||
                (change.hostLoginTeams.includes(t) && was?.teams[t] === undefined),
            ) ||
            ((logsIn(after) || logsIn(was)) &&
              (after.publicKeys ?? []).some((k) => !(was?.publicKeys ?? []).includes(k)));
          if (!grants || !change.changed.includes(after.file)) continue;
          const rows = routing.requirements.filter((r) => lower(r.file) === lower(after.file));
          const refused = routing.refusals.some((r) => lower(r.file) === lower(after.file));
          assert.ok(refused || (rows.length > 0 && rows.every((r) => "operators" in r.by)), after.file);
        }
      }),
    );
  });

  test("1. whatever a routing lists, the check counts no approval of a row's subject or of the author", () => {
    fc.assert(
      fc.property(
        changeArb,
        reviewsArb,
        fc.constantFrom(...LOGINS).chain(inAnyCase),
        fc.boolean(),
        (change, reviews, author, tamper) => {
          const honest = bind(route(change));
          // A routing that lists the people it must not (as a bug or a forged file would).
          const routing: BoundRouting = tamper
            ? {
                ...honest,
                requirements: honest.requirements.map((r) => ({
                  ...r,
                  approvers: [...r.approvers, ...r.subjects.map((s) => s.toUpperCase()), author],
                  subjects: [],
                })),
              }
            : honest;
          const verdict = approvalVerdict({ routing, base: BASE, head: HEAD, reviews, author });
          const approved = approving(reviews);
          honest.requirements.forEach((r, i) => {
            // What the bot knows whatever the routing says: the file's name and the author; and
            // the subjects the routing names (all of them, when it is the honest one).
            const never = new Set([
              ...(routing.requirements[i]?.subjects ?? []),
              lower(author),
              ...(isPersonFile(r.file, change.folder) ? [stemOf(r.file, change.folder)] : []),
            ]);
            const eligible = (routing.requirements[i]?.approvers ?? []).filter(
              (a) => !never.has(lower(a)) && approved.has(lower(a)),
            );
            const by = verdict.approvedBy[i];
            if (by !== undefined) assert.ok(eligible.includes(by), `${r.file}: ${by} counted`);
            if (routing.refusals.length === 0) assert.equal(by !== undefined, eligible.length > 0, r.file);
          });
          const met = verdict.approvedBy.filter((b) => b !== undefined).length;
          assert.equal(
            verdict.state === "success",
            routing.refusals.length === 0 && met === routing.requirements.length,
          );
        },
      ),
    );
  });

  test("1. a host login is power: joining a team that brings one, or a new key of someone who has one, needs an operator", () => {
    // Aimed at the grant itself: one person outside the operators' team either joins a team whose
    // access group logs in to machines, or, already in one, lists a key the base did not.
    const without = (teams: PersonSnapshot["teams"], team: string) =>
      Object.fromEntries(Object.entries(teams).filter(([t]) => t !== team));
    const grantArb = fc
      .tuple(
        fc.constantFrom(...FOLDERS),
        fc.constantFrom(...TEAMS.filter((t) => t !== OPS)),
        fc.nat(),
        fc.boolean(),
        fc.constantFrom("ssh-ed25519 AAAANEW", ...KEYS),
      )
      .chain(([folder, team, at, joins, key]) =>
        rosterArb(folder).map((roster): Change | undefined => {
          const candidates = roster.filter((p) => p.teams[OPS] === undefined);
          const was = candidates[at % Math.max(candidates.length, 1)];
          if (was === undefined) return undefined;
          const before: PersonSnapshot = joins
            ? { ...was, teams: without(was.teams, team) }
            : {
                ...was,
                teams: { ...was.teams, [team]: was.teams[team] ?? "member" },
                publicKeys: (was.publicKeys ?? []).filter((k) => k !== key),
              };
          const after: PersonSnapshot = joins
            ? { ...before, teams: { ...before.teams, [team]: "member" } }
            : { ...before, publicKeys: [...(before.publicKeys ?? []), key] };
          const base = roster.map((p) => (p === was ? before : p));
          const head = base.map((p) => (p === before ? after : p));
          return { folder, hostLoginTeams: [team], base, head, changed: [was.file], unreadable: [] };
        }),
      );
    fc.assert(
      fc.property(grantArb, (change) => {
        fc.pre(change !== undefined);
        const routing = route(change);
        const [file] = change.changed;
        const rows = routing.requirements.filter((r) => r.file === file);
        const refused = routing.refusals.some((r) => r.file === file);
        assert.ok(refused || (rows.length > 0 && rows.every((r) => "operators" in r.by)), file);
      }),
    );
  });

  test("2. every changed path is a person's file, an operators' row, or refused; a refusal is never success", () => {
    fc.assert(
      fc.property(changeArb, reviewsArb, (change, reviews) => {
        const routing = route(change);
        const operators = routing.operators.join(" ");
        for (const path of change.changed) {
          const refused = routing.refusals.some((r) => r.file === path);
          const rows = routing.requirements.filter((r) => lower(r.file) === lower(path));
          if (straysOf(change.folder).includes(path))
            assert.ok(refused, `${JSON.stringify(path)} is refused`);
          else if (!isPersonFile(path, change.folder))
            assert.ok(
              rows.length === 1 && "operators" in rows[0].by && rows[0].approvers.join(" ") === operators,
              `${path} needs any operator`,
            );
          else assert.ok(refused || rows.length > 0, `${path} is routed or refused`);
        }
        for (const { file } of change.unreadable)
          assert.ok(
            routing.refusals.some((r) => r.file === file),
            `${file} unreadable is refused`,
          );
        // Every row is about a changed path; nothing else is routed.
        for (const r of routing.requirements)
          assert.ok(
            change.changed.some((c) => lower(c) === lower(r.file)),
            `${r.file} changed`,
          );
        if (routing.refusals.length > 0) {
          const verdict = approvalVerdict({
            routing: bind(routing),
            base: BASE,
            head: HEAD,
            reviews,
            author: "x",
          });
          assert.equal(verdict.state, "failure");
        }
      }),
    );
  });

  test("3. a routing holds for the base and head commits it names and no other pair", () => {
    const commit = fc.constantFrom(HEAD, BASE, OTHER, "4".repeat(64));
    fc.assert(
      fc.property(changeArb, reviewsArb, commit, commit, (change, reviews, base, head) => {
        const routing = bind(route(change));
        // What the route job writes is what the bot reads, field for field.
        const read = readRouting(JSON.stringify(routing));
        assert.deepEqual(read, routing);
        const verdict = approvalVerdict({ routing: read, base, head, reviews, author: "x" });
        if (base !== BASE || head !== HEAD) assert.equal(verdict.state, "failure");
      }),
    );
  });

  test("3. a routing file the bot cannot read field by field is refused, and fails the check", () => {
    const mutation = fc.oneof(
      fc.record({ base: fc.string() }),
      fc.record({ head: fc.constantFrom(HEAD.toUpperCase(), `${HEAD}0`, "") }),
      fc.record({ refusals: fc.constantFrom(undefined, null, [{}], "x") }),
      fc.record({ operators: fc.constant(["not a login!"]) }),
      // The people's folder decides which rows may be a team's: only a plain relative path is one.
      fc.record({ people: fc.constantFrom(undefined, "", "/maintainers", "../maintainers", "a//b", 7) }),
      fc.record({
        requirements: fc.constantFrom(
          [{ file: "README.md", reasons: [], by: { teams: ["core"] }, approvers: [], subjects: [] }],
          [
            {
              file: "maintainers/a.yaml",
              reasons: [],
              by: { operators: true },
              approvers: ["a"],
              subjects: ["A"],
            },
          ],
          [{ file: "maintainers/a.yaml", reasons: [], by: { operators: true }, approvers: ["a"] }],
        ),
      }),
    );
    fc.assert(
      fc.property(changeArb, mutation, reviewsArb, (change, broken, reviews) => {
        const routing = readRouting(JSON.stringify({ ...bind(route(change)), ...broken }));
        assert.equal(typeof routing, "string");
        assert.equal(
          approvalVerdict({ routing, base: BASE, head: HEAD, reviews, author: "x" }).state,
          "failure",
        );
      }),
    );
  });
});
