import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { maintainerJsonSchema } from "../../../inputs/maintainers/json-schema";
import { maintainerSchema } from "../../../inputs/maintainers/schema";
import { loadOrganization } from "../../../inputs/organization";
import { REPO_ROOT } from "../../support/project";

describe("the maintainer JSON Schema", () => {
  test("the committed file is generated from the zod schema and the organization's teams (npm run schema)", () => {
    const organization = loadOrganization(REPO_ROOT);
    assert.equal(
      readFileSync(join(REPO_ROOT, organization.people, "schema.json"), "utf8"),
      maintainerJsonSchema(
        organization.github.teams.map((t) => t.name),
        organization.name,
      ),
    );
  });

  test("offers the declared teams and roles for completion, requires what the loader requires and refuses unknown keys", () => {
    const schema = JSON.parse(maintainerJsonSchema(["core"], "Acme"));
    assert.equal(schema.description, "A Acme maintainer: one file per person, named <github-login>.yaml.");
    assert.deepEqual(schema.properties.teams.propertyNames.enum, ["core"]);
    assert.deepEqual(schema.properties.teams.additionalProperties.enum, ["member", "maintainer"]);
    assert.equal(schema.additionalProperties, false);
    // Every field the loader reads, and required exactly when the loader refuses a file without it.
    const fields = Object.entries(maintainerSchema(["core"]).shape);
    assert.deepEqual(
      Object.keys(schema.properties),
      fields.map(([key]) => key),
    );
    assert.deepEqual(
      schema.required,
      fields.filter(([, field]) => !field.safeParse(undefined).success).map(([key]) => key),
    );
  });
});
