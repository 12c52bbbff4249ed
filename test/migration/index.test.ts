import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { synthApp } from "../support/app";
import { readEstate } from "../support/estate";

const { addresses, github } = readEstate();
const { stack } = synthApp();

/** Our stack → Void's root of the same resources, whose state we adopt. */
const ROOTS = { github: "github", digitalocean: "do", fastly: "fastly", hashistack: "hashistack", tls: "le" };

type Moved = { from: string; to: string };

describe("adopting Void's existing state with the adoption data destroys nothing", () => {
  for (const [name, root] of Object.entries(ROOTS)) {
    test(`${name}: every resource of terraform/${root} is kept, moved, or deliberately forgotten`, () => {
      const json = stack(name);
      const moved = (json.moved ?? []) as Moved[];
      const removed = (json.removed ?? []) as { from: string; lifecycle: { destroy: boolean } }[];
      for (const r of removed)
        assert.equal(r.lifecycle.destroy, false, `${r.from} is forgotten, never destroyed`);
      const ours = new Set(
        Object.entries(json.resource ?? {}).flatMap(([type, byId]) =>
          Object.keys(byId).map((id) => `${type}.${id}`),
        ),
      );
      const accounted = new Set([...moved.map((m) => m.from), ...removed.map((r) => r.from)]);
      for (const address of (addresses[root] as string[]).filter((a) => !a.startsWith("data."))) {
        assert.ok(ours.has(address) || accounted.has(address), `${address} would be destroyed`);
      }
      for (const { to } of moved) assert.ok(ours.has(to), `${to} is not a resource of the stack`);
      assert.equal(new Set(moved.map((m) => m.to)).size, moved.length, "no two moves share a target");
      assert.equal(new Set(moved.map((m) => m.from)).size, moved.length, "each old address moves once");
    });
  }

  test("github: every member at adoption keeps their organization membership, adopted without a change", () => {
    const json = stack("github");
    const moved = (json.moved ?? []) as Moved[];
    const imported = (json.import ?? []) as { to: string; id: string }[];
    const owners = new Set((github.owners as string[]).map((login) => login.toLowerCase()));
    const people = new Map<string, string>(
      (github.teamMemberships as { username: string }[]).map(({ username }) => [
        username.toLowerCase(),
        username,
      ]),
    );
    for (const login of owners)
      assert.deepEqual(
        moved.find((m) => m.from === `github_membership.org-owner_${login}`)?.to,
        `github_membership.org_member_${login}`,
        `owner ${login} keeps the membership Void's state holds`,
      );
    // Everyone else joined through a team invitation: GitHub's import id is <organization>:<login>.
    const expected = [...people]
      .filter(([login]) => !owners.has(login))
      .map(([login, username]) => ({
        to: `github_membership.org_member_${login}`,
        id: `void-linux:${username}`,
      }));
    assert.deepEqual(
      [...imported].sort((a, b) => a.to.localeCompare(b.to)),
      expected.sort((a, b) => a.to.localeCompare(b.to)),
    );
    const movedTo = new Set(moved.map((m) => m.to));
    for (const { to } of imported) assert.ok(!movedTo.has(to), `${to} is imported and moved`);
  });

  test("records move by content: the DKIM record keeps its state under its fixed name", () => {
    const moved = (stack("digitalocean").moved ?? []) as Moved[];
    assert.deepEqual(
      moved.find((m) => m.from === "digitalocean_record.__dkim"),
      { from: "digitalocean_record.__dkim", to: "digitalocean_record.zone_default__domainkey_txt" },
    );
    assert.deepEqual(
      moved.find((m) => m.from === "digitalocean_record.a_sfo3_us"),
      { from: "digitalocean_record.a_sfo3_us", to: "digitalocean_record.zone_a-sfo3-us_m_a" },
    );
  });
});

describe("the adoption layer is removable", () => {
  const bare = synthApp({ adopt: false });

  for (const name of Object.keys(ROOTS)) {
    test(`${name}: without migration/ the stack has the same resources and no moved, removed or import block`, () => {
      const adopted = stack(name);
      const fresh = bare.stack(name);
      assert.equal(fresh.moved, undefined);
      assert.equal(fresh.removed, undefined);
      assert.equal(fresh.import, undefined);
      assert.deepEqual(fresh.resource, adopted.resource);
    });
  }
});
