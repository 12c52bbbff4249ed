import assert from "node:assert/strict";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { checkSafety, type Overrides, parseOverrides, readRosterDir } from "../../inputs/safety";
import { formatDiagnostic, sortDiagnostics } from "../../runtime/diagnostics";
import { tempDir } from "../support/project";

const FIXTURES = join(__dirname, "..", "fixtures", "safety");
const BASE = join(FIXTURES, "base");
/** Where the organization's definition puts the people and the override file. */
const LAYOUT = { folder: "maintainers", overridesFile: "OVERRIDES.yaml" };

/** A head maintainers directory: the base files, minus `remove`, plus one fixture case's files. */
function head({ remove = [] as string[], overlay = undefined as string | undefined } = {}): string {
  const dir = tempDir("safety-");
  cpSync(BASE, dir, { recursive: true });
  for (const name of remove) rmSync(join(dir, `${name}.yaml`));
  if (overlay) cpSync(join(FIXTURES, overlay), dir, { recursive: true });
  return dir;
}

function check(dir: string, overrides: Overrides = {}, baseOverrides?: Overrides): string[] {
  const diagnostics = checkSafety(readRosterDir(BASE, "maintainers"), readRosterDir(dir, "maintainers"), {
    ...LAYOUT,
    overrides,
    baseOverrides,
    readHeadFile: (file) => readFileSync(join(dir, file.replace(/^maintainers\//, "")), "utf8"),
  });
  return sortDiagnostics(diagnostics).map(formatDiagnostic);
}

describe("mass removals", () => {
  test("offboarding one person is ordinary and passes", () => {
    assert.deepEqual(check(head({ remove: ["erin"] })), []);
  });

  test("removing more than 25% of maintainers, and of a team, is refused and names the override", () => {
    assert.deepEqual(check(head({ remove: ["carol", "erin", "frank"] })), [
      'maintainers: (maintainers): refused: removes 3 of 8 maintainers at once (38%: carol, erin, frank; expected at most 25% per change); if intended, add allow_mass_removal: "<reason, PR link>" to OVERRIDES.yaml, which the operators must approve',
      'maintainers: teams.core: refused: removes 3 of 8 members of core at once (38%: carol, erin, frank; expected at most 25% per change); if intended, add allow_mass_removal: "<reason, PR link>" to OVERRIDES.yaml, which the operators must approve',
    ]);
  });

  test("leaving a team counts even when the person stays", () => {
    const dir = head();
    for (const name of ["dave", "grace"]) {
      const file = join(dir, `${name}.yaml`);
      writeFileSync(file, readFileSync(file, "utf8").replace("  docs: member\n", ""));
    }
    assert.deepEqual(check(dir), [
      'maintainers: teams.docs: refused: removes 2 of 4 members of docs at once (50%: dave, grace; expected at most 25% per change); if intended, add allow_mass_removal: "<reason, PR link>" to OVERRIDES.yaml, which the operators must approve',
    ]);
  });

  test("one person leaving a two-member team is more than 25% of it: refused", () => {
    const base = head();
    for (const name of ["alice", "bob"]) {
      const file = join(base, `${name}.yaml`);
      writeFileSync(file, readFileSync(file, "utf8").replace("teams:\n", "teams:\n  ops: member\n"));
    }
    const after = tempDir("safety-");
    cpSync(base, after, { recursive: true });
    const bob = join(after, "bob.yaml");
    writeFileSync(bob, readFileSync(bob, "utf8").replace("  ops: member\n", ""));
    const diagnostics = checkSafety(readRosterDir(base, "maintainers"), readRosterDir(after, "maintainers"), {
      ...LAYOUT,
      overrides: {},
    });
    assert.deepEqual(diagnostics.map(formatDiagnostic), [
      'maintainers: teams.ops: refused: removes 1 of 2 members of ops at once (50%: bob; expected at most 25% per change); if intended, add allow_mass_removal: "<reason, PR link>" to OVERRIDES.yaml, which the operators must approve',
    ]);
  });

  test("the messages name the organization's own folder, and without an override file nothing allows a refusal", () => {
    const after = head({ remove: ["carol", "erin", "frank"] });
    const diagnostics = checkSafety(readRosterDir(BASE, "crew"), readRosterDir(after, "crew"), {
      folder: "crew",
      overrides: { allow_mass_removal: "an override no definition names" },
    });
    assert.deepEqual(diagnostics.map(formatDiagnostic), [
      "crew: (maintainers): refused: removes 3 of 8 maintainers at once (38%: carol, erin, frank; expected at most 25% per change); organization.yaml names no override file (overrides:), so nothing can allow it: remove fewer at once",
      "crew: teams.core: refused: removes 3 of 8 members of core at once (38%: carol, erin, frank; expected at most 25% per change); organization.yaml names no override file (overrides:), so nothing can allow it: remove fewer at once",
    ]);
  });

  test("two removals of 8 (exactly 25%) pass", () => {
    assert.deepEqual(check(head({ remove: ["erin", "frank"] })), []);
  });

  test("a new override turns the refusal into a visible warning", () => {
    const reason = "inactive since 2020, https://github.com/void-linux/void-infrastructure/pull/7";
    assert.deepEqual(check(head({ remove: ["carol", "erin", "frank"] }), { allow_mass_removal: reason }), [
      `maintainers: warning: (maintainers): removes 3 of 8 maintainers at once (38%: carol, erin, frank; expected at most 25% per change); allowed by OVERRIDES.yaml allow_mass_removal: "${reason}"`,
      `maintainers: warning: teams.core: removes 3 of 8 members of core at once (38%: carol, erin, frank; expected at most 25% per change); allowed by OVERRIDES.yaml allow_mass_removal: "${reason}"`,
    ]);
  });

  test("an override left over from an earlier change does not count again", () => {
    const old = { allow_mass_removal: "cleanup, #3" };
    const [first] = check(head({ remove: ["carol", "erin", "frank"] }), old, old);
    assert.equal(
      first,
      "maintainers: (maintainers): refused: removes 3 of 8 maintainers at once (38%: carol, erin, frank; expected at most 25% per change); OVERRIDES.yaml allow_mass_removal is unchanged from the base, so it belongs to an earlier change; give this change's reason and PR link there",
    );
  });
});

describe("renames", () => {
  test("a login that changed only in case is a warning at the login, not a removal (2 of 8 left: allowed)", () => {
    assert.deepEqual(check(head({ remove: ["carol", "erin", "frank"], overlay: "renamed-case" })), [
      'maintainers/Carol.yaml:2:9: warning: github: login changed only in case, "carol" → "Carol" (GitHub logins are case-insensitive: expected the spelling of the account\'s profile; memberships are updated, not recreated)',
    ]);
  });

  test("a github_id now under another login is a warning, not a removal; without previously it says to add it", () => {
    assert.deepEqual(check(head({ remove: ["carol", "erin", "frank"], overlay: "renamed-id" })), [
      'maintainers/caroline.yaml:3:12: warning: github_id: github_id 1003 belonged to "carol" in the base and now to "caroline" (a GitHub rename? expected the same person: check https://api.github.com/user/1003); add `previously: [carol]` so their organization and team memberships move to the new login instead of being removed and re-created',
    ]);
  });

  test("a rename that lists the old login in previously is the plain rename warning", () => {
    assert.deepEqual(check(head({ remove: ["carol", "erin", "frank"], overlay: "renamed-id-previously" })), [
      'maintainers/caroline.yaml:3:12: warning: github_id: github_id 1003 belonged to "carol" in the base and now to "caroline" (a GitHub rename? expected the same person: check https://api.github.com/user/1003)',
    ]);
  });

  test("previously naming a login the base recorded for another account is a warning at previously", () => {
    assert.deepEqual(check(head({ remove: ["bob"], overlay: "previously-other-account" })), [
      'maintainers/mallory.yaml:5:5: warning: previously[0]: "bob" had github_id 1002 in the base, not 1005 (expected the same account: its memberships would move to "mallory")',
    ]);
  });

  test("a new file without github_id is a warning that says how to find it", () => {
    const dir = head();
    writeFileSync(join(dir, "newcomer.yaml"), "name: New Comer\ngithub: newcomer\nteams:\n  core: member\n");
    assert.deepEqual(check(dir), [
      'maintainers/newcomer.yaml:2:9: warning: github: "newcomer" is new and records no github_id (recommended: add `github_id:` with the output of `gh api users/newcomer --jq .id`, so a later rename of the account is recognised as the same person)',
    ]);
  });

  test("an id the base never recorded for the leaver makes no rename: removal plus addition, refused", () => {
    // erin had no github_id in the base; mallory claims an id and arrives as erin, carol and frank leave.
    const [first] = check(head({ remove: ["carol", "erin", "frank"], overlay: "claimed-id" }));
    assert.match(first ?? "", /^maintainers: \(maintainers\): refused: removes 3 of 8 maintainers at once/);
  });

  test("a login whose github_id changed may be a different account", () => {
    const dir = head();
    writeFileSync(join(dir, "bob.yaml"), readFileSync(join(dir, "bob.yaml"), "utf8").replace("1002", "9999"));
    assert.deepEqual(check(dir), [
      'maintainers/bob.yaml:3:12: warning: github_id: github_id changed from 1002 to 9999 for "bob" (the login may now belong to a different account; expected the id of the same person)',
    ]);
  });
});

describe("the override file", () => {
  const problems = (name: string) =>
    parseOverrides(readFileSync(join(FIXTURES, name), "utf8"), "OVERRIDES.yaml").diagnostics.map(
      formatDiagnostic,
    );

  test("an unknown override is an error with a suggestion", () => {
    assert.deepEqual(problems("overrides-typo.yaml"), [
      'OVERRIDES.yaml:2:1: allow_mass_remova: unknown override (did you mean "allow_mass_removal"?) (expected one of: allow_mass_removal)',
    ]);
  });

  test("an override needs a reason", () => {
    assert.deepEqual(problems("overrides-empty.yaml"), [
      'OVERRIDES.yaml:1:21: allow_mass_removal: must be a non-empty reason (expected "<why, PR link>")',
    ]);
  });

  test("no file and an empty file mean no overrides", () => {
    assert.deepEqual(parseOverrides(undefined, "OVERRIDES.yaml"), { overrides: {}, diagnostics: [] });
    assert.deepEqual(parseOverrides("# nothing to override\n", "OVERRIDES.yaml"), {
      overrides: {},
      diagnostics: [],
    });
  });
});
