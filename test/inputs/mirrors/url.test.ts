import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import fc from "fast-check";
import { loadMirrorList, MIRRORS_FILE } from "../../../inputs/mirrors";
import { type MirrorUrl, parseMirrorUrl } from "../../../inputs/mirrors/url";
import { ADOPTION_ROOT, REPO_ROOT } from "../../support/project";

const accepted = (value: string): MirrorUrl | undefined => {
  const parsed = parseMirrorUrl(value);
  return "href" in parsed ? parsed : undefined;
};
const problemOf = (value: string): string => {
  const parsed = parseMirrorUrl(value);
  return "problem" in parsed ? parsed.problem : assert.fail(`${value} was accepted`);
};

/**
 * CPython's `urllib.parse.urlsplit` (what xmirror's Python connects with), as far as a mirror URL
 * goes: tabs and newlines are dropped first, the network location ends at the first `/`, `?` or
 * `#` (a backslash is an ordinary character), the host is what follows the last `@`, before a
 * port, lower-cased. The frozen fixture below holds real Python's answers for tricky inputs.
 */
function pythonSplit(url: string): { netloc: string; hostname: string; path: string } {
  const cleaned = url.replace(/[\t\r\n]/g, "");
  const rest = cleaned.slice(cleaned.indexOf("//") + 2);
  const end = rest.search(/[/?#]/);
  const netloc = end === -1 ? rest : rest.slice(0, end);
  const afterQuery = end === -1 ? "" : rest.slice(end).split(/[?#]/)[0];
  const host = netloc.slice(netloc.lastIndexOf("@") + 1);
  const hostname = (host.startsWith("[") ? host.slice(1, host.indexOf("]")) : host.split(":")[0]) ?? "";
  return { netloc, hostname: hostname.toLowerCase(), path: afterQuery ?? "" };
}

interface PythonRow {
  readonly url: string;
  readonly netloc?: string;
  readonly hostname?: string | null;
  readonly port?: number | "invalid" | null;
  readonly path?: string;
  readonly error?: string;
}

describe("mirror URLs: one reading that every consumer shares", () => {
  test("every URL of the adoption-time list is accepted as written, host and path split", () => {
    for (const mirror of loadMirrorList(join(ADOPTION_ROOT, MIRRORS_FILE))) {
      assert.equal(mirror.url.href, mirror.baseUrl);
      assert.equal(`${mirror.url.scheme}://${mirror.url.host}${mirror.url.path}`, mirror.baseUrl);
    }
    assert.deepEqual(accepted("https://mirrors.cicku.me/voidlinux"), {
      href: "https://mirrors.cicku.me/voidlinux",
      scheme: "https",
      host: "mirrors.cicku.me",
      path: "/voidlinux",
    });
  });

  test("the URL that WHATWG and Python read as two different hosts is refused by name", () => {
    const hostile = "https://repo-fi.voidlinux.org\\@evil.example.org/";
    assert.equal(new URL(hostile).hostname, "repo-fi.voidlinux.org");
    assert.equal(pythonSplit(hostile).hostname, "evil.example.org");
    assert.match(problemOf(hostile), /^contains a backslash/);
  });

  test("each kind of ambiguity is refused with its own words", () => {
    const cases: [string, RegExp][] = [
      ["https://a.example.org@evil.example.org/", /^contains @/],
      ["https://a.example.org/%2e%2e/", /^contains percent-encoding/],
      ["https://a.example.org:8443/", /^uses port 8443$/],
      ["https://a.example.org:/", /^has a colon after the host but no port$/],
      ["http://192.0.2.1/", /^has the IP address 192\.0\.2\.1 as its host$/],
      ["http://[::1]/", /^has the IP address \[::1\] as its host$/],
      ["http://0x7f.1/", /^has the IP address 0x7f\.1 as its host$/],
      ["https://a.example.123/", /whose last label is a number/],
      ["https://a.example.org./", /which ends in a dot$/],
      ["https://a.ex\u00e4mple.org/", /^has the non-ASCII host/],
      ["https://a_b.example.org/", /which is not a DNS name$/],
      ["https://xn--zz.example.org/", /which browsers do not accept as written$/],
      ["https://a.example.org/a/../", /path segment/],
      ["https://a.example.org/\u00e4/", /^has a path with characters other than/],
      ["https://a.example.org/x?y", /^has a query or fragment$/],
      ["ftp://a.example.org/", /^uses scheme ftp$/],
      ["https:/a.example.org/", /^does not start with http:\/\/ or https:\/\//],
      ["a.example.org", /^is not an absolute URL$/],
      ["https://localhost/", /not a public DNS name$/],
      ["https://a.example.org/\tx", /^contains whitespace or a control character$/],
    ];
    for (const [url, problem] of cases) assert.match(problemOf(url), problem, url);
  });

  test("an xn-- host is the ASCII form of an internationalized name, whatever the Node.js URL parser takes", () => {
    assert.equal(accepted("https://xn--bcher-kva.example.org/")?.host, "xn--bcher-kva.example.org");
    // Not Punycode at all, and the Punycode of "bu\u0308cher", whose IDNA form is xn--bcher-kva:
    // Node.js 24's URL parser takes both as written, Python's IDNA codec refuses them.
    for (const url of ["https://xn--zz.example.org/", "https://a.xn--bucher-xyd.example.org/"])
      assert.match(problemOf(url), /which browsers do not accept as written$/, url);
  });

  test("a spelling other than the canonical one is refused, naming the canonical one", () => {
    for (const [url, canonical] of [
      ["https://A.Example.org/void/", "https://a.example.org/void/"],
      ["https://a.example.org:443/", "https://a.example.org/"],
      ["http://a.example.org:80/x", "http://a.example.org/x"],
      ["https://a.example.org", "https://a.example.org/"],
    ] as const) {
      assert.deepEqual(parseMirrorUrl(url), {
        problem: "is not written in its canonical form",
        expected: canonical,
      });
      assert.equal(accepted(canonical)?.href, canonical);
    }
    const unicode = parseMirrorUrl("https://b\u00fccher.example.org/");
    assert.ok("problem" in unicode);
    assert.equal(unicode.expected, "its ASCII form, xn--bcher-kva.example.org");
  });

  test("what Python's urlsplit connects to is the validated host, for every accepted URL of the frozen set", () => {
    // test/fixtures/mirrors/urlsplit/urlsplit.json: written by make.py next to it with real CPython.
    const fixture = JSON.parse(
      readFileSync(join(REPO_ROOT, "test", "fixtures", "mirrors", "urlsplit", "urlsplit.json"), "utf8"),
    ) as { rows: PythonRow[] };
    const outcomes = fixture.rows.map((row) => ({ row, url: accepted(row.url) }));
    assert.ok(outcomes.some((o) => o.url) && outcomes.some((o) => !o.url), "the set holds both kinds");
    for (const { row, url } of outcomes) {
      if (!url) continue;
      assert.equal(row.error, undefined, row.url);
      assert.equal(row.hostname, url.host, row.url);
      assert.equal(row.netloc, url.host, `${row.url}: no userinfo or port`);
      assert.equal(row.port, null, row.url);
      assert.equal(row.path || "/", url.path, row.url);
      // The model used by the properties below agrees with real Python on this input.
      assert.deepEqual(pythonSplit(row.url), { netloc: row.netloc, hostname: row.hostname, path: row.path });
    }
  });
});

/** Mostly ordinary characters, now and then one that makes URL parsers disagree. */
const mostly = (ordinary: string, tricky: readonly string[]) =>
  fc.oneof(
    { weight: 15, arbitrary: fc.constantFrom(...ordinary) },
    { weight: 1, arbitrary: fc.constantFrom(...tricky) },
  );
const TRICKY = [..."ABZ_:@\\%?#[] .\t\n", "\u0456", "\u3002", "\u00e4", "\uff0e", "\u200b", "\u00a0"];
const label = fc.string({ unit: mostly("abcxyz0129-", TRICKY), minLength: 1, maxLength: 8 });
const path = fc.string({ unit: mostly("abcXYZ019-._~/", TRICKY), maxLength: 20 });
const urlLike = fc
  .tuple(
    fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom("http://", "https://") },
      { weight: 1, arbitrary: fc.constantFrom("HTTPS://", "https:/", "ftp://", "https:\\\\", "https:///") },
    ),
    fc.array(label, { minLength: 1, maxLength: 4 }),
    fc.oneof(
      { weight: 8, arbitrary: fc.constant("") },
      {
        weight: 1,
        arbitrary: fc.constantFrom(".", ":443", ":80", ":8080", ":", "@evil.example.org", "\\@evil.org"),
      },
    ),
    path,
  )
  .map(([scheme, labels, tail, rest]) => `${scheme}${labels.join(".")}${tail}/${rest}`);

describe("mirror URLs, over generated input", () => {
  test("an accepted URL is canonical: WHATWG and Python read the same host and path from it", () => {
    let acceptedCount = 0;
    fc.assert(
      fc.property(urlLike, (text) => {
        const url = accepted(text);
        if (!url) return;
        acceptedCount++;
        assert.equal(url.href, text);
        assert.equal(new URL(url.href).href, url.href);
        assert.doesNotMatch(url.href, /[\\@%\s?#]/);
        assert.equal(new URL(url.href).hostname, url.host);
        assert.equal(new URL(url.href).port, "");
        assert.deepEqual(pythonSplit(url.href), { netloc: url.host, hostname: url.host, path: url.path });
      }),
      { numRuns: 2000 },
    );
    assert.ok(acceptedCount > 0, "the generator reaches accepted URLs");
  });

  test("any text with a backslash, @, % or whitespace is refused", () => {
    fc.assert(
      fc.property(path, fc.constantFrom("\\", "@", "%", " ", "\t", "\n"), path, (before, bad, after) => {
        assert.ok("problem" in parseMirrorUrl(`https://a.example.org/${before}${bad}${after}`));
        assert.ok("problem" in parseMirrorUrl(`https://a${before}${bad}${after}.example.org/`));
      }),
    );
  });
});
