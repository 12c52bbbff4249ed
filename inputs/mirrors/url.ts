import { domainToASCII } from "node:url";
import { decode as decodePunycode } from "punycode.js";

/**
 * The one reading of a mirror's base URL. The same text goes to xbps (C, libfetch), to xmirror's
 * Python (`urllib.parse`), to curl in its probes, to Prometheus and to browsers, and URL parsers
 * disagree at the edges: WHATWG reads `https://repo-fi.voidlinux.org\@evil.example.org/` as the
 * host repo-fi.voidlinux.org (a backslash is a slash to it), while Python and curl connect to
 * evil.example.org. So only the plain middle that every parser reads alike is accepted, written in
 * its one canonical spelling:
 *
 *     http[s]://<lower-case DNS name>[/<path of letters, digits, - . _ ~ />]
 *
 * Refused, each by name: backslashes, whitespace and control characters, userinfo (`@`),
 * percent-encoding, queries and fragments, ports (the scheme's own is left out), IP addresses,
 * hosts with a trailing dot or characters outside letters, digits and hyphens, `.`/`..` path
 * segments, and non-ASCII hosts. An internationalized host is accepted in its ASCII (`xn--`) form
 * only: that form is what every parser connects to, while the Unicode form depends on each one's
 * IDNA mapping. Consumers use the parsed {@link MirrorUrl}, never their own parse of the text.
 */

export interface MirrorUrl {
  /** The canonical URL; the file must spell it exactly so. */
  readonly href: string;
  readonly scheme: "http" | "https";
  /** Lower-case ASCII DNS name, no port, no trailing dot: what every consumer connects to. */
  readonly host: string;
  /** `/`, or the path after the host as written (letters, digits, `-._~/`). */
  readonly path: string;
}

export interface MirrorUrlProblem {
  /** What is wrong, said after the quoted value: `contains a backslash, ...`. */
  readonly problem: string;
  /** What to write instead, when it can be told (the canonical spelling). */
  readonly expected?: string;
}

const MAX_LENGTH = 2048;
const DEFAULT_PORTS = { http: "80", https: "443" } as const;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const PATH = /^(?:\/[A-Za-z0-9._~-]*)*$/;

/** Parses `value` as a mirror's base URL: the parts every consumer uses, or why it is refused. */
export function parseMirrorUrl(value: string): MirrorUrl | MirrorUrlProblem {
  const refused = characterProblem(value);
  if (refused) return { problem: refused };
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(value)?.[1];
  if (scheme === undefined) return { problem: "is not an absolute URL" };
  if (scheme.toLowerCase() !== "http" && scheme.toLowerCase() !== "https")
    return { problem: `uses scheme ${scheme.toLowerCase()}` };
  // xmirror's Prometheus target rewrite is case-sensitive and expects `scheme://`.
  if (!/^https?:\/\/[^/]/.test(value))
    return { problem: "does not start with http:// or https:// (lowercase, with //)" };
  const lower = scheme as "http" | "https";
  const rest = value.slice(lower.length + 3);
  const slash = rest.indexOf("/");
  const authority = slash === -1 ? rest : rest.slice(0, slash);
  const path = slash === -1 ? "" : rest.slice(slash);

  if (authority.startsWith("["))
    return {
      problem: `has the IP address ${authority.replace(/:\d*$/, "")} as its host`,
      expected: "a DNS name",
    };
  const colon = authority.indexOf(":");
  const hostText = colon === -1 ? authority : authority.slice(0, colon);
  const port = colon === -1 ? undefined : authority.slice(colon + 1);
  const hostProblem = dnsNameProblem(hostText);
  if (hostProblem) return hostProblem;
  if (port !== undefined && port !== DEFAULT_PORTS[lower])
    return {
      problem: /^\d+$/.test(port) ? `uses port ${port}` : "has a colon after the host but no port",
      expected: `the scheme's own port (${DEFAULT_PORTS[lower]}), left out: ${lower}://${hostText.toLowerCase()}${path || "/"}`,
    };
  if (!PATH.test(path))
    return {
      problem:
        "has a path with characters other than letters, digits and - . _ ~ / (expected a plain path such as /voidlinux/)",
    };
  if (/\/\.{1,2}(?:\/|$)/.test(path))
    return { problem: 'has a "." or ".." path segment, which URL readers resolve differently' };

  const host = hostText.toLowerCase();
  const url: MirrorUrl = { href: `${lower}://${host}${path || "/"}`, scheme: lower, host, path: path || "/" };
  // The grammar above is a subset of WHATWG's; where they disagree (an invalid `xn--` label), refuse.
  if (!host.split(".").every(isIdnaLabel) || whatwgHref(url.href) !== url.href)
    return { problem: `has the host ${host}, which browsers do not accept as written` };
  if (value !== url.href) return { problem: "is not written in its canonical form", expected: url.href };
  return url;
}

/**
 * Whether a label is plain, or an `xn--` label that is the ASCII form of an internationalized one:
 * its Punycode decodes to non-ASCII text whose IDNA (UTS #46) ASCII form is the label again. The
 * URL parser cannot be asked alone: from Node.js 24 (Ada 4) it takes any `xn--` label as written,
 * `xn--zz` included, which Python's IDNA codec and browsers refuse.
 */
function isIdnaLabel(label: string): boolean {
  if (!label.startsWith("xn--")) return true;
  try {
    const unicode = decodePunycode(label.slice("xn--".length));
    // biome-ignore lint/suspicious/noControlCharactersInRegex: non-ASCII is what makes it an IDN
    return /[^\u0000-\u007f]/.test(unicode) && domainToASCII(unicode) === label;
  } catch {
    return false;
  }
}

function whatwgHref(text: string): string | undefined {
  try {
    return new URL(text).href;
  } catch {
    return undefined;
  }
}

/** Characters no parser may read differently, refused by name before anything is parsed. */
function characterProblem(value: string): string | undefined {
  if (value.length > MAX_LENGTH) return `is longer than ${MAX_LENGTH} characters`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  if (/[\s\u0000-\u001f\u007f-\u009f]/.test(value)) return "contains whitespace or a control character";
  if (value.includes("\\"))
    return "contains a backslash, which browsers read as / and Python and curl as part of the host";
  if (value.includes("@"))
    return "contains @, which makes what precedes it credentials and what follows it the host";
  if (value.includes("%")) return "contains percent-encoding (%), which URL readers decode differently";
  if (value.includes("?") || value.includes("#")) return "has a query or fragment";
  return undefined;
}

/** Why `host` is not a lower-case ASCII DNS name of at least two labels, or undefined. */
function dnsNameProblem(host: string): MirrorUrlProblem | undefined {
  if (host === "") return { problem: "has no host" };
  // A numeric last label makes WHATWG read the whole host as IPv4 (`0x7f.1` is 127.0.0.1).
  const numeric = (label: string) => /^(?:0x[0-9a-f]*|\d+)$/i.test(label);
  const parts = host.split(".").filter(Boolean);
  if (parts.every(numeric))
    return { problem: `has the IP address ${host} as its host`, expected: "a DNS name" };
  if (numeric(parts.at(-1) ?? ""))
    return {
      problem: `has the host ${host}, whose last label is a number, so browsers take it for an IP address`,
      expected: "a DNS name ending in a top-level domain",
    };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: only ASCII is allowed
  if (/[^\u0000-\u007f]/.test(host)) {
    const ascii = domainToASCII(host);
    return ascii
      ? { problem: `has the non-ASCII host ${host}`, expected: `its ASCII form, ${ascii}` }
      : { problem: `has the non-ASCII host ${host}, which is not a valid internationalized name` };
  }
  if (host.endsWith("."))
    return { problem: `has the host ${host}, which ends in a dot`, expected: "the name without the dot" };
  const labels = host.toLowerCase().split(".");
  if (labels.length < 2) return { problem: `has host ${host}, which is not a public DNS name` };
  if (host.length > 253 || !labels.every((label) => LABEL.test(label)))
    return {
      problem: `has the host ${host}, which is not a DNS name`,
      expected: "dot-separated labels of letters, digits and inner hyphens",
    };
  if (!/^[a-z]/.test(labels.at(-1) ?? ""))
    return { problem: `has the host ${host}, whose last label is not a top-level domain` };
  return undefined;
}
