import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { PersonSnapshot, RosterSnapshot } from "../../inputs/person-snapshot";
import { notAPersonFile, renderRouting, routeApprovals } from "../../review/approvals";

const person = (
  login: string,
  teams: PersonSnapshot["teams"],
  extra: Partial<PersonSnapshot> = {},
): PersonSnapshot => ({
  login,
  name: login,
  githubId: undefined,
  teams,
  orgOwner: false,
  file: `maintainers/${login}.yaml`,
  ...extra,
});

const BASE: RosterSnapshot = {
  people: [
    person("olga", { ops: "maintainer" }, { orgOwner: true }),
    person("otto", { ops: "member", core: "member" }),
    person("cara", { core: "maintainer" }),
    person("dina", { docs: "maintainer" }),
    person("mo", { core: "member", docs: "member" }),
    person("solo", { web: "maintainer" }),
  ],
};
const OPERATORS = ["olga", "otto"];
/** The base's definition: its operators' team and people's folder. */
const SETTINGS = { operatorTeam: "ops", people: "maintainers" };

/** The routing of `head` against BASE, as (file, by, approvers, reasons) rows. */
function route(change: (people: PersonSnapshot[]) => PersonSnapshot[], changedFiles: string[] = []) {
  const head = { people: change([...BASE.people]) };
  return routeApprovals(BASE, head, changedFiles, SETTINGS).requirements.map((r) => ({
    file: r.file,
    by: "operators" in r.by ? "operators" : r.by.teams.join(" or "),
    approvers: r.approvers.join(" "),
    reasons: r.reasons.join("; "),
  }));
}

const replace = (people: PersonSnapshot[], login: string, next: PersonSnapshot | undefined) =>
  people.flatMap((p) => (p.login === login ? (next ? [next] : []) : [p]));

describe("approval routing", () => {
  test("onboarding a member is approved by a maintainer of the team joined, or an operator", () => {
    assert.deepEqual(
      route((people) => [...people, person("alice", { core: "member" })]),
      [
        {
          file: "maintainers/alice.yaml",
          by: "core",
          approvers: "cara olga otto",
          reasons: "adds @alice to core (member)",
        },
      ],
    );
  });

  test("offboarding needs a maintainer of each team left", () => {
    assert.deepEqual(
      route((people) => replace(people, "mo", undefined)),
      [
        {
          file: "maintainers/mo.yaml",
          by: "core",
          approvers: "cara olga otto",
          reasons: "removes @mo from core",
        },
        {
          file: "maintainers/mo.yaml",
          by: "docs",
          approvers: "dina olga otto",
          reasons: "removes @mo from docs",
        },
      ],
    );
  });

  test("joining a second team needs that team's maintainer only", () => {
    assert.deepEqual(
      route((people) =>
        replace(people, "mo", person("mo", { core: "member", docs: "member", web: "member" })),
      ),
      [
        {
          file: "maintainers/mo.yaml",
          by: "web",
          approvers: "olga otto solo",
          reasons: "adds @mo to web (member)",
        },
      ],
    );
  });

  test("grants of power need an operator: owner, the operators' team, the maintainer role", () => {
    const owner = route((people) => [...people, person("eve", { core: "member" }, { orgOwner: true })]);
    assert.deepEqual(owner, [
      {
        file: "maintainers/eve.yaml",
        by: "operators",
        approvers: OPERATORS.join(" "),
        reasons: "makes @eve an org owner; adds @eve to core (member)",
      },
    ]);
    const ops = route((people) =>
      replace(people, "mo", person("mo", { core: "member", docs: "member", ops: "member" })),
    );
    assert.equal(ops[0]?.by, "operators");
    const promoted = route((people) =>
      replace(people, "mo", person("mo", { core: "maintainer", docs: "member" })),
    );
    assert.deepEqual(promoted, [
      {
        file: "maintainers/mo.yaml",
        by: "operators",
        approvers: "olga otto",
        reasons: "makes @mo maintainer of core",
      },
    ]);
  });

  test("an owner's or an operator's file needs an operator, whatever changes", () => {
    const leaving = route((people) => replace(people, "otto", undefined));
    assert.deepEqual(
      leaving.map((r) => r.by),
      ["operators"],
    );
    const owner = route((people) => replace(people, "olga", undefined), ["maintainers/olga.yaml"]);
    assert.match(owner[0]?.reasons ?? "", /removes @olga as org owner/);
  });

  test("a github_id change needs an operator; other fields need a maintainer of one of the person's teams", () => {
    const id = route((people) =>
      replace(people, "mo", person("mo", { core: "member", docs: "member" }, { githubId: 9 })),
    );
    assert.deepEqual(
      id.map((r) => [r.by, r.reasons]),
      [["operators", "changes the github_id of @mo"]],
    );
    const email = route((people) => people, ["maintainers/mo.yaml"]);
    assert.deepEqual(email, [
      {
        file: "maintainers/mo.yaml",
        by: "core or docs",
        approvers: "cara dina olga otto",
        reasons: "changes @mo's file",
      },
    ]);
  });

  test("nobody approves their own file: a team's only maintainer is routed to the operators", () => {
    assert.deepEqual(
      route((people) => people, ["maintainers/solo.yaml"]),
      [
        {
          file: "maintainers/solo.yaml",
          by: "operators",
          approvers: "olga otto",
          reasons: "changes @solo's file (no other maintainer of web)",
        },
      ],
    );
  });

  test("an operator's own promotion or new key is approved by the other operators only, whoever opened it", () => {
    const promoted = route((people) =>
      replace(people, "otto", person("otto", { ops: "member", core: "member" }, { orgOwner: true })),
    );
    assert.deepEqual(promoted, [
      {
        file: "maintainers/otto.yaml",
        by: "operators",
        approvers: "olga",
        reasons: "makes @otto an org owner",
      },
    ]);
    const ownKey = route((people) => people, ["maintainers/olga.yaml"]);
    assert.deepEqual(
      ownKey.map((r) => r.approvers),
      ["otto"],
    );
  });

  test("when nobody but the person concerned may approve, the row says so and names nobody", () => {
    const lone: RosterSnapshot = {
      people: [
        person("olga", { ops: "maintainer" }, { orgOwner: true }),
        person("cara", { core: "maintainer" }),
      ],
    };
    const head = {
      people: [
        person("olga", { ops: "maintainer", core: "member" }, { orgOwner: true }),
        lone.people[1] as PersonSnapshot,
      ],
    };
    const [row] = routeApprovals(lone, head, [], SETTINGS).requirements;
    assert.deepEqual(row?.approvers, []);
    assert.match(row?.reasons.join(";") ?? "", /no operator other than @olga may approve it/);
  });

  test("a name CODEOWNERS leaves to the routing that is not <github-login>.yaml is refused, not routed", () => {
    for (const file of ["maintainers/x\u200B.yaml", "maintainers/.hidden.yaml", "maintainers/x\ny.yaml"]) {
      const routing = routeApprovals(BASE, BASE, [file], SETTINGS);
      assert.deepEqual(routing.requirements, [], file);
      assert.deepEqual(routing.refusals, [{ file, problem: notAPersonFile("maintainers") }], file);
    }
    // Deeper paths and other names CODEOWNERS gives to the operators are theirs to approve.
    for (const file of ["maintainers/a/b.yaml", "maintainers/schema.json"])
      assert.deepEqual(
        route((people) => people, [file]).map((r) => [r.file, r.by]),
        [[file, "operators"]],
      );
  });

  test("a person's file that changed but is readable on neither side is refused", () => {
    const routing = routeApprovals(BASE, BASE, ["maintainers/ghost.yaml"], SETTINGS);
    assert.deepEqual(routing.requirements, []);
    assert.deepEqual(
      routing.refusals.map((r) => r.file),
      ["maintainers/ghost.yaml"],
    );
  });

  test("a second file for one login, in another letter case, is refused", () => {
    const head = {
      people: [...BASE.people, person("Cara", { core: "member" }, { file: "maintainers/Cara.yaml" })],
    };
    const routing = routeApprovals(BASE, head, ["maintainers/Cara.yaml"], SETTINGS);
    assert.deepEqual(
      routing.refusals.map((r) => [r.file, r.problem]),
      [
        [
          "maintainers/Cara.yaml",
          "is a second file for @Cara (expected one file per person, whatever the letter case)",
        ],
      ],
    );
  });

  test("a rename recorded by github_id: the person is a subject of the new file under both logins", () => {
    const base = { people: [...BASE.people, person("olda", { core: "member" }, { githubId: 77 })] };
    const head = {
      people: [...BASE.people, person("olivia", { core: "member" }, { githubId: 77, orgOwner: true })],
    };
    const rows = routeApprovals(
      base,
      head,
      ["maintainers/olda.yaml", "maintainers/olivia.yaml"],
      SETTINGS,
    ).requirements;
    for (const row of rows) assert.deepEqual(row.subjects, ["olda", "olivia"], row.file);
  });

  test("a file removed and one added under one github_id read as a rename on both rows, for an operator", () => {
    const base = { people: [...BASE.people, person("olda", { core: "member" }, { githubId: 77 })] };
    const renamed = person(
      "olivia",
      { core: "member", docs: "member" },
      { githubId: 77, previously: ["olda"] },
    );
    const rows = routeApprovals(
      base,
      { people: [...BASE.people, renamed] },
      ["maintainers/olda.yaml", "maintainers/olivia.yaml"],
      SETTINGS,
    ).requirements;
    const reasons =
      "renames @olda to @olivia; adds @olivia to docs (member); records @olda as an earlier login of @olivia";
    assert.deepEqual(
      rows.map((r) => [r.file, "operators" in r.by, r.approvers.join(" "), r.reasons.join("; ")]),
      [
        ["maintainers/olda.yaml", true, "olga otto", reasons],
        ["maintainers/olivia.yaml", true, "olga otto", reasons],
      ],
    );
    // Two added files claiming one id are no rename: each is read on its own.
    const claimed = routeApprovals(
      base,
      { people: [...BASE.people, renamed, person("oskar", { core: "member" }, { githubId: 77 })] },
      ["maintainers/olda.yaml", "maintainers/olivia.yaml", "maintainers/oskar.yaml"],
      SETTINGS,
    ).requirements;
    assert.ok(claimed.every((r) => !r.reasons.some((reason) => reason.startsWith("renames"))));
  });

  test("earlier logins move state from those logins: recording them needs an operator", () => {
    const renamed = route((people) =>
      replace(people, "mo", person("mo", { core: "member", docs: "member" }, { previously: ["old-mo"] })),
    );
    assert.deepEqual(
      renamed.map((r) => [r.by, r.reasons]),
      [["operators", "records @old-mo as an earlier login of @mo"]],
    );
    const two = route((people) =>
      replace(
        people,
        "mo",
        person("mo", { core: "member", docs: "member" }, { previously: ["old-mo", "older-mo"] }),
      ),
    );
    assert.deepEqual(two[0]?.reasons, "records @old-mo, @older-mo as earlier logins of @mo");
  });

  test("a new SSH key is power for someone with a host login; elsewhere a team's maintainer approves it", () => {
    const key = (n: number) => `ssh-ed25519 KEY${n}`;
    const withKeys = (keys: string[], teams: PersonSnapshot["teams"] = { core: "member", docs: "member" }) =>
      person("mo", teams, { publicKeys: keys });
    const base = { people: replace([...BASE.people], "mo", withKeys([key(1)])) };
    const routed = (next: PersonSnapshot, hostLoginTeams: string[]) =>
      routeApprovals(base, { people: replace([...base.people], "mo", next) }, ["maintainers/mo.yaml"], {
        ...SETTINGS,
        hostLoginTeams,
      }).requirements.map((r) => ["operators" in r.by, r.reasons.join("; ")]);

    assert.deepEqual(routed(withKeys([key(1), key(2)]), ["docs"]), [
      [true, "adds an SSH key to @mo (host login)"],
    ]);
    assert.deepEqual(routed(withKeys([key(2), key(3)]), []), [
      [false, "adds 2 SSH keys to @mo; removes an SSH key from @mo"],
    ]);
    // Dropping a key grants nothing, host login or not.
    assert.deepEqual(routed(withKeys([]), ["docs"]), [[false, "removes an SSH key from @mo"]]);
    // Joining a team that brings a host login is a grant, as joining the operators' team is.
    assert.deepEqual(routed(withKeys([key(1)], { core: "member", docs: "member", web: "member" }), ["web"]), [
      [true, "adds @mo to web (member)"],
    ]);
  });

  test("a change of NetAuth id needs an operator: it decides whose entity the keys log in as", () => {
    const rows = routeApprovals(
      BASE,
      {
        people: replace(
          [...BASE.people],
          "mo",
          person("mo", { core: "member", docs: "member" }, { netauth: "olga" }),
        ),
      },
      ["maintainers/mo.yaml"],
      SETTINGS,
    ).requirements;
    assert.deepEqual(
      rows.map((r) => ["operators" in r.by, r.reasons.join("; ")]),
      [[true, "changes the NetAuth id of @mo"]],
    );
  });

  test("clearing a file's earlier logins says so and needs an operator", () => {
    const base = {
      people: replace(
        [...BASE.people],
        "mo",
        person("mo", { core: "member", docs: "member" }, { previously: ["old-mo"] }),
      ),
    };
    const rows = routeApprovals(base, BASE, ["maintainers/mo.yaml"], SETTINGS).requirements;
    assert.deepEqual(
      rows.map((r) => ["operators" in r.by, r.reasons.join("; ")]),
      [[true, "clears the earlier logins of @mo"]],
    );
  });

  test("every other changed file needs an operator; an unchanged roster needs nothing else", () => {
    assert.deepEqual(
      route((people) => people, ["estate/hosts.ts", "README.md"]),
      [
        {
          file: "README.md",
          by: "operators",
          approvers: "olga otto",
          reasons: "changes a file only the operators approve",
        },
        {
          file: "estate/hosts.ts",
          by: "operators",
          approvers: "olga otto",
          reasons: "changes a file only the operators approve",
        },
      ],
    );
    assert.deepEqual(
      route((people) => people),
      [],
    );
  });

  test("the section shows people's rows one by one and every other path in one row, ten named", () => {
    const files = Array.from({ length: 14 }, (_, i) => `estate/f${String(i).padStart(2, "0")}.ts`);
    const head = { people: [...BASE.people, person("alice", { core: "member" })] };
    const routing = routeApprovals(BASE, head, [...files, "maintainers/alice.yaml"], SETTINGS);
    const lines = renderRouting(routing)
      .split("\n")
      .filter((l) => l.startsWith("| `"));
    assert.deepEqual(lines, [
      "| `maintainers/alice.yaml` | adds @alice to core (member) | a maintainer of core, or an operator: @cara, @olga, @otto |",
      `| ${files
        .slice(0, 10)
        .map((f) => `\`${f}\``)
        .join(
          ", ",
        )} and 4 more | changes a file only the operators approve | ⚠️ an operator of ops: @olga, @otto |`,
    ]);
    const progress = renderRouting(routing, { approvedBy: [...files.map(() => "otto"), undefined] });
    assert.match(progress, /\| waiting \|\n\| `estate\/f00\.ts`.* \| ✅ @otto \|$/);
  });
});
