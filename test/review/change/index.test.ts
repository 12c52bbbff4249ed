import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { loadInputs } from "../../../inputs";
import { type HumanLine, reviewContextOf } from "../../../review/change";
import { readSynthOutput, renderMarkdown, reviewDiff } from "../../../review/diff";
import { renderPlanComment, summarizePlanFiles } from "../../../review/plan";
import { everydayChange } from "../../support/everyday-change";
import { PLANS, plan } from "../../support/plans";

/** The stacks `test/fixtures/plan/hand/everyday/` holds Terraform's plans of. */
const STACKS = ["digitalocean", "github", "hashistack"];

/** What both comments must agree on of a sentence. */
const said = ({
  stack,
  severity,
  sensitive,
  action,
  text,
}: Pick<HumanLine, "stack" | "severity" | "sensitive" | "action" | "text">) =>
  `${stack} ${severity}${sensitive ? " power" : ""} ${action}: ${text}`;

describe("one change, one vocabulary", () => {
  const { root, base, head } = everydayChange();
  const review = reviewContextOf(loadInputs(root));
  const report = reviewDiff(readSynthOutput(base), readSynthOutput(head), review);
  const plans = summarizePlanFiles(
    STACKS.map((stack) => plan("hand/everyday", stack)),
    review,
  );

  test("the review diff and the plan say the same sentences, in the same order, of each stack", () => {
    for (const stack of STACKS)
      assert.deepEqual(
        plans.find((s) => s.stack === stack)?.lines.map(said),
        report.lines.filter((l) => l.stack === stack).map(said),
        stack,
      );
    assert.deepEqual(report.lines.filter((l) => STACKS.includes(l.stack)).map(said), [
      "github warning power create: makes Alice Liddell (@alice) an org owner",
      "github warning power update: changes @ericonr in doc-writers: member → maintainer",
      "hashistack warning power create: adds Nomad ACL policy `release-admin`",
      "github warning delete: removes @ericonr from runit-devs",
      "digitalocean info create: adds DNS record `status.voidlinux.org` CNAME → `stats.uptimerobot.com.`",
      "github info create: adds repository `void-release-tools`; grants pkg-committers push",
      "github info create: welcomes Alice Liddell (@alice) to pkg-committers (member)",
    ]);
  });

  test("deletions and grants of power come first in both comments, marked", () => {
    const warnings = report.lines.filter((l) => l.severity === "warning").map((l) => l.text);
    const others = report.lines.filter((l) => l.severity === "info").map((l) => l.text);
    assert.ok(warnings.length > 0 && others.length > 0);
    for (const comment of [renderMarkdown(report), renderPlanComment(plans)]) {
      const lines = comment.split("\n");
      // The caution block is a quote: its items start with "> - ".
      const warned = (text: string) => lines.findIndex((l) => l.startsWith("> - ") && l.includes(text));
      const listed = (text: string) => lines.findIndex((l) => l.startsWith("- ") && l.includes(text));
      const lastWarning = Math.max(...warnings.filter((t) => comment.includes(t)).map(warned));
      const firstOther = Math.min(...others.filter((t) => comment.includes(t)).map(listed));
      for (const text of warnings.filter((t) => comment.includes(t)))
        assert.ok(warned(text) >= 0, `in the caution block: ${text}`);
      assert.ok(lastWarning < firstOther, "every warning before any other sentence");
    }
  });
});

describe("moves, forgets and generic sentences, from a real plan", () => {
  test("Terraform's plan of two configurations and their review diff say the same", () => {
    // The configurations are JSON, as synth writes them: the review diff compares them directly.
    const side = (name: string) => ({
      stacks: new Map([
        [
          "sentences",
          JSON.parse(readFileSync(join(PLANS, "configs", "sentences", name, "main.tf.json"), "utf8")),
        ],
      ]),
    });
    const report = reviewDiff(side("before"), side("after"));
    const [planned] = summarizePlanFiles([plan("real", "sentences")]);
    assert.deepEqual(planned?.lines.map(said), report.lines.map(said));
    assert.deepEqual(report.lines.map(said), [
      "sentences warning delete: removes `terraform_data.retired`",
      "sentences info create: adds `terraform_data.added`",
      "sentences info update: changes `terraform_data.grows`: input",
      "sentences info update: changes `terraform_data.renamed_new`: input",
      "sentences info move: moves `terraform_data.old_name` to `terraform_data.new_name`, unchanged",
      "sentences info forget: forgets `terraform_data.handed_over`: Terraform stops managing it, and the object stays",
    ]);
    const renamed = report.changes.find((c) => c.address === "terraform_data.renamed_new");
    assert.equal(renamed?.previousAddress, "terraform_data.renamed_old");
    assert.equal(
      planned?.resources.find((r) => r.address === "terraform_data.renamed_new")?.previousAddress,
      "terraform_data.renamed_old",
    );
  });
});
