import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import fc from "fast-check";
import { renderJson, renderMarkdown, renderPlanComment, summarizePlan } from "../../../review/plan";
import { parsePlanJson } from "../../../review/plan/plan-json";
import { Secrets, sensitiveLiterals } from "../../../review/plan/secrets";
import { parseSummaryJson } from "../../../review/plan/summary-json";
import { plan as fixture } from "../../support/plans";
import {
  base64encode,
  base64gzip,
  DIGESTS,
  jsonencode,
  STRING_STYLES,
  type TerraformFunction,
  urlencode,
  utf16,
  utf16le,
  yamlencode,
} from "../../support/terraform-functions";

/**
 * The masking invariant (docs/plan-summary.md, "Masking sensitive values"): a secret that a plan
 * marks anywhere is never printed, in any output format, however Terraform's functions encoded
 * it — each of urlencode, base64encode, base64gzip, jsonencode, yamlencode (every YAML string
 * style), textencodebase64 to UTF-16, nested up to four deep, each inside other text — nor as a
 * digest of it. Held over generated secrets: spaces, `!'()*`, quotes, backslashes, line breaks,
 * control characters, any Unicode, short and long.
 */

const AWKWARD = [..." !'()*~+/=&%\"\\<>\n\t:#-_.@aZ09é日🔑\u2028\u0007"];
const secrets = fc.oneof(
  fc.string({ unit: fc.constantFrom(...AWKWARD), minLength: 4, maxLength: 24 }),
  fc.string({ unit: "binary", minLength: 4, maxLength: 40 }),
  fc.string({ unit: "grapheme", minLength: 4, maxLength: 16 }),
  fc.string({ unit: "grapheme-ascii", minLength: 4, maxLength: 300 }),
);

const ENCODINGS: Readonly<Record<string, TerraformFunction>> = {
  urlencode,
  base64encode,
  base64gzip,
  jsonencode,
  textencodebase64_utf16le: utf16le,
  textencodebase64_utf16: utf16,
  ...Object.fromEntries(
    STRING_STYLES.flatMap((style) =>
      [20, 80].map((width) => [`yamlencode_${style}_${width}`, yamlencode(style, width)]),
    ),
  ),
};

/** Text a configuration puts around a value before encoding it again ("token" glued on, too). */
const around = fc.record({
  before: fc.constantFrom("", "ci:", "token=", "Basic ", "token", "x", '{"auth":', "#!/bin/sh\nexport T="),
  after: fc.constantFrom("", "@ci.example.org", "&v=1", "}", "\n", " and more text"),
});

const chains = fc.record({
  digest: fc.option(fc.constantFrom(...Object.keys(DIGESTS)), { freq: 4 }),
  steps: fc.array(fc.record({ encoding: fc.constantFrom(...Object.keys(ENCODINGS)), around }), {
    minLength: 1,
    maxLength: 4,
  }),
});

type Chain = typeof chains extends fc.Arbitrary<infer T> ? T : never;

/** The secret, then each value the chain builds from it, the last one what the plan holds. */
function encodeAll(secret: string, { digest, steps }: Chain): string[] {
  const values = [secret];
  let value = digest ? (DIGESTS[digest] ?? assert.fail(digest))(secret) : secret;
  if (digest) values.push(value);
  for (const { encoding, around } of steps) {
    value = (ENCODINGS[encoding] ?? assert.fail(encoding))(`${around.before}${value}${around.after}`);
    values.push(value);
  }
  return values;
}

const resource = (address: string, name: string, change: object, index?: string) => ({
  address,
  mode: "managed",
  type: "terraform_data",
  name,
  ...(index === undefined ? {} : { index }),
  change,
});

/**
 * A plan that marks `secret` sensitive on one resource and holds `value`, unmarked, as another's
 * attribute, as a map key and as an instance key.
 */
function planHolding(secret: string, value: string): string {
  const create = (after: object) => ({
    actions: ["create"],
    before: null,
    after,
    after_unknown: {},
    before_sensitive: false,
    after_sensitive: {},
  });
  return JSON.stringify({
    format_version: "1.2",
    terraform_version: "1.11.0",
    resource_changes: [
      resource("terraform_data.secret", "secret", {
        actions: ["update"],
        before: { input: "the-old-one" },
        after: { input: secret },
        after_unknown: {},
        before_sensitive: { input: true },
        after_sensitive: { input: true },
      }),
      resource("terraform_data.copy", "copy", create({ input: value, keyed: { [value]: "v" } })),
      resource(`terraform_data.per[${JSON.stringify(value)}]`, "per", create({ input: "one" }), value),
    ],
  });
}

/**
 * A plan that marks `secret` sensitive on one resource and holds `value`, unmarked, where the
 * describers of provider resources put values into sentences: a DNS record's value, the name of a
 * team a membership refers to (through the prior state), a login, a policy's name.
 */
function providersHolding(secret: string, value: string): string {
  const create = (address: string, type: string, after: object) => ({
    address,
    mode: "managed",
    type,
    name: address.split(".")[1],
    change: {
      actions: ["create"],
      before: null,
      after,
      after_unknown: {},
      before_sensitive: false,
      after_sensitive: {},
    },
  });
  const team = {
    address: "github_team.t",
    mode: "managed",
    type: "github_team",
    name: "t",
    values: { id: "42", name: value },
  };
  return JSON.stringify({
    format_version: "1.2",
    resource_changes: [
      ...JSON.parse(planHolding(secret, "unrelated")).resource_changes,
      create("digitalocean_record.txt", "digitalocean_record", {
        domain: "example.org",
        name: "x",
        type: "TXT",
        value,
      }),
      create("github_team_membership.m", "github_team_membership", {
        team_id: "42",
        username: "bob",
        role: "member",
      }),
      create("github_membership.owner", "github_membership", { username: value, role: "admin" }),
      create("nomad_acl_policy.p", "nomad_acl_policy", { name: value, rules_hcl: `namespace "${value}" {}` }),
    ],
    planned_values: { root_module: { resources: [team] } },
    prior_state: { values: { root_module: { resources: [team] } } },
  });
}

/** Every output format: Markdown (the job summary and artifact), JSON, the plan comment as posted. */
function outputs(planText: string): string[] {
  const summary = summarizePlan(parsePlanJson(planText, "plan.json"), "stack", "plan.json");
  const json = renderJson([summary]);
  return [renderMarkdown([summary]), json, renderPlanComment(parseSummaryJson(json))];
}

describe("property: no output holds a secret, whatever encodings Terraform's functions wrap it in", () => {
  test("as an attribute value, a map key and an instance key", () => {
    fc.assert(
      fc.property(secrets, chains, (secret, chain) => {
        const values = encodeAll(secret, chain);
        const value = values.at(-1) ?? "";
        const planText = planHolding(secret, value);
        const summary = summarizePlan(parsePlanJson(planText, "plan.json"), "stack", "plan.json");
        const copy = summary.resources.find((r) => r.address === "terraform_data.copy");
        assert.deepEqual(
          copy?.changes.map((c) => [c.path, c.after]),
          [
            ["input", "(sensitive value)"],
            ["keyed[(sensitive key)]", "(sensitive value)"],
          ],
        );
        assert.ok(summary.resources.some((r) => r.address === "terraform_data.per[(sensitive key)]"));

        // What the outputs hold without any secret in them (headings, markers) is no leak.
        const control = outputs(planHolding(secret, "unrelated")).join("\n");
        for (const output of outputs(planText))
          for (const leak of values)
            for (const form of [leak, JSON.stringify(leak).slice(1, -1)])
              if (!control.includes(form)) assert.ok(!output.includes(form), `holds ${JSON.stringify(form)}`);
      }),
      { numRuns: 300 },
    );
  });

  test("in the sentences the describers make of provider resources", () => {
    fc.assert(
      fc.property(secrets, chains, (secret, chain) => {
        const values = encodeAll(secret, chain);
        const planText = providersHolding(secret, values.at(-1) ?? "");
        const summary = summarizePlan(parsePlanJson(planText, "plan.json"), "stack", "plan.json");
        assert.ok(summary.lines.some((l) => l.text.startsWith("adds DNS record ")));
        const control = outputs(providersHolding(secret, "unrelated")).join("\n");
        for (const output of outputs(planText))
          for (const leak of values)
            for (const form of [leak, JSON.stringify(leak).slice(1, -1)])
              if (!control.includes(form)) assert.ok(!output.includes(form), `holds ${JSON.stringify(form)}`);
      }),
      { numRuns: 200 },
    );
  });

  test("inside any other text, the secret is found (Secrets alone, many more cases)", () => {
    fc.assert(
      fc.property(secrets, chains, around, (secret, chain, outer) => {
        const value = encodeAll(secret, chain).at(-1) ?? "";
        assert.ok(new Secrets([secret]).contains(`${outer.before}${value}${outer.after}`));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("property: values that hold no secret stay readable", () => {
  const demo = fixture("real", "demo");
  const demoText = readFileSync(demo.path, "utf8");
  const demoPlan = parsePlanJson(demoText, demo.file);
  const demoSecrets = sensitiveLiterals(demoPlan);
  const shown = renderJson([summarizePlan(demoPlan, "demo", demo.file)]);

  test("a real plan summarized with unrelated secrets added reads the same", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "binary", minLength: 8, maxLength: 40 }), { maxLength: 5 }),
        (extra) => {
          fc.pre(
            extra.every((secret) => !demoText.includes(secret) && !demoText.includes(jsonencode(secret))),
          );
          const secrets = new Secrets([...demoSecrets, ...extra]);
          assert.equal(renderJson([summarizePlan(demoPlan, "demo", demo.file, secrets)]), shown);
        },
      ),
      { numRuns: 50 },
    );
  });

  test("text built without the secret (encoded or not) is not masked", () => {
    const unrelated = fc.oneof(
      fc.string({ unit: "grapheme-ascii", maxLength: 200 }),
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.uint8Array({ minLength: 1, maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString("base64")),
      fc
        .tuple(fc.string({ maxLength: 100 }), chains)
        .map(([text, chain]) => encodeAll(text, chain).at(-1) ?? ""),
    );
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme-ascii", minLength: 12, maxLength: 40 }),
        unrelated,
        (secret, text) => {
          fc.pre(!text.includes(secret));
          assert.ok(!new Secrets([secret]).contains(text), JSON.stringify(text));
        },
      ),
      { numRuns: 500 },
    );
  });
});
