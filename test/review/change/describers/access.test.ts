import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseSshKey } from "@void-linux/infra-constructs/ssh-key";
import { output, sentences } from "../../../support/review-diff";

const KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILYGqmD4pk4L/3VJU/l36ySYjOLed51EfzH6Fb99ZJ0A test-ed25519";
const parsed = parseSshKey(KEY);
if ("problem" in parsed) throw new Error(parsed.problem);
const FINGERPRINT = parsed.fingerprint;

/** NetAuth's import with these people (login → groups, keys). */
function access(
  people: Record<string, { groups: string[]; keys?: string[]; email?: string; name?: string }>,
) {
  const entities = Object.entries(people).map(([login, p]) => ({
    id: login.toLowerCase(),
    login,
    displayName: p.name ?? login,
    ...(p.email && { email: p.email }),
    keys: (p.keys ?? []).map((value) => ({ type: "SSH", value, fingerprint: FINGERPRINT })),
    groups: p.groups,
    source: `maintainers/${login}.yaml`,
  }));
  const groups = ["wheel", "devspace-users"].map((name) => ({
    name,
    description: `the ${name} group`,
    members: entities.filter((e) => e.groups.includes(name)).map((e) => e.id),
  }));
  return output({}, { "netauth/access.json": ["netauth-access", { entities, groups }] });
}

/** NetAuth's import holding just this one entity. */
const oneEntity = (entity: Record<string, unknown>) =>
  output({}, { "netauth/access.json": ["netauth-access", { entities: [entity], groups: [] }] });

/** The estate flags wheel as granting host logins; the group names are data, not code. */
const review = { hostLoginGroups: new Set(["wheel"]), people: new Map([["alice", "Alice Liddell"]]) };

describe("NetAuth's import", () => {
  test("a key added for someone with host login is a grant of power, and names the key", () => {
    const base = access({
      Vaelatern: { groups: ["wheel", "devspace-users"] },
      bob: { groups: ["devspace-users"] },
    });
    const head = access({
      Vaelatern: { groups: ["wheel", "devspace-users"], keys: [KEY] },
      bob: { groups: ["devspace-users"], keys: [KEY] },
    });
    assert.deepEqual(sentences(base, head, review), [
      `!! adds an SSH key (ED25519 ${FINGERPRINT}) to @Vaelatern: host login through wheel`,
      `adds an SSH key (ED25519 ${FINGERPRINT}) to @bob: access through devspace-users`,
    ]);
  });

  test("which group grants host login comes from the review context, not from its name", () => {
    const base = access({ bob: { groups: ["devspace-users"] } });
    const head = access({ bob: { groups: ["devspace-users", "wheel"] } });
    assert.deepEqual(sentences(base, head, review), ["!! adds @bob to NetAuth group wheel: host login"]);
    assert.deepEqual(sentences(base, head, { hostLoginGroups: new Set() }), [
      "adds @bob to NetAuth group wheel",
    ]);
  });

  test("people who come and go, removals, email and name changes", () => {
    const base = access({
      gone: { groups: ["wheel"] },
      carol: { groups: ["wheel", "devspace-users"], keys: [KEY], email: "carol@example.org" },
    });
    const head = access({
      alice: { groups: ["devspace-users"], keys: [KEY], name: "Alice Liddell" },
      carol: { groups: ["devspace-users"], email: "c@example.org", name: "Carol *C*" },
    });
    assert.deepEqual(sentences(base, head, review), [
      "! removes @gone from NetAuth's import, and so from wheel",
      "! removes @carol from NetAuth group wheel",
      `! removes an SSH key (ED25519 ${FINGERPRINT}) from @carol`,
      "adds Alice Liddell (@alice) to NetAuth, in devspace-users",
      `adds an SSH key (ED25519 ${FINGERPRINT}) to Alice Liddell (@alice): access through devspace-users`,
      "changes @carol's display name: carol → Carol \\*C\\*",
      "changes @carol's email: `carol@example.org` → `c@example.org`",
    ]);
  });

  test("a group's member list is told with each person, a new host-login group as a grant", () => {
    const base = access({ bob: { groups: ["devspace-users"] } });
    const head = output(
      {},
      {
        "netauth/access.json": [
          "netauth-access",
          {
            entities: [
              {
                id: "bob",
                login: "bob",
                displayName: "bob",
                keys: [],
                groups: ["devspace-users", "dante"],
                source: "maintainers/bob.yaml",
              },
            ],
            groups: [
              { name: "devspace-users", description: "the devspace-users group", members: ["bob"] },
              { name: "dante", description: "SSH <b>login</b>", members: ["bob"] },
            ],
          },
        ],
      },
    );
    assert.deepEqual(sentences(base, head, { hostLoginGroups: new Set(["dante"]) }), [
      "!! adds NetAuth group dante (host login): SSH &lt;b&gt;login&lt;/b&gt;",
      "!! adds @bob to NetAuth group dante: host login",
      "! removes NetAuth group wheel",
    ]);
  });

  test("a group's teams, host logins and services are told one by one, grants first", () => {
    const group = (teams: string[], hostLogin: string[], services: string[]) =>
      output(
        {},
        {
          "netauth/access.json": [
            "netauth-access",
            {
              entities: [],
              groups: [
                { name: "build-ops", description: "builders", teams, hostLogin, services, members: [] },
              ],
            },
          ],
        },
      );
    const base = group(["void-ops", "doc-writers"], ["netlogon"], ["devspace-sftp"]);
    const head = group(["void-ops", "pkg-committers"], ["buildworker"], []);
    const context = { hostLoginGroups: new Set(["build-ops"]) };
    assert.deepEqual(sentences(base, head, context), [
      "!! admits the members of pkg-committers to NetAuth group build-ops: host login",
      "!! lets NetAuth group build-ops log in to the buildworker machines",
      "! no longer admits the members of doc-writers to NetAuth group build-ops",
      "! no longer lets NetAuth group build-ops log in to the netlogon machines",
      "! no longer lets NetAuth group build-ops use the service devspace-sftp",
    ]);
  });

  test("listing a person's keys for the first time is told: NetAuth then drops any key not listed", () => {
    const entity = (keysManaged: boolean) =>
      oneEntity({
        id: "bob",
        displayName: "bob",
        keys: [],
        keysManaged,
        groups: [],
        source: "maintainers/bob.yaml",
      });
    assert.deepEqual(sentences(entity(false), entity(true), review), [
      "! makes NetAuth hold exactly the SSH keys @bob's file lists: any other key of theirs is dropped",
    ]);
    assert.deepEqual(sentences(entity(true), entity(false), review), [
      "stops managing @bob's SSH keys: the keys NetAuth holds stay as they are",
    ]);
  });

  test("a GitHub rename keeps the NetAuth entity, and says so", () => {
    const entity = (login: string) =>
      oneEntity({
        id: "carol",
        login,
        displayName: "Carol",
        keys: [],
        groups: [],
        source: `maintainers/${login}.yaml`,
      });
    assert.deepEqual(sentences(entity("carol"), entity("caroline"), review), [
      "records @caroline's new GitHub login (was @carol): NetAuth entity carol and its user name on the machines stay",
    ]);
  });
});
