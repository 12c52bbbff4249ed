import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, test } from "node:test";
import {
  NO_CHANGES,
  type PlanInput,
  renderJson,
  renderPlanComment,
  type StackSummary,
  summarizePlan,
  summarizePlanFiles,
} from "../../../review/plan";
import type { PlanAction } from "../../../review/plan/model";
import { parseSummaryJson } from "../../../review/plan/summary-json";
import { PLANS } from "../../support/plans";

const plans = (stacks: Record<string, string>): StackSummary[] =>
  summarizePlanFiles(
    Object.entries(stacks).map(([stack, file]): PlanInput => ({ stack, file, path: join(PLANS, file) })),
  );

/** A stack planning `changes` of terraform_data objects, summarized as the real ones are (real plans are in test/workflows). */
function stackOf(name: string, changes: readonly [PlanAction, string][]): StackSummary {
  const resource_changes = changes.map(([action, address]) => ({
    address,
    mode: "managed" as const,
    type: "terraform_data",
    name: address.replace(/^terraform_data\.|\[.*$/g, ""),
    change:
      action === "delete"
        ? { actions: ["delete"], before: { id: address, input: "member" }, after: null }
        : { actions: ["create"], before: null, after: { input: "maintainer" }, after_unknown: { id: true } },
    ...(action === "delete" ? { action_reason: "delete_because_no_resource_config" } : {}),
  }));
  return summarizePlan({ format_version: "1.2", resource_changes }, name, `${name}.json`);
}
/** Where the last line naming `first` ends up before the first naming `then`. */
function before(text: string, first: RegExp, then: RegExp): boolean {
  const lines = text.split("\n");
  const last = lines.findLastIndex((l) => first.test(l));
  const next = lines.findIndex((l) => then.test(l));
  return last >= 0 && (next === -1 || last < next);
}

describe("the plan comment's Markdown", () => {
  test("nothing changed and nothing drifted: one line", () => {
    assert.equal(renderPlanComment(plans({ quiet: "real/quiet/plan.json" })), NO_CHANGES);
  });

  test("a stack that only drifted is no change, and its drift is shown apart", () => {
    const drifted = plans({ hashistack: "hand/hashistack/plan.json" })[0] as StackSummary;
    const quiet = {
      ...drifted,
      resources: [],
      lines: [],
      counts: { ...drifted.counts, update: 0, import: 0 },
    };
    assert.equal(
      renderPlanComment([quiet]),
      [
        NO_CHANGES,
        "",
        "#### Drift",
        "",
        "Changed outside Terraform since the last apply, not by this pull request. A change above marked _(drifted)_ may be putting such a change back.",
        "",
        "- `hashistack`: changes the rules of Vault policy `void-secrets-admin` · `vault_policy.secrets_admin`",
      ].join("\n"),
    );
  });

  test("instances of one resource with the same change are one entry; count indexes are ranges", () => {
    const stack = stackOf("github", [
      ...[3, 4, 5, 6, 9].map((i): [PlanAction, string] => ["delete", `terraform_data.m[${i}]`]),
      ["delete", 'terraform_data.x["a"]'],
      ["delete", 'terraform_data.x["b"]'],
      ...["c", "d", "e"].map((k): [PlanAction, string] => ["create", `terraform_data.y["${k}"]`]),
    ]);
    const text = renderPlanComment([stack]);
    assert.match(
      text,
      /> - removes `terraform_data\.m` ×5 — no longer in the configuration\n> {3}`\[3\]`–`\[6\]` `\[9\]`\n/,
    );
    assert.match(text, /> - removes `terraform_data\.x\["a"\]` — no longer in the configuration\n/);
    assert.match(text, /- adds `terraform_data\.y` ×3\n {2}`\["c"\]` `\["d"\]` `\["e"\]`\n/);
  });

  test("over the limit: details go first, then other changes, warnings last, each cut said", () => {
    const many = (action: PlanAction, n: number, name: string) =>
      Array.from({ length: n }, (_, i): [PlanAction, string] => [
        action,
        `terraform_data.${name}_${String(i).padStart(4, "0")}`,
      ]);
    const stacks = [
      stackOf("github", [...many("delete", 1500, "gone"), ...many("create", 1500, "new")]),
      stackOf("tls", many("delete", 5, "cert")),
    ];
    for (const limit of [20_000, 60_000, 120_000]) {
      const text = renderPlanComment(stacks, { limit });
      assert.ok(text.length <= limit, `${text.length} > ${limit}`);
      assert.ok(before(text, /^> - removes /, /^- adds /), "every deletion listed comes before any creation");
      assert.match(text, /^\| ⚠️ `github` \| 1,500 \| 0 \| 1,500 \| 0 \|$/m);
    }
    const cut = renderPlanComment(stacks, { limit: 20_000 });
    assert.doesNotMatch(cut, /^- adds /m, "no creation shown while deletions are left out");
    assert.doesNotMatch(cut, /<details>/);
    assert.match(
      cut,
      /\n> - … and [0-9,]+ more, left out to fit one comment: see the plan run's log\n\n#### Other changes\n\n1,500 changes, left out to fit one comment: see the plan run's log\.\n\n> \[!NOTE\]\n> The attributes of 3,005 resources are left out/,
    );
    const roomy = renderPlanComment(stacks, { limit: 120_000 });
    assert.match(
      roomy,
      /\n<details><summary>1,480 more in <code>github<\/code><\/summary>\n/,
      "long lists fold",
    );
    assert.match(
      roomy,
      /> \*\*`tls`\*\*\n> - removes `terraform_data\.cert_0000` — no longer in the configuration/,
    );
  });
});

describe("the JSON summary read back (what the bot trusts of the artifact)", () => {
  const stacks = plans({ demo: "real/demo/plan.json", hashistack: "hand/hashistack/plan.json" });

  test("round-trips renderJson", () => {
    const plain = (value: unknown) => JSON.parse(JSON.stringify(value));
    assert.deepEqual(plain(parseSummaryJson(renderJson(stacks))), plain(stacks));
  });

  test("refuses anything else, naming where and never what", () => {
    const json = JSON.parse(renderJson(stacks));
    const bad = (edit: (j: typeof json) => void) => {
      const copy = JSON.parse(JSON.stringify(json));
      edit(copy);
      return JSON.stringify(copy);
    };
    for (const [text, message] of [
      ["{", "the plan summary is not JSON"],
      ["[]", "the plan summary is not an object"],
      ['{"stacks":[]}', "stacks is an empty list (expected one summary per stack)"],
      [bad((j) => (j.stacks[0].stack = "a b")), "stacks[0].stack is not a stack name"],
      [
        bad((j) => {
          j.stacks[1].stack = "demo";
          for (const line of [...j.stacks[1].lines, ...j.stacks[1].driftLines]) line.stack = "demo";
        }),
        "stacks names a stack twice",
      ],
      [
        bad((j) => (j.stacks[1].lines[0].stack = "demo")),
        "stacks[1].lines[0].stack is not the stack it is listed under",
      ],
      [
        bad((j) => (j.stacks[0].lines[0].severity = "loud")),
        "stacks[0].lines[0].severity is not warning or info",
      ],
      [bad((j) => (j.stacks[0].lines[0].items = [1])), "stacks[0].lines[0].items[0] is not a string"],
      [bad((j) => delete j.stacks[1].driftLines), "stacks[1].driftLines is not a list"],
      [bad((j) => (j.stacks[0].counts.delete = 9)), "stacks[0].counts.delete does not match its resources"],
      [bad((j) => (j.stacks[0].counts.create = -1)), "stacks[0].counts.create is not a count"],
      [
        bad((j) => (j.stacks[0].resources[0].action = "nuke")),
        "stacks[0].resources[0].action is not a plan action",
      ],
      [
        bad((j) => (j.stacks[0].resources[2].replaceOrder = "x")),
        "stacks[0].resources[2].replaceOrder is not a replacement order",
      ],
      [
        bad((j) => (j.stacks[0].resources[0].changes[0].before = 1)),
        "stacks[0].resources[0].changes[0].before is not a string",
      ],
      [bad((j) => (j.stacks[1].drift = "x")), "stacks[1].drift is not a list"],
      [bad((j) => (j.stacks[0].errored = "no")), "stacks[0].errored is not true or false"],
    ] as const)
      assert.throws(() => parseSummaryJson(text), { message }, message);
  });
});
