import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { schema } from "../../cli/schema";
import { loadEstate } from "../../inputs/estate";
import { jsonSchemaFiles } from "../../inputs/json-schemas";
import { loadOrganization } from "../../inputs/organization";
import { REPO_ROOT, run, scratchProject } from "../support/project";

describe("the committed JSON Schemas", () => {
  test("each is what npm run schema generates from the zod schemas", () => {
    for (const { path, content } of jsonSchemaFiles(loadOrganization(REPO_ROOT)))
      assert.equal(
        readFileSync(join(REPO_ROOT, path), "utf8"),
        content,
        `${path} is stale: run npm run schema`,
      );
  });

  test("npm run schema writes them, and --check fails naming a stale one", async () => {
    const dir = scratchProject();
    const written = await run(schema, dir);
    assert.equal(written.status, 0, written.stderr);
    assert.match(written.stdout, /^wrote .*estate\/schemas\/machine\.schema\.json/);
    assert.equal((await run(schema, dir, ["--check"])).status, 0);

    const path = join(dir, "estate", "schemas", "machine.schema.json");
    writeFileSync(path, readFileSync(path, "utf8").replace('"ipv4"', '"ip"'));
    const stale = await run(schema, dir, ["--check"]);
    assert.equal(stale.status, 1);
    assert.equal(stale.stderr, "error: estate/schemas/machine.schema.json stale: run npm run schema\n");
  });

  test("name no machine, team or policy, so adding one never makes a schema stale", () => {
    const estate = loadEstate(REPO_ROOT);
    const schemas = jsonSchemaFiles(loadOrganization(REPO_ROOT)).filter((f) =>
      f.path.startsWith("estate/schemas/"),
    );
    const text = schemas.map((f) => f.content).join("\n");
    for (const name of [
      ...Object.keys(estate.hosts.machines),
      ...estate.hashistack.nomad.policies.map((p) => p.name),
    ])
      assert.doesNotMatch(text, new RegExp(`"${name}"`), name);
  });
});
