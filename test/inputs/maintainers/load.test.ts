import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { caseDir, caseNames, load, problems } from "../../support/maintainers";

/** Each fixture case under test/fixtures/maintainers/ and the exact problems it must produce. */
const EXPECTED: Record<string, string[]> = {
  "malformed-yaml": [
    'maintainers/carol.yaml:1:7: (yaml): `name: "Carol` opens a " quote that is never closed (expected a closing " at the end of the value)',
  ],
  "unknown-key": [
    'maintainers/carol.yaml:3:1: emial: unknown key (did you mean "email"?) (expected one of: name, github, github_id, previously, email, netauth, teams, org_owner, ssh_keys, since)',
  ],
  "missing-name": ["maintainers/carol.yaml:1:1: name: is required (expected a string)"],
  "invalid-login": [
    "maintainers/carol--x.yaml:2:9: github: is not a valid GitHub login (expected 1-39 letters, digits or single hyphens, no hyphen at either end)",
  ],
  "login-differs-from-file": [
    'maintainers/carol.yaml:2:9: github: "caroline" differs from the file name (expected "carol", or rename the file to caroline.yaml)',
  ],
  "duplicate-login": [
    'maintainers/alice.yaml:3:9: github: "alice" is already declared by maintainers/ALICE.yaml (logins are compared case-insensitively; expected one file per person)',
  ],
  "duplicate-github-id": [
    "maintainers/carol.yaml:3:12: github_id: 1001 is already the github_id of maintainers/alice.yaml (expected each account once: `gh api users/carol --jq .id`)",
  ],
  "unknown-team": [
    'maintainers/carol.yaml:5:3: teams.dosc: unknown team "dosc" (did you mean "docs"?) (expected one of: core, docs)',
  ],
  "invalid-role": [
    'maintainers/carol.yaml:4:9: teams.core: "owner" is not allowed (expected one of: member, maintainer)',
  ],
  "invalid-email": [
    "maintainers/carol.yaml:3:8: email: is not a valid email address (expected name@example.org)",
  ],
  "weak-ssh-key": [
    "maintainers/carol.yaml:6:5: ssh_keys[0]: is an RSA key of 2048 bits, too weak (expected ed25519, ecdsa, or RSA of at least 3072 bits)",
    "maintainers/carol.yaml:7:5: ssh_keys[1]: is a dsa key, which is not accepted (expected ed25519, ecdsa, or RSA >= 3072 bits)",
    'maintainers/carol.yaml:8:5: ssh_keys[2]: is not an OpenSSH public key (expected one line like "ssh-ed25519 AAAA... comment")',
  ],
  "duplicate-ssh-key": [
    "maintainers/carol.yaml:6:5: ssh_keys[0]: key SHA256:5Bcduk1S3n7gj2C/pjmFE2R2KpBsVOc7KtzW071wcfk is already listed at maintainers/alice.yaml ssh_keys[0] (expected each key once)",
  ],
  "no-team": [
    "maintainers/carol.yaml:3:1: teams: is in no team and not an org owner (expected at least one team; to offboard, delete the file)",
  ],
  "team-without-maintainer": [
    'maintainers: teams.docs: team "docs" has no maintainer; its members: maintainers/alice.yaml (expected at least one file with "teams: { docs: maintainer }")',
  ],
  "one-owner": [
    "maintainers: org_owner: only 1 org owner (expected at least 2, so the organization cannot be locked out)",
  ],
  "every-problem-of-a-file": [
    'maintainers/carol.yaml:2:9: github: "caroline" differs from the file name (expected "carol", or rename the file to caroline.yaml)',
    'maintainers/carol.yaml:3:1: emial: unknown key (did you mean "email"?) (expected one of: name, github, github_id, previously, email, netauth, teams, org_owner, ssh_keys, since)',
    'maintainers/carol.yaml:7:5: ssh_keys[0]: is not an OpenSSH public key (expected one line like "ssh-ed25519 AAAA... comment")',
  ],
  "previously-current": [
    "maintainers/carol.yaml:5:5: previously[1]: is the current login (expected only the logins the account had before)",
    "maintainers/carol.yaml:6:5: previously[2]: is listed twice (expected each earlier login once)",
  ],
  "previously-taken": [
    'maintainers/carol.yaml:4:5: previously[0]: "Bob" is the login of maintainers/bob.yaml (expected only logins no one holds now; remove it once the rename is applied)',
    `maintainers/carol.yaml:4:5: previously[0]: NetAuth id "bob" is already maintainers/bob.yaml's (expected one entity per person; set netauth: to your own user name)`,
    'maintainers/dave.yaml:4:5: previously[0]: "OldUser" is already an earlier login of maintainers/carol.yaml (expected each earlier login in one file)',
  ],
  "netauth-invalid": [
    "maintainers/carol.yaml:3:10: netauth: is not a NetAuth entity id (expected a lower-case letter, then up to 31 lower-case letters, digits, '-' or '_')",
  ],
  "netauth-taken": [
    'maintainers/carol.yaml:3:10: netauth: NetAuth id "alice" is already maintainers/alice.yaml\'s (expected one entity per person; set netauth: to your own user name)',
    'maintainers/dave.yaml:3:10: netauth: "core" is reserved: it is the team core (expected your own user name on the machines)',
  ],
  "login-not-netauth-id": [
    "maintainers/1carol.yaml:2:9: github: \"1carol\" cannot be your NetAuth id (expected a lower-case letter, then up to 31 lower-case letters, digits, '-' or '_'; add netauth: with the user name you log in to the machines with)",
  ],
  "reserved-login": [
    'maintainers/core.yaml:2:9: github: "core" is reserved: it is the team core (expected a person\'s own GitHub login; no one may share a name with a team, group or system account)',
  ],
  "not-yaml-extension": [
    "maintainers/carol.yml: (file): is not a maintainer file (expected <github-login>.yaml)",
  ],
};

describe("maintainer loader", () => {
  test("loads valid files into a sorted, typed roster", () => {
    const { roster } = load();
    assert.deepEqual(
      roster.people.map((p) => [p.login, p.orgOwner, p.teams]),
      [
        ["alice", true, { core: "maintainer", docs: "maintainer" }],
        ["bob", true, { core: "member" }],
      ],
    );
    const alice = roster.people[0];
    assert.equal(alice.githubId, 1001);
    assert.equal(alice.since, "2019-03");
    assert.deepEqual(
      alice.sshKeys.map((k) => [k.type, k.bits]),
      [
        ["ed25519", 256],
        ["rsa", 3072],
      ],
    );
  });

  test("every fixture case has an expectation", () => {
    assert.deepEqual(caseNames().sort(), Object.keys(EXPECTED).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    test(`rejects ${name}`, () => assert.deepEqual(problems(name), expected));
  }

  test("reports every problem of every file in one run", () => {
    const dir = caseDir("unknown-team");
    writeFileSync(join(dir, "dave.yaml"), "name: Dave\ngithub: dave\nemail: nope\nteams:\n  core: boss\n");
    assert.deepEqual(problems(undefined, dir), [
      'maintainers/carol.yaml:5:3: teams.dosc: unknown team "dosc" (did you mean "docs"?) (expected one of: core, docs)',
      "maintainers/dave.yaml:3:8: email: is not a valid email address (expected name@example.org)",
      'maintainers/dave.yaml:5:9: teams.core: "boss" is not allowed (expected one of: member, maintainer)',
    ]);
  });
});
