import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import {
  countryByName,
  loadMirrorList,
  MIRRORS_FILE,
  mirrorCountry,
  parseMirrorList,
} from "../../../inputs/mirrors";
import { DataError, formatDiagnostic, sortDiagnostics } from "../../../runtime/diagnostics";
import { ADOPTION_ROOT, REPO_ROOT } from "../../support/project";

const FIXTURES = join(REPO_ROOT, "test", "fixtures", "mirrors");

/** Every diagnostic line the loader reports for a fixture (relative file names, sorted). */
function problemsOf(name: string): string[] {
  const file = join(FIXTURES, name);
  try {
    parseMirrorList(readFileSync(file, "utf8"), `test/fixtures/mirrors/${name}`);
  } catch (error) {
    assert.ok(error instanceof DataError, `expected a DataError, got ${String(error)}`);
    return sortDiagnostics(error.diagnostics).map(formatDiagnostic);
  }
  return assert.fail(`${name} loaded without problems`);
}

/** The mirror list as it was at adoption (void-estate.md section 8). */
const ADOPTION_LIST = join(ADOPTION_ROOT, MIRRORS_FILE);

describe("loadMirrorList on the adoption-time list", () => {
  const mirrors = loadMirrorList(ADOPTION_LIST);

  test("reads all 40 entries in file order as camelCase objects", () => {
    assert.equal(mirrors.length, 40);
    assert.deepEqual(mirrors[0], {
      baseUrl: "https://repo-fi.voidlinux.org/",
      url: {
        href: "https://repo-fi.voidlinux.org/",
        scheme: "https",
        host: "repo-fi.voidlinux.org",
        path: "/",
      },
      region: "EU",
      location: "Helsinki, Finland",
      tier: 1,
      enabled: true,
    });
    assert.deepEqual(mirrors.at(-1), {
      baseUrl: "https://mirror.linux.ec/voidlinux/",
      url: {
        href: "https://mirror.linux.ec/voidlinux/",
        scheme: "https",
        host: "mirror.linux.ec",
        path: "/voidlinux/",
      },
      region: "SA",
      location: "Quito, Ecuador",
      tier: 2,
      enabled: true,
    });
  });

  test("matches the counts of void-estate.md section 8", () => {
    assert.equal(mirrors.filter((m) => m.enabled).length, 30);
    assert.equal(mirrors.filter((m) => m.tier === 1).length, 5);
    assert.equal(mirrors.filter((m) => m.baseUrl.startsWith("http://")).length, 2);
    assert.deepEqual(
      mirrors.filter((m) => m.tier === 1).map((m) => [m.baseUrl, m.region, m.enabled]),
      [
        ["https://repo-fi.voidlinux.org/", "EU", true],
        ["https://repo-de.voidlinux.org/", "EU", true],
        ["https://repo-us.voidlinux.org/", "NA", false],
        ["https://repo-fastly.voidlinux.org/", "World", true],
        ["https://mirrors.summithq.com/voidlinux/", "NA", true],
      ],
    );
  });

  test("is xmirror's file plus the schema comment", () => {
    const lines = readFileSync(ADOPTION_LIST, "utf8").split("\n");
    assert.equal(lines[0], "# yaml-language-server: $schema=./mirrors.schema.json");
    assert.equal(lines[1], "- base_url: https://repo-fi.voidlinux.org/");
    assert.equal(lines.length, 202, "200 lines of data, the comment, and the final newline");
  });
});

describe("mirrorCountry", () => {
  const mirrors = loadMirrorList(ADOPTION_LIST);
  const byUrl = (url: string) => mirrors.find((m) => m.baseUrl === url) ?? assert.fail(`no ${url}`);

  test("takes the country from the last part of the location", () => {
    assert.deepEqual(mirrorCountry(byUrl("https://repo-fi.voidlinux.org/")), { code: "fi", name: "Finland" });
    assert.deepEqual(mirrorCountry(byUrl("https://repo-de.voidlinux.org/")), { code: "de", name: "Germany" });
    // The repo-us defect: xmirror declares the US although DNS points at a Helsinki host.
    assert.equal(mirrorCountry(byUrl("https://repo-us.voidlinux.org/"))?.code, "us");
    assert.equal(mirrorCountry(byUrl("https://mirror.freedif.org/voidlinux/"))?.code, "sg");
    assert.equal(mirrorCountry(byUrl("https://void.voidbr.org/voidlinux/"))?.code, "br");
    assert.equal(mirrorCountry(byUrl("https://mirror.heigou.pe.kr/voidlinux/"))?.code, "kr");
  });

  test("uses current codes, not deprecated ones with the same name", () => {
    assert.equal(mirrorCountry(byUrl("https://mirror.yandex.ru/mirrors/voidlinux/"))?.code, "ru");
    assert.equal(countryByName("Myanmar")?.code, "mm");
  });

  test("gives no country for World mirrors or unknown places", () => {
    assert.equal(mirrorCountry(byUrl("https://repo-fastly.voidlinux.org/")), undefined);
    assert.equal(mirrorCountry({ region: "EU", location: "Atlantis" }), undefined);
    assert.equal(countryByName("European Union"), undefined);
  });

  test("every located mirror of the estate resolves to a country", () => {
    const unresolved = mirrors
      .filter((m) => m.region !== "World" && !mirrorCountry(m))
      .map((m) => m.location);
    assert.deepEqual(unresolved, []);
  });
});

describe("mirror list validation", () => {
  test("reports every broken entry at its line and column, with what was expected", () => {
    const f = "test/fixtures/mirrors/bad-entries.yaml";
    assert.deepEqual(problemsOf("bad-entries.yaml"), [
      `${f}:3:11: [0].region: "Europe" is not a region (expected one of AF, AN, AS, EU, NA, OC, SA, World) (did you mean "EU"?)`,
      `${f}:7:13: [1].base_url: "ftp://ftp.example.org/void/" uses scheme ftp (expected an http:// or https:// URL such as https://repo-fi.voidlinux.org/)`,
      `${f}:13:3: [2].regoin: unknown key (did you mean "region"?) (expected one of: base_url, region, location, tier, enabled)`,
      `${f}:21:9: [3].tier: 3 is not a tier (expected 1 or 2)`,
      `${f}:22:12: [3].enabled: "true" is not a boolean (expected true or false)`,
      `${f}:23:13: [4].base_url: "http://repo-fi.voidlinux.org/" is the same mirror as [0].base_url on line 2 (expected each mirror listed once)`,
      `${f}:28:3: [5].enabled: is missing (expected true or false)`,
      `${f}:30:13: [5].location: is empty (expected a place such as "Helsinki, Finland")`,
      `${f}:32:3: [6]: "just a URL" is not a mirror entry (expected a mapping with base_url, region, location, tier, enabled)`,
      `${f}:35:13: [7].location: "No" is read as false by YAML 1.1 parsers such as xmirror's PyYAML (expected an unambiguous value: quote text, write booleans as true or false)`,
      `${f}:37:12: [7].enabled: "yes" is not a boolean (expected true or false)`,
    ]);
  });

  test("rejects URLs that xbps or xmirror's target rewrite cannot use", () => {
    const problems = problemsOf("bad-urls.yaml").map((line) => line.replace(/ \(expected .*\)$/, ""));
    const f = "test/fixtures/mirrors/bad-urls.yaml";
    assert.deepEqual(problems, [
      `${f}:1:13: [0].base_url: "repo-fi.voidlinux.org" is not an absolute URL`,
      `${f}:6:13: [1].base_url: "HTTPS://repo-de.voidlinux.org/" does not start with http:// or https:// (lowercase, with //)`,
      `${f}:11:13: [2].base_url: "https://user:pw@mirror.example.org/void/" contains @, which makes what precedes it credentials and what follows it the host`,
      `${f}:16:13: [3].base_url: "https://mirror.example.org/void/?x=1" has a query or fragment`,
      `${f}:21:13: [4].base_url: "https://localhost/void/" has host localhost, which is not a public DNS name`,
      `${f}:26:13: [5].base_url: 42 is not a URL`,
      `${f}:28:13: [5].location: contains a tab at character 4`,
    ]);
  });

  test("the region hint also knows xmirror's long region names and wrong case", () => {
    const text =
      "- base_url: https://a.example.org/\n  region: eu\n  location: Berlin, Germany\n  tier: 2\n  enabled: true\n";
    assert.throws(() => parseMirrorList(text, "m.yaml"), {
      message:
        'm.yaml:2:11: [0].region: "eu" is not a region (expected one of AF, AN, AS, EU, NA, OC, SA, World) (did you mean "EU"?)',
    });
  });

  test("a file that is not a list is one whole-file problem", () => {
    assert.deepEqual(problemsOf("not-a-list.yaml"), [
      "test/fixtures/mirrors/not-a-list.yaml:1:1: (file): a mapping is not a list (expected a YAML list of mirror entries)",
    ]);
  });

  test("an empty file is rejected rather than publishing an empty mirror list", () => {
    assert.deepEqual(problemsOf("empty.yaml"), [
      "test/fixtures/mirrors/empty.yaml:1:1: (file): is empty (expected a YAML list of mirror entries)",
    ]);
  });

  test("YAML syntax errors and duplicate keys are reported before any schema check", () => {
    const problems = problemsOf("syntax-error.yaml");
    assert.equal(
      problems[0],
      'test/fixtures/mirrors/syntax-error.yaml:3:3: (yaml): repeats the key "region" of line 2 (expected each key once in a mapping)',
    );
    assert.equal(problems.length, 2);
    assert.match(problems[1], /^test\/fixtures\/mirrors\/syntax-error\.yaml:5:1: \(yaml\): Flow sequence/);
  });

  test("problems in a file outside the working directory keep its path", () => {
    assert.throws(
      () => loadMirrorList(join(FIXTURES, "empty.yaml")),
      /mirrors\/empty\.yaml:1:1: \(file\): is empty/,
    );
  });
});
