import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Change } from "../../../review/plan/plan-json";
import { Secrets, sensitiveLiterals } from "../../../review/plan/secrets";
import { attributeChanges, formatPath, SENSITIVE, UNKNOWN } from "../../../review/plan/values";

const rows = (change: Change) => attributeChanges(change, new Secrets(sensitiveLiterals({ change })));

describe("attribute paths and values", () => {
  test("paths print like Terraform's", () => {
    assert.equal(formatPath(["tags", "team name", 0]), 'tags["team name"][0]');
    assert.equal(formatPath(["rule", 2, "ports"]), "rule[2].ports");
  });

  test("a list with one sensitive element is walked element by element", () => {
    const change: Change = {
      actions: ["update"],
      before: { keys: ["pub", "old-secret"] },
      after: { keys: ["pub", "new-secret"] },
      before_sensitive: { keys: [false, true] },
      after_sensitive: { keys: [false, true] },
    };
    assert.deepEqual(rows(change), [
      { path: "keys[1]", before: SENSITIVE, after: SENSITIVE, forcesReplacement: false },
    ]);
  });

  test("unchanged sensitive values are not listed, changed ones are", () => {
    const same: Change = {
      actions: ["update"],
      before: { token: "t", n: 1 },
      after: { token: "t", n: 2 },
      before_sensitive: { token: true },
      after_sensitive: { token: true },
    };
    assert.deepEqual(
      rows(same).map((r) => r.path),
      ["n"],
    );
  });

  test("a whole object turning sensitive is compared whole and masked", () => {
    const change: Change = {
      actions: ["update"],
      before: { auth: { user: "u", pass: "p" } },
      after: { auth: { user: "u", pass: "q" } },
      before_sensitive: {},
      after_sensitive: { auth: true },
    };
    assert.deepEqual(rows(change), [
      { path: "auth", before: SENSITIVE, after: SENSITIVE, forcesReplacement: false },
    ]);
  });

  test("nested blocks are flattened with indices; unknown list elements show as unknown", () => {
    const change: Change = {
      actions: ["create"],
      before: null,
      after: { rule: [{ port: 22 }, {}] },
      after_unknown: { rule: [{}, { port: true }], id: true },
    };
    assert.deepEqual(
      rows(change).map((r) => [r.path, r.after]),
      [
        ["rule[0].port", "22"],
        ["rule[1].port", UNKNOWN],
        ["id", UNKNOWN],
      ],
    );
  });

  test("replacement is flagged on the forcing path and below it", () => {
    const change: Change = {
      actions: ["delete", "create"],
      before: { disk: { size: 10, type: "ssd" }, name: "a" },
      after: { disk: { size: 20, type: "hdd" }, name: "b" },
      replace_paths: [["disk"]],
    };
    assert.deepEqual(
      rows(change).map((r) => [r.path, r.forcesReplacement]),
      [
        ["disk.size", true],
        ["disk.type", true],
        ["name", false],
      ],
    );
  });
});
