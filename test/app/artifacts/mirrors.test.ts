import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import {
  prometheusTarget,
  pythonJson,
  renderMirrorsJson,
  renderMirrorsLst,
  renderPrometheusTargets,
} from "../../../app/artifacts/mirrors";
import { loadMirrorList, MIRRORS_FILE, parseMirrorUrl } from "../../../inputs/mirrors";
import { ADOPTION_ROOT, REPO_ROOT } from "../../support/project";

const FIXTURES = join(REPO_ROOT, "test", "fixtures", "mirrors");
// Golden files written by xmirror's own generator (web/generate-site.py at commit 35b1eb0) from
// the adoption-time estate/mirrors.yaml and from edge.yaml.
const golden = (dir: string, path: string) => readFileSync(join(FIXTURES, dir, path), "utf8");

describe("xmirror outputs from the adoption-time list", () => {
  const mirrors = loadMirrorList(join(ADOPTION_ROOT, MIRRORS_FILE));

  test("v0/mirrors.json: all 40 entries, file order, YAML field names, one line without newline", () => {
    const json = renderMirrorsJson(mirrors);
    assert.equal(json, golden("xmirror-output", "v0/mirrors.json"));
    assert.ok(!json.includes("\n"));
    const parsed = JSON.parse(json) as Record<string, unknown>[];
    assert.equal(parsed.length, 40);
    assert.ok(
      json.startsWith(
        '[{"base_url": "https://repo-fi.voidlinux.org/", "region": "EU", "location": "Helsinki, Finland", "tier": 1, "enabled": true}, ',
      ),
    );
    assert.deepEqual(parsed[2], {
      base_url: "https://repo-us.voidlinux.org/",
      region: "NA",
      location: "Kansas City, USA",
      tier: 1,
      enabled: false,
    });
  });

  test("raw/mirrors.lst: the 30 enabled entries as TSV without header", () => {
    const lst = renderMirrorsLst(mirrors);
    assert.equal(lst, golden("xmirror-output", "raw/mirrors.lst"));
    const lines = lst.split("\n");
    assert.equal(lines.pop(), "", "ends with a newline");
    assert.equal(lines.length, 30);
    assert.equal(lines[0], "EU\thttps://repo-fi.voidlinux.org/\tHelsinki, Finland\t1");
    assert.equal(lines[2], "World\thttps://repo-fastly.voidlinux.org/\tFastly Global CDN\t1");
    assert.equal(lines[29], "SA\thttps://mirror.linux.ec/voidlinux/\tQuito, Ecuador\t2");
    assert.ok(!lst.includes("repo-us.voidlinux.org"), "disabled entries are left out");
  });

  test("metrics/prometheus.json: one target group with every entry's host/path/current, sorted", () => {
    const prom = renderPrometheusTargets(mirrors);
    assert.equal(prom, golden("xmirror-output", "metrics/prometheus.json"));
    const groups = JSON.parse(prom) as { targets: string[] }[];
    assert.equal(groups.length, 1);
    assert.deepEqual(Object.keys(groups[0]), ["targets"]);
    const { targets } = groups[0];
    assert.equal(targets.length, 40);
    assert.deepEqual(targets, [...targets].sort());
    assert.equal(targets[0], "ftp.cc.uoc.gr/mirrors/linux/voidlinux/current");
    assert.ok(targets.includes("repo-fi.voidlinux.org/current"));
    assert.ok(targets.includes("repo-us.voidlinux.org/current"), "disabled mirrors are still probed");
    assert.ok(targets.includes("mirrors.cicku.me/voidlinux/current"), "a URL without trailing slash");
    assert.ok(targets.includes("ftp.dk.xemacs.org/voidlinux/current"), "plain http loses its scheme too");
  });
});

describe("xmirror output formatting", () => {
  test("non-ASCII, quotes and case sort exactly as Python writes them", () => {
    const mirrors = loadMirrorList(join(FIXTURES, "edge.yaml"));
    assert.equal(renderMirrorsJson(mirrors), golden("edge-output", "v0/mirrors.json"));
    assert.equal(renderMirrorsLst(mirrors), golden("edge-output", "raw/mirrors.lst"));
    assert.equal(renderPrometheusTargets(mirrors), golden("edge-output", "metrics/prometheus.json"));
  });

  test("pythonJson matches json.dumps defaults", () => {
    assert.equal(
      pythonJson({ a: [1, true, null], b: "é\u007f\n😀" }),
      '{"a": [1, true, null], "b": "\\u00e9\\u007f\\n\\ud83d\\ude00"}',
    );
    assert.throws(() => pythonJson(1.5), /non-integer number 1.5/);
  });

  test("prometheusTarget strips the scheme and one trailing slash, as xmirror's rewrite does", () => {
    const xmirror = (url: string) => url.replace(/^(?:http|ftp)s?:\/\/(.*?)\/?$/, "$1/current");
    for (const [url, target] of [
      ["https://repo-fi.voidlinux.org/", "repo-fi.voidlinux.org/current"],
      ["http://ftp.debian.ru/mirrors/voidlinux/", "ftp.debian.ru/mirrors/voidlinux/current"],
      ["https://mirrors.cicku.me/voidlinux", "mirrors.cicku.me/voidlinux/current"],
      ["https://a.example.org/x//", "a.example.org/x//current"],
    ] as const) {
      const parsed = parseMirrorUrl(url);
      assert.ok("href" in parsed, url);
      assert.equal(prometheusTarget(parsed), target);
      assert.equal(xmirror(url), target);
    }
  });

  test("an empty enabled set writes an empty mirrors.lst, as xmirror does", () => {
    const all = loadMirrorList(join(ADOPTION_ROOT, MIRRORS_FILE)).map((m) => ({ ...m, enabled: false }));
    assert.equal(renderMirrorsLst(all), "");
  });
});
