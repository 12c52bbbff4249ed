import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { MAINTAINER_SCHEMA_PATH, maintainerJsonSchema } from "../../lib/maintainers/json-schema";
import { REPO_ROOT } from "../support/project";

const dir = join(REPO_ROOT, "maintainers");

describe("maintainer data", () => {
  test("the committed JSON Schema is generated from the zod schema (npm run schema)", () => {
    assert.equal(readFileSync(join(REPO_ROOT, MAINTAINER_SCHEMA_PATH), "utf8"), maintainerJsonSchema());
  });

  test("the JSON Schema offers the declared teams and roles for completion", () => {
    const schema = JSON.parse(maintainerJsonSchema());
    assert.deepEqual(schema.properties.teams.propertyNames.enum, [
      "pkg-committers",
      "xbps-developers",
      "void-ops",
      "doc-writers",
      "webmasters",
      "runit-devs",
    ]);
    assert.deepEqual(schema.properties.teams.additionalProperties.enum, ["member", "maintainer"]);
    assert.equal(schema.additionalProperties, false);
    assert.deepEqual(schema.required, ["name", "github"]);
  });

  test("every maintainer file points editors at the schema", () => {
    const files = readdirSync(dir).filter((f) => f.endsWith(".yaml"));
    assert.equal(files.length, 22);
    for (const file of files) {
      const first = readFileSync(join(dir, file), "utf8").split("\n")[0];
      assert.equal(first, "# yaml-language-server: $schema=./schema.json", file);
    }
  });
});
