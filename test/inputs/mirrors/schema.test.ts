import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { renderMirrorJsonSchema } from "../../../inputs/mirrors";
import { MIRROR_FIELDS } from "../../../inputs/mirrors/schema";
import { REPO_ROOT } from "../../support/project";

describe("estate/mirrors.schema.json", () => {
  test("is the JSON Schema generated from the zod schema (run npm run mirrors -- --write-schema)", () => {
    const committed = readFileSync(join(REPO_ROOT, "estate", "mirrors.schema.json"), "utf8");
    assert.equal(committed, renderMirrorJsonSchema());
  });

  test("describes the fields xmirror writes, each required, and rejects unknown ones", () => {
    const schema = JSON.parse(renderMirrorJsonSchema()) as {
      type: string;
      items: {
        required: string[];
        additionalProperties: boolean;
        properties: Record<string, { enum?: unknown[] }>;
      };
    };
    assert.equal(schema.type, "array");
    assert.deepEqual(Object.keys(schema.items.properties), [...MIRROR_FIELDS]);
    assert.deepEqual(schema.items.required, [...MIRROR_FIELDS]);
    assert.equal(schema.items.additionalProperties, false);
    assert.deepEqual(schema.items.properties.region.enum, [
      "AF",
      "AN",
      "AS",
      "EU",
      "NA",
      "OC",
      "SA",
      "World",
    ]);
    assert.deepEqual(schema.items.properties.tier.enum, [1, 2]);
  });
});
