import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { loadEstate } from "../../../inputs/estate";
import { MAINTAINER_SCHEMA_PATH, maintainerJsonSchema } from "../../../inputs/maintainers/json-schema";
import { REPO_ROOT } from "../../support/project";

describe("the maintainer JSON Schema", () => {
  test("the committed file is generated from the zod schema and the estate's teams (npm run schema)", () => {
    assert.equal(
      readFileSync(join(REPO_ROOT, MAINTAINER_SCHEMA_PATH), "utf8"),
      maintainerJsonSchema(loadEstate(REPO_ROOT).github.teams.map((t) => t.name)),
    );
  });

  test("offers the declared teams and roles for completion and refuses unknown keys", () => {
    const schema = JSON.parse(maintainerJsonSchema(["core"]));
    assert.deepEqual(schema.properties.teams.propertyNames.enum, ["core"]);
    assert.deepEqual(schema.properties.teams.additionalProperties.enum, ["member", "maintainer"]);
    assert.equal(schema.additionalProperties, false);
    assert.deepEqual(schema.required, ["name", "github"]);
  });
});
