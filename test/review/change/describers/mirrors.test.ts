import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { output, sentences } from "../../../support/review-diff";

const mirror = (base_url: string, fields: Record<string, unknown> = {}) => ({
  base_url,
  region: "EU",
  location: "Helsinki, Finland",
  tier: 2,
  enabled: true,
  ...fields,
});

/** The mirror list and the two files derived from it, as synth writes them. */
function mirrors(list: ReturnType<typeof mirror>[]) {
  return output(
    {},
    {
      "v0/mirrors.json": ["xmirror-mirrors", list],
      "raw/mirrors.lst": [
        "text",
        list
          .filter((m) => m.enabled)
          .map((m) => `${m.region}\t${m.base_url}\t${m.location}\t${m.tier}\n`)
          .join(""),
        "v0/mirrors.json",
      ],
      "metrics/prometheus.json": [
        "prometheus-targets",
        [
          {
            targets: list.map((m) => `${m.base_url.replace(/^https?:\/\//, "").replace(/\/$/, "")}/current`),
          },
        ],
        "v0/mirrors.json",
      ],
    },
  );
}

describe("the mirror list and what restates it", () => {
  test("a new mirror is named, with where it is and its tier; the derived files follow, never as warnings", () => {
    const base = mirrors([mirror("https://repo-fi.voidlinux.org/", { tier: 1 })]);
    const head = mirrors([
      mirror("https://repo-fi.voidlinux.org/", { tier: 1 }),
      mirror("https://mirror.example.org/voidlinux/"),
    ]);
    assert.deepEqual(sentences(base, head), [
      "adds mirror `https://mirror.example.org/voidlinux/` (EU, Helsinki, Finland, tier 2)",
      "1 line added, none removed (restates `v0/mirrors.json`)",
      "probes `mirror.example.org/voidlinux/current` (restates `v0/mirrors.json`)",
    ]);
  });

  test("removing and disabling a mirror are warnings; its derived lines going are not", () => {
    const base = mirrors([
      mirror("https://a.example.org/"),
      mirror("https://b.example.org/", { location: "Kansas City, USA", region: "NA" }),
    ]);
    const head = mirrors([mirror("https://a.example.org/", { enabled: false, tier: 1 })]);
    assert.deepEqual(sentences(base, head), [
      "! removes mirror `https://b.example.org/` (NA, Kansas City, USA)",
      "! disables mirror `https://a.example.org/` (EU, Helsinki, Finland)",
      "changes mirror `https://a.example.org/`: tier 2 → 1",
      "none added, 2 lines removed (restates `v0/mirrors.json`)",
      "no longer probes `b.example.org/current` (restates `v0/mirrors.json`)",
    ]);
  });
});
