import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { gunzipSync } from "node:zlib";
import { parse } from "yaml";
import { planSummary } from "../../../cli/plan-summary";
import {
  renderJson,
  renderMarkdown,
  renderPlanComment,
  type StackSummary,
  summarizePlanFiles,
} from "../../../review/plan";
import { byAddress, plan } from "../../support/plans";
import { REPO_ROOT, run } from "../../support/project";
import {
  base64encode,
  DIGESTS,
  jsonencode,
  STRING_STYLES,
  urlencode,
  utf16,
  utf16le,
  yamlencode,
} from "../../support/terraform-functions";

/**
 * The real plan `real/encodings` (Terraform 1.11, configs/encodings/): secrets of every awkward
 * kind read back unmarked and passed through every encoding function Terraform has, nested, in
 * longer text, as map keys and as instance keys. Every such value is masked, and no output format
 * holds a secret or any value built from one.
 */
const input = plan("real", "encodings");
const document = JSON.parse(readFileSync(input.path, "utf8"));
const SECRETS: Record<string, string> = document.variables.secrets.value;
const NAMES = Object.keys(SECRETS);
const [summary] = summarizePlanFiles([input]) as [StackSummary];

interface Change {
  readonly address: string;
  readonly change: { readonly after: { readonly input: Record<string, string> } };
}
const changes: Change[] = document.resource_changes;
/** What Terraform wrote for secret `name`: each attribute of terraform_data.encoded[name].input. */
const encoded = (name: string) =>
  (changes.find((c) => c.address === `terraform_data.encoded["${name}"]`) ?? assert.fail(name)).change.after
    .input;

describe("real plan: a secret through Terraform's encoding functions is masked", () => {
  test("the fixture has every kind of secret and every encoding", () => {
    assert.deepEqual(NAMES.sort(), [
      "control",
      "json",
      "long",
      "multiline",
      "query",
      "short",
      "spaces",
      "unicode",
    ]);
    assert.ok(Object.keys(encoded("query")).length >= 29);
  });

  for (const name of NAMES) {
    test(`${name}: every encoding, nesting and digest prints as (sensitive value)`, () => {
      const resource = byAddress(summary, `terraform_data.encoded["${name}"]`);
      const attributes = Object.keys(encoded(name));
      for (const attribute of attributes) {
        const row = resource.changes.find((c) => c.path === `input.${attribute}`);
        assert.equal(row?.after, "(sensitive value)", `${name} ${attribute}`);
      }
    });
  }

  test("encoded as a map key: the key and its value are masked", () => {
    for (const name of NAMES) {
      const keyed = byAddress(summary, `terraform_data.keyed["${name}"]`);
      const inputs = keyed.changes.filter((c) => c.path.startsWith("input"));
      assert.deepEqual(
        inputs.map((c) => [c.path, c.after]),
        [
          ["input[(sensitive key)]", "(sensitive value)"],
          ["input[(sensitive key)]", "(sensitive value)"],
        ],
        name,
      );
    }
  });

  test("urlencoded into an instance key: the key is masked in the address", () => {
    const perToken = summary.resources.filter((r) => r.address.startsWith("terraform_data.per_token"));
    assert.equal(perToken.length, NAMES.length);
    for (const resource of perToken)
      assert.equal(resource.address, "terraform_data.per_token[(sensitive key)]");
  });

  test("no output holds a secret or a value Terraform encoded from one", async () => {
    const leaks = [
      ...Object.values(SECRETS),
      ...NAMES.flatMap((name) => Object.values(encoded(name))),
      ...changes
        .filter((c) => c.address.startsWith("terraform_data.keyed"))
        .flatMap((c) => Object.keys(c.change.after.input)),
    ];
    const outputs = {
      markdown: renderMarkdown([summary]),
      json: renderJson([summary]),
      comment: renderPlanComment([summary]),
    };
    for (const format of ["markdown", "json", "comment"]) {
      const result = await run(planSummary, REPO_ROOT, ["--format", format, input.file]);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout.trimEnd(), outputs[format as keyof typeof outputs].trimEnd(), format);
    }
    for (const [format, text] of Object.entries(outputs))
      for (const leak of leaks) {
        for (const form of [leak, JSON.stringify(leak).slice(1, -1)])
          assert.ok(!text.includes(form), `${format} holds ${JSON.stringify(form.slice(0, 60))}`);
      }
  });
});

describe("the JavaScript functions of the property tests write what Terraform writes", () => {
  for (const name of NAMES) {
    test(name, () => {
      const secret = SECRETS[name] ?? "";
      const terraform = encoded(name);
      assert.equal(terraform.urlencode, urlencode(secret));
      assert.equal(terraform.base64encode, base64encode(secret));
      assert.equal(terraform.jsonencode, `{"token":${jsonencode(secret)}}`);
      assert.equal(terraform.textencodebase64_le, utf16le(secret));
      assert.equal(terraform.textencodebase64_bom, utf16(secret));
      for (const [digest, hash] of Object.entries(DIGESTS))
        assert.equal(terraform[digest], hash(secret), digest);
      // Go's gzip writes other bytes than zlib, but the same text comes out.
      assert.equal(gunzipSync(Buffer.from(terraform.base64gzip ?? "", "base64")).toString("utf8"), secret);
    });
  }

  test("yamlencode, in every scalar style and width, reads back as the text it encoded", () => {
    // The last is a fast-check counterexample (seed 202): a space alone on a line between two breaks,
    // which the yaml package writes double-quoted as a backslash.
    const texts = [
      ...Object.values(SECRETS),
      '#!/bin/sh\nexport T="     \n \n  &v=1',
      "a\ud83d\udd11b \n\n c",
    ];
    for (const style of STRING_STYLES)
      for (const width of [20, 80])
        for (const text of texts)
          assert.equal(parse(yamlencode(style, width)(text)).token, text, `${style} ${width}`);
  });
});
