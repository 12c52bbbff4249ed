import { hostLoginGroupsAt } from "../inputs/estate/access-at";
import { isPersonFile } from "../inputs/files";
import { organizationAt } from "../inputs/organization";
import { type PersonSnapshot, readPersonFile } from "../inputs/person-snapshot";
import { readRosterAt } from "../inputs/safety";
import type { Diagnostic } from "../runtime/diagnostics";
import {
  catBlobs,
  changedBetween,
  isRegularFile,
  mergeTree,
  projectPrefix,
  resolveRef,
  type TreeEntry,
  treeEntries,
} from "../runtime/git";
import { spellControls } from "../runtime/log";
import { shorten } from "../runtime/values";
import { type BoundRouting, type Refusal, routeApprovals } from "./approvals";

/**
 * The routing of what merging `headRef` into `baseRef` would change, computed from git objects
 * alone (nothing is checked out, no code of the change runs) and bound to the two commits:
 *
 * - the organization's definition (its people's folder, its operators' team) and the roster are
 *   the base commit's (regular files only: a link, directory or submodule named `*.yaml` is
 *   nobody); a base without a sound definition is refused, as one DataError;
 * - the change is the tree `git merge-tree` writes for the merge, so a branch that is behind its
 *   base is routed for what it would do to the base as it is now, not to an older one;
 * - each changed person file is read strictly from that tree; one that is not a regular file or
 *   not a sound person (`readPersonFile`) is refused, as is a merge that conflicts.
 *
 * The one computation behind `npm run approvals` (which the review bot's route job runs with the
 * default branch's code) and the "Who approves" section of `npm run diff`.
 */
export function routeMerge(cwd: string, baseRef: string, headRef: string): BoundRouting {
  const base = resolveRef(baseRef, cwd).commit;
  const head = resolveRef(headRef, cwd).commit;
  const organization = organizationAt(cwd, base);
  const folder = organization.people;
  const settings = {
    operatorTeam: organization.github.operatorTeam,
    people: folder,
    hostLoginTeams: hostLoginGroupsAt(base, cwd, organization).flatMap((group) => group.teams),
  };
  const top = projectPrefix(cwd);
  const baseRoster = readRosterAt(cwd, base, folder);
  const merge = mergeTree(cwd, base, head);
  const inProject = (path: string) => (path.startsWith(top) ? path.slice(top.length) : `/${path}`);
  if (merge.conflicts.length > 0) {
    const problem = `conflicts with the base at ${base.slice(0, 12)} (expected a branch that merges cleanly: merge the base into it or rebase)`;
    const refusals = merge.conflicts.map((path): Refusal => ({ file: inProject(path), problem }));
    return { base, head, ...routeApprovals(baseRoster, baseRoster, [], settings), refusals };
  }

  const changed = changedBetween(cwd, base, merge.tree).map(inProject);
  const entries = new Map(treeEntries(cwd, merge.tree, `${top}${folder}`).map((e) => [e.name, e]));
  const nameOf = (file: string) => file.slice(folder.length + 1);
  const people = changed
    .filter((file) => isPersonFile(file, folder))
    .map((file) => ({ file, entry: entries.get(nameOf(file)) }));
  const blobs = catBlobs(
    cwd,
    people.flatMap(({ entry }) => (entry && isRegularFile(entry) ? [entry.oid] : [])),
  );
  const after: PersonSnapshot[] = [];
  const unreadable: Refusal[] = [];
  for (const { file, entry } of people) {
    if (entry === undefined) continue; // deleted
    if (!isRegularFile(entry)) {
      unreadable.push({ file, problem: `is ${kindOf(entry)} in the change (expected a regular file)` });
      continue;
    }
    const read = readPersonFile(file, blobs.shift() ?? Buffer.alloc(0));
    if ("person" in read) after.push(read.person);
    else unreadable.push({ file, problem: `is not a sound person's file: ${lineOf(read.problems)}` });
  }
  const changedSet = new Set(changed);
  const headRoster = { people: [...baseRoster.people.filter((p) => !changedSet.has(p.file)), ...after] };
  return { base, head, ...routeApprovals(baseRoster, headRoster, changed, { ...settings, unreadable }) };
}

function kindOf(entry: TreeEntry): string {
  if (entry.mode === "120000") return "a symbolic link";
  if (entry.type === "commit") return "a submodule";
  if (entry.type === "tree") return "a directory";
  return `a ${entry.type} of mode ${entry.mode}`;
}

/** The first problem, on one line without the file name (`line 3: teams.ops: …`), and how many more. */
function lineOf(problems: readonly Diagnostic[]): string {
  const [first] = problems;
  if (first === undefined) return "unknown problem";
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more: npm run validate lists them)` : "";
  const where = `${first.line > 0 ? `line ${first.line}: ` : ""}${first.field}`;
  return `${shorten(spellControls(`${where}: ${first.message}`), 400)}${more}`;
}
