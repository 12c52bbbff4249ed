import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { planSummary } from "../../../cli/plan-summary";
import { renderJson, renderMarkdown, type StackSummary, summarizePlanFiles } from "../../../review/plan";
import { byAddress, plan, row } from "../../support/plans";
import { REPO_ROOT, run } from "../../support/project";

/**
 * Secrets Terraform marks in one place and leaves unmarked in another: each must be masked wherever
 * it shows up, whole or inside a longer value, encoded or as a key. These tests go through the
 * public entry points only (summarizePlanFiles, the renderers, the command).
 */

/** Each secret in the forms it would take in the output if it leaked. */
function forms(secret: string): string[] {
  const b64 = Buffer.from(secret).toString("base64").replace(/=+$/, "");
  const json = JSON.stringify(secret).slice(1, -1);
  const go = json.replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return [secret, json, go, JSON.stringify(json).slice(1, -1), JSON.stringify(go).slice(1, -1), b64];
}

function assertNoLeak(output: string, secrets: readonly string[]): void {
  for (const secret of secrets)
    for (const form of forms(secret)) assert.ok(!output.includes(form), `${JSON.stringify(form)} leaked`);
}

// The real plan (Terraform 1.11, configs/leaks/): secrets applied in before/, copied unmarked in after/.
const REAL_SECRETS = ["tok-7f3a9c2e51b84d06", 'Zq9&<pa"ss>w0rd', "peer-key-9c41d7e2"];
const [leaks] = summarizePlanFiles([plan("real", "leaks")]) as [StackSummary];

describe("masking in a real plan: copies Terraform leaves unmarked", () => {
  test("a secret inside a longer string masks the whole string", () => {
    assert.equal(row(leaks, "terraform_data.url", "input").after, "(sensitive value)");
  });

  test("a secret JSON-encoded by jsonencode (Go escaping: \\u0026 \\u003c), once or twice, is masked", () => {
    assert.equal(row(leaks, "terraform_data.json", "input").after, "(sensitive value)");
    assert.equal(row(leaks, "terraform_data.json_twice", "input").after, "(sensitive value)");
  });

  test("a secret base64-encoded inside another value (ci:<token>) is masked", () => {
    assert.equal(row(leaks, "terraform_data.basic_auth", "input").after, "(sensitive value)");
  });

  test("a secret used as a map key masks the key and its value", () => {
    assert.deepEqual(byAddress(leaks, "terraform_data.keyed").changes[0], {
      path: "input[(sensitive key)]",
      before: undefined,
      after: "(sensitive value)",
      forcesReplacement: false,
    });
  });

  test("a secret used as a for_each key is masked in the address, the rest stays readable", () => {
    const perToken = byAddress(leaks, "terraform_data.per_token[(sensitive key)]");
    assert.equal(perToken.changes[0]?.after, '"one per token"');
  });

  test("a secret marked only in prior_state.sensitive_values (a data source read at plan) is masked", () => {
    assert.equal(row(leaks, "terraform_data.peer", "input").after, "(sensitive value)");
  });

  test("no form of any secret reaches the Markdown or the JSON", async () => {
    assertNoLeak(renderMarkdown([leaks]), REAL_SECRETS);
    assertNoLeak(renderJson([leaks]), REAL_SECRETS);
    for (const format of ["markdown", "json"]) {
      const result = await run(planSummary, REPO_ROOT, ["--format", format, plan("real", "leaks").file]);
      assert.equal(result.status, 0, result.stderr);
      assertNoLeak(result.stdout, REAL_SECRETS);
    }
  });
});

// Hand-made (hand/leaks/): places and encodings a terraform_data plan cannot produce.
const HAND_SECRETS = [
  "drift-only-5b8e1f",
  "out-only-a41c9e77",
  "p@ss/w rd+9Zq",
  "outchg-3f9a0b12",
  "prior-out-d00d1e55",
  "var-only-8c3b61fa",
];
const [hand] = summarizePlanFiles([plan("hand", "leaks")]) as [StackSummary];

describe("masking: every place Terraform marks a value sensitive", () => {
  test("marked only in resource_drift", () => {
    assert.equal(row(hand, "terraform_data.drift_copy", "input").after, "(sensitive value)");
  });

  test("marked only by sensitive_values in a child module of planned_values, copy percent-encoded", () => {
    assert.equal(row(hand, "terraform_data.url_encoded", "input").after, "(sensitive value)");
  });

  test("marked only as a sensitive output (planned_values, base64url; prior_state, base64 twice)", () => {
    assert.equal(row(hand, "terraform_data.base64url", "input").after, "(sensitive value)");
    assert.equal(row(hand, "terraform_data.base64_twice", "input").after, "(sensitive value)");
  });

  test("marked only as a sensitive root variable, copy base64-wrapped like PEM", () => {
    assert.equal(row(hand, "terraform_data.pem", "input").after, "(sensitive value)");
  });

  test("marked only in output_changes; the unmarked side of the change stays readable", () => {
    assert.deepEqual(row(hand, "terraform_data.output_copy", "input"), {
      path: "input",
      before: '"old"',
      after: "(sensitive value)",
      forcesReplacement: false,
    });
  });

  test("secrets in replace_paths, import ids, previous addresses, reasons and drift addresses", () => {
    const rotated = byAddress(hand, "terraform_data.rotated");
    assert.deepEqual(rotated.forcedBy, ["input[(sensitive key)]"]);
    assert.equal(byAddress(hand, "terraform_data.adopted").importId, "(sensitive value)");
    assert.equal(
      byAddress(hand, "terraform_data.renamed").previousAddress,
      "terraform_data.old[(sensitive key)]",
    );
    assert.equal(byAddress(hand, "terraform_data.retired").reason, "(sensitive value)");
    assert.deepEqual(hand.drift, ["terraform_data.per_var[(sensitive key)]", "terraform_data.rotating"]);
  });

  test("sensitive values shorter than the minimum (yes) do not mask other values", () => {
    assert.deepEqual(row(hand, "terraform_data.short", "input"), {
      path: "input",
      before: '"yes-please"',
      after: '"yes-please, twice"',
      forcesReplacement: false,
    });
  });

  test("no form of any secret reaches the output", () => {
    const markdown = renderMarkdown([hand]);
    const json = renderJson([hand]);
    assertNoLeak(markdown, HAND_SECRETS);
    assertNoLeak(json, HAND_SECRETS);
    assertNoLeak(markdown, ["p%40ss%2Fw%20rd%2B9Zq"]);
  });
});

describe("masking across the stacks of one summary", () => {
  test("a secret one stack marks is masked in another stack that copies it unmarked", () => {
    const [alone] = summarizePlanFiles([plan("hand", "copies")]) as [StackSummary];
    // Alone, nothing in that plan says the token is secret: it is shown, as Terraform shows it.
    assert.equal(row(alone, "terraform_data.ci_hook", "token").after, '"tok-7f3a9c2e51b84d06"');
    const [, copies] = summarizePlanFiles([plan("real", "leaks"), plan("hand", "copies")]) as [
      StackSummary,
      StackSummary,
    ];
    assert.equal(row(copies, "terraform_data.ci_hook", "token").after, "(sensitive value)");
    assert.equal(row(copies, "terraform_data.ci_hook", "input").after, "(sensitive value)");
    assertNoLeak(renderJson([copies]), REAL_SECRETS);
  });
});
