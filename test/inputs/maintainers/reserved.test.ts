import assert from "node:assert/strict";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import fc from "fast-check";
import { loadEstate } from "../../../inputs/estate/load";
import { loadRoster } from "../../../inputs/maintainers/load";
import { reservedLogins } from "../../../inputs/maintainers/reserved";
import { DataError, formatDiagnostic } from "../../../runtime/diagnostics";
import { caseDir, TEST_TEAMS } from "../../support/maintainers";
import { REPO_ROOT } from "../../support/project";

/** The estate as the checkout holds it today. */
const VOID_ESTATE = loadEstate(REPO_ROOT);

function problemsWith(dir: string, reserved: ReadonlyMap<string, string>): string[] {
  try {
    loadRoster({ dir, folder: "maintainers", teams: TEST_TEAMS, reserved });
    return [];
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return error.diagnostics.map(formatDiagnostic);
  }
}

describe("logins that are a team, group or system name", () => {
  const reserved = reservedLogins(VOID_ESTATE.github, VOID_ESTATE);

  test("every team, NetAuth group and GitHub placeholder of the estate is reserved", () => {
    const { github, access, hashistack } = VOID_ESTATE;
    const names = [
      github.organization,
      ...github.teams.map((t) => t.name),
      ...access.groups.map((g) => g.name),
      ...hashistack.vault.ldapGroups.map((g) => g.group),
      "terrastate-prod",
      "terrastate-tls",
      "ghost",
      "root",
    ];
    for (const name of names) assert.ok(reserved.has(name.toLowerCase()), name);
  });

  test("an organization without an estate reserves its teams, itself and the system names, and no group", () => {
    const github = { organization: "acme-corp", teams: [{ name: "Builders", description: "b" }] };
    const names = reservedLogins(github);
    for (const name of ["builders", "acme-corp", "root", "ghost"]) assert.ok(names.has(name), name);
    assert.equal(names.get("builders"), "the team Builders");
    assert.ok(!names.has("terrastate-prod"), "the state server's groups are the estate's");
  });

  test("a file taking any reserved name, in any case, is refused by name", () => {
    const dir = caseDir();
    const logins = fc
      .constantFrom(...reserved.keys())
      .chain((name) =>
        fc
          .array(fc.boolean(), { minLength: name.length, maxLength: name.length })
          .map((upper) => [...name].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join("")),
      );
    fc.assert(
      fc.property(logins, (login) => {
        const file = join(dir, `${login}.yaml`);
        writeFileSync(file, `name: Someone\ngithub: ${login}\nteams:\n  core: member\n`);
        try {
          const found = problemsWith(dir, reserved);
          assert.ok(
            found.some((line) => line.includes(`github: "${login}" is reserved: it is `)),
            found.join("\n"),
          );
        } finally {
          rmSync(file);
        }
      }),
      { numRuns: 60 },
    );
  });
});
