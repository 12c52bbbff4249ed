import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { noActions } from "../../review/change";
import { NO_CHANGES, readSynthOutput, renderMarkdown, reviewDiff } from "../../review/diff";
import { ALICE, Scratch } from "../support/scratch";

test("adding a maintainer file prints the human lines: one organization and one team membership to create", async () => {
  const scratch = new Scratch();
  const base = scratch.synthBase();
  scratch.write("maintainers/alice.yaml", ALICE);
  scratch.synth();

  const run = await scratch.diff(["--base", base]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^### Review diff: 3 to create, 1 to update, 0 to delete$/m);
  assert.match(run.stdout, /^\| github \| 2 \| 0 \| 0 \|$/m);
  assert.match(run.stdout, /^\| netauth\/access\.json \| 1 \| 1 \| 0 \|$/m);
  assert.match(run.stdout, /^- `github`: welcomes Alice Liddell \(@alice\) to pkg-committers \(member\)$/m);
  assert.match(
    run.stdout,
    /^- `netauth\/access\.json`: adds Alice Liddell \(@alice\) to NetAuth, in devspace-users$/m,
  );
  assert.doesNotMatch(run.stdout, /⚠️/, "an ordinary onboarding has nothing to warn about");
  assert.match(run.stdout, /^\+ github_team_membership\.team_membership_pkg-committers_alice \(create\)$/m);
  assert.match(run.stdout, /^\+ github_membership\.org_member_alice \(create\)$/m);
  assert.match(run.stdout, /^\+ {3}username = "alice"$/m);
});

test("deleting an org owner's file puts the owner warning first", async () => {
  const scratch = new Scratch();
  const base = scratch.synthBase();
  scratch.remove("maintainers/Gottox.yaml");
  scratch.synth();

  const run = await scratch.diff(["--base", base]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^### Review diff: 0 to create, 4 to update, 6 to delete$/m);
  const lines = run.stdout.split("\n").filter((l) => /^(> )?- (⚠️ )?`/.test(l));
  assert.deepEqual(lines, [
    "> - ⚠️ `github`: removes @Gottox from pkg-committers",
    "> - ⚠️ `github`: removes @Gottox from runit-devs",
    "> - ⚠️ `github`: removes @Gottox from the organization (an org owner)",
    "> - ⚠️ `github`: removes @Gottox from void-ops",
    "> - ⚠️ `github`: removes @Gottox from webmasters",
    "> - ⚠️ `netauth/access.json`: removes @Gottox from NetAuth's import, and so from wheel, dante, build-ops and devspace-users",
    "- `netauth/reconcile.sh`: 5 lines added, 6 lines removed (restates `netauth/access.json`)",
  ]);
  assert.ok(
    run.stdout.indexOf("[!CAUTION]") < run.stdout.indexOf("<details>"),
    "warnings come before the details",
  );
  assert.doesNotMatch(
    run.stdout,
    /Attribute diff of netauth\/reconcile\.sh/,
    "a script's diff is shown once, inline",
  );
});

test("changing a role says from what to what", async () => {
  const scratch = new Scratch();
  const base = scratch.synthBase();
  const file = "maintainers/ericonr.yaml";
  scratch.write(
    file,
    readFileSync(join(scratch.dir, file), "utf8").replace("doc-writers: member", "doc-writers: maintainer"),
  );
  scratch.synth();

  const report = reviewDiff(readSynthOutput(base), readSynthOutput(join(scratch.dir, "cdktf.out")));
  assert.deepEqual(report.summary, [{ stack: "github", counts: { ...noActions(), update: 1 } }]);
  assert.deepEqual(
    report.lines.map((l) => [l.severity, l.text]),
    [["warning", "changes @ericonr in doc-writers: member → maintainer"]],
  );
  assert.deepEqual(report.changes[0]?.attributes, [
    { path: "role", before: '"member"', after: '"maintainer"' },
  ]);
});

test("identical outputs print exactly one line", async () => {
  const scratch = new Scratch();
  const base = scratch.synthBase();
  scratch.synth();
  const run = await scratch.diff(["--base", base]);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, `${NO_CHANGES}\n`);
});

test("--format json carries the summary, the lines with severity and every attribute", async () => {
  const scratch = new Scratch();
  const base = scratch.synthBase();
  scratch.write("maintainers/alice.yaml", ALICE.replace("teams:", "org_owner: true\nteams:"));
  scratch.synth();

  const run = await scratch.diff(["--base", base, "--head", "cdktf.out", "--format", "json"]);
  assert.equal(run.status, 0, run.stderr);
  const json = JSON.parse(run.stdout);
  assert.deepEqual(json.summary, [
    { stack: "github", counts: { ...noActions(), create: 2 } },
    { stack: "netauth/access.json", counts: { ...noActions(), create: 1, update: 1 } },
  ]);
  assert.deepEqual(json.totals, { ...noActions(), create: 3, update: 1 });
  assert.deepEqual(
    json.lines.map((l: { severity: string; text: string }) => [l.severity, l.text]),
    [
      ["warning", "makes Alice Liddell (@alice) an org owner"],
      ["info", "welcomes Alice Liddell (@alice) to pkg-committers (member)"],
      ["info", "adds Alice Liddell (@alice) to NetAuth, in devspace-users"],
      ["info", "3 lines added, 2 lines removed (restates `netauth/access.json`)"],
    ],
  );
  assert.deepEqual(json.lines[0].people, ["alice"]);
  const owner = json.changes.find(
    (c: { address: string }) => c.address === "github_membership.org_member_alice",
  );
  // Values as JSON text, as the plan summary prints them.
  assert.deepEqual(owner.attributes, [
    { path: "role", after: '"admin"' },
    { path: "username", after: '"alice"' },
  ]);
});

test("the comment stays under the limit by cutting details, never the summary or warnings", async () => {
  const scratch = new Scratch();
  const head = readSynthOutput(scratch.synth());
  const report = reviewDiff({ stacks: new Map(), artifacts: new Map() }, head);
  const full = renderMarkdown(report, { limit: 10_000_000 });
  assert.ok(full.length > 20_000, "the whole estate makes a long diff");

  const limit = 20_000;
  const capped = renderMarkdown(report, { limit });
  assert.ok(capped.length < limit, `${capped.length} characters`);
  assert.match(capped, /Output truncated to stay under 20,000 characters: \d+ detail sections? omitted/);
  assert.match(capped, /^### Review diff: \d+ to create/m);
  assert.match(capped, /^\| \*\*Total\*\* \|/m);
  for (const warning of report.lines.filter((l) => l.severity === "warning"))
    assert.ok(capped.includes(warning.text), `warning kept: ${warning.text}`);

  assert.ok(renderMarkdown(report).length < 60_000, "the default limit holds for the whole estate");
});

test("a missing base is a usage error", async () => {
  const scratch = new Scratch();
  const run = await scratch.diff([]);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /^error: give exactly one of --base <dir> or --base-ref <git-ref>$/m);
});

test("an SSH key added to an operator's file and a new mirror are named, the key first as a grant of power", async () => {
  const scratch = new Scratch();
  const base = scratch.synthBase();
  const key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILYGqmD4pk4L/3VJU/l36ySYjOLed51EfzH6Fb99ZJ0A v@laptop";
  const operator = "maintainers/Vaelatern.yaml";
  scratch.write(operator, `${readFileSync(join(scratch.dir, operator), "utf8")}ssh_keys:\n  - ${key}\n`);
  const list = "estate/mirrors.yaml";
  scratch.write(
    list,
    `${readFileSync(join(scratch.dir, list), "utf8")}- base_url: https://mirror.example.org/voidlinux/\n  region: EU\n  location: Helsinki, Finland\n  tier: 2\n  enabled: true\n`,
  );
  scratch.synth();

  const run = await scratch.diff(["--base", base]);
  assert.equal(run.status, 0, run.stderr);
  assert.doesNotMatch(run.stdout, new RegExp(`^${NO_CHANGES}`));
  assert.match(
    run.stdout,
    /^> - ⚠️ `netauth\/access\.json`: adds an SSH key \(ED25519 SHA256:[A-Za-z0-9+/]{43}\) to @Vaelatern: host login through wheel, dante and build-ops$/m,
  );
  assert.match(
    run.stdout,
    /^- `v0\/mirrors\.json`: adds mirror `https:\/\/mirror\.example\.org\/voidlinux\/` \(EU, Helsinki, Finland, tier 2\)$/m,
  );
});
