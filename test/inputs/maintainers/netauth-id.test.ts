import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { netauthIdOf } from "../../../inputs/maintainers/netauth-id";

const login = fc.stringMatching(/^[A-Za-z0-9](?:-?[A-Za-z0-9]){0,15}$/);

describe("a person's NetAuth id", () => {
  test("a GitHub rename recorded in previously: keeps the user name on the machines", () => {
    fc.assert(
      fc.property(fc.array(login, { maxLength: 3 }), login, login, (earlier, before, after) => {
        const renamed = netauthIdOf({ github: after, previously: [...earlier, before] });
        assert.equal(renamed, netauthIdOf({ github: before, previously: earlier }));
      }),
    );
  });

  test("is the file's netauth: when given, else the first login in lower case", () => {
    assert.equal(netauthIdOf({ github: "Carol", netauth: "cc" }), "cc");
    assert.equal(netauthIdOf({ github: "Carol" }), "carol");
    assert.equal(netauthIdOf({ github: "caroline", previously: ["Carol", "carol2"] }), "carol");
  });
});
