import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DEFAULT_MARKDOWN_LIMIT } from "../../../review/markdown";
import { renderMarkdown, type StackSummary, summarizePlan } from "../../../review/plan";

describe("plan summary size cap", () => {
  /** A plan creating `n` records with long values, and deleting one. */
  function bigPlan(n: number): StackSummary {
    const create = Array.from({ length: n }, (_, i) => ({
      address: `digitalocean_record.r${i}`,
      mode: "managed" as const,
      type: "digitalocean_record",
      name: `r${i}`,
      change: {
        actions: ["create"],
        before: null,
        after: { name: `host-${i}`, type: "TXT", value: "v=spf1 ".repeat(20) },
        after_unknown: { id: true },
      },
    }));
    const remove = {
      address: "digitalocean_record.gone",
      mode: "managed" as const,
      type: "digitalocean_record",
      name: "gone",
      change: { actions: ["delete"], before: { name: "gone", type: "A", value: "192.0.2.1" }, after: null },
    };
    return summarizePlan({ format_version: "1.2", resource_changes: [...create, remove] }, "big", "big.json");
  }

  test("a huge plan stays under the limit, keeps the warning and says details were cut", () => {
    const out = renderMarkdown([bigPlan(1500)]);
    assert.ok(out.length < DEFAULT_MARKDOWN_LIMIT, `${out.length} characters`);
    assert.match(out, /> - removes DNS record `gone` A → `192\.0\.2\.1` · `digitalocean_record\.gone`\n/);
    assert.match(out, /- adds DNS record `host-99` TXT → `v=spf1 [^`]*` · `digitalocean_record\.r99`\n/);
    assert.doesNotMatch(out, /cut short/);
    assert.match(out, /> Output truncated to stay under 60,000 characters: \d+ detail sections omitted\./);
    assert.equal((out.match(/<details>/g) ?? []).length, (out.match(/<\/details>/g) ?? []).length);
  });

  test("the limit is configurable", () => {
    assert.ok(renderMarkdown([bigPlan(50)], { limit: 5000 }).length < 5000);
  });
});
