import { createHash, createPublicKey, type KeyObject } from "node:crypto";
import { ed25519KeyProblem, rsaKeyProblem } from "./key-soundness";

/**
 * A strict reader of OpenSSH public key lines, accepting exactly what OpenSSH's `sshkey_read`
 * accepts (sshkey.c, ssh-rsa.c, ssh-ecdsa.c, ssh-ed25519.c and their -sk variants), limited to the
 * key types allowed here. The formats: RFC 4253 section 6.6 (the wire encoding, ssh-rsa), RFC 5656
 * (ecdsa-sha2-*), RFC 8709 (ssh-ed25519) and OpenSSH's PROTOCOL.u2f (the sk- security-key types).
 */

/** An SSH public key that passed the strength rules. */
export interface SshKey {
  readonly type: "ed25519" | "ecdsa" | "rsa" | "sk-ed25519" | "sk-ecdsa";
  readonly bits: number;
  /** `SHA256:...`, the identity used to find the same key in two places; what `ssh-keygen -lf` prints. */
  readonly fingerprint: string;
  /** The key line, without the whitespace around it. */
  readonly text: string;
}

const MIN_RSA_BITS = 3072;
/** OpenSSH refuses smaller RSA keys whatever it is asked (SSH_RSA_MINIMUM_MODULUS_SIZE). */
const OPENSSH_MIN_RSA_BITS = 1024;
/** OpenSSH's largest number, in bytes (SSHBUF_MAX_BIGNUM): RSA moduli of up to 16384 bits. */
const MAX_MPINT_BYTES = 16384 / 8;

interface SshKeyRules {
  /** Weakest RSA modulus accepted. @default MIN_RSA_BITS (3072) */
  readonly minRsaBits?: number;
}

type Problem = { problem: string };

const EXAMPLE = 'one line like "ssh-ed25519 AAAA... comment"';
const NOT_A_KEY = `is not an OpenSSH public key (expected ${EXAMPLE})`;

interface Curve {
  readonly name: "nistp256" | "nistp384" | "nistp521";
  readonly bits: number;
  /** Field prime, curve coefficient b (a is -3 for all three) and group order. */
  readonly p: bigint;
  readonly b: bigint;
  readonly n: bigint;
}

// SEC 2 / FIPS 186-4 domain parameters.
const P256: Curve = {
  name: "nistp256",
  bits: 256,
  p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
  b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
  n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
};
const P384: Curve = {
  name: "nistp384",
  bits: 384,
  p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
  b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
  n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
};
const P521: Curve = {
  name: "nistp521",
  bits: 521,
  p: (1n << 521n) - 1n,
  b: 0x0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00n,
  n: 0x01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n,
};

type Kind =
  | { readonly type: "ed25519" | "sk-ed25519" }
  | { readonly type: "ecdsa" | "sk-ecdsa"; readonly curve: Curve }
  | { readonly type: "rsa" };

/** The key types accepted, by the name that starts the line and the key data. */
const KINDS: ReadonlyMap<string, Kind> = new Map<string, Kind>([
  ["ssh-ed25519", { type: "ed25519" }],
  ["sk-ssh-ed25519@openssh.com", { type: "sk-ed25519" }],
  ["ecdsa-sha2-nistp256", { type: "ecdsa", curve: P256 }],
  ["ecdsa-sha2-nistp384", { type: "ecdsa", curve: P384 }],
  ["ecdsa-sha2-nistp521", { type: "ecdsa", curve: P521 }],
  ["sk-ecdsa-sha2-nistp256@openssh.com", { type: "sk-ecdsa", curve: P256 }],
  ["ssh-rsa", { type: "rsa" }],
]);

/** Types OpenSSH knows that are refused here, with their own message. */
const DSA = "ssh-dss";
const CERTIFICATE = /^[a-z0-9@.-]+-cert-v0[01]@openssh\.com$/;

const accepted = (minRsaBits: number) =>
  `expected ${[...KINDS.keys()].filter((name) => name !== "ssh-rsa").join(", ")}, or ssh-rsa of at least ${minRsaBits} bits`;

/** A name safe to quote back: short, printable, nothing that could pass for markup. */
const quotable = (name: string) => /^[A-Za-z0-9@._+-]{1,64}$/.test(name);

/** Parses one OpenSSH public key line; returns the key or why it is refused. */
export function parseSshKey(text: string, rules: SshKeyRules = {}): SshKey | Problem {
  const minRsaBits = Math.max(rules.minRsaBits ?? MIN_RSA_BITS, OPENSSH_MIN_RSA_BITS);
  const line = text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");
  const other = otherKeyFormat(line);
  if (other) return { problem: other };
  if (/[\r\n\u2028\u2029]/.test(line)) return { problem: `spans several lines (expected ${EXAMPLE})` };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(line)) {
    return { problem: `contains a control character (expected ${EXAMPLE})` };
  }
  // `type base64 [comment]`, split on spaces and tabs as OpenSSH does; the comment is the rest.
  const match = /^([^ \t]+)[ \t]+([^ \t]+)(?:[ \t]+.*)?$/s.exec(line);
  if (!match) return { problem: NOT_A_KEY };
  const [, name = "", base64 = ""] = match;

  const kind = KINDS.get(name);
  if (!kind) return { problem: unknownType(name, line, minRsaBits) };

  const blob = decodeBase64(base64);
  if ("problem" in blob) return blob;

  const parsed = readKey(blob, name, kind);
  if ("problem" in parsed) return parsed;
  const fingerprint = `SHA256:${createHash("sha256").update(parsed.canonical).digest("base64").replace(/=+$/, "")}`;
  if (kind.type === "rsa" && parsed.bits < minRsaBits) {
    return {
      problem: `is an RSA key of ${parsed.bits} bits, too weak (expected ed25519, ecdsa, or RSA of at least ${minRsaBits} bits)`,
    };
  }
  return { type: kind.type, bits: parsed.bits, fingerprint, text: line };
}

/**
 * What a pasted text that is not an OpenSSH public key line is, when it is recognizably something
 * else: above all a private key, which must be named as such (and never echoed).
 */
function otherKeyFormat(text: string): string | undefined {
  // PEM and OpenSSH private keys, PuTTY's .ppk, and the base64 body of an OpenSSH private key.
  if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----|^PuTTY-User-Key-File-\d+:|^b3BlbnNzaC1rZXktdjE/m.test(text))
    return 'this is a private key: never share it; paste the .pub file\'s line instead (if this file was pushed anywhere, make a new key pair) (expected the one line of ~/.ssh/id_ed25519.pub, like "ssh-ed25519 AAAA... comment")';
  if (/^---- BEGIN SSH2 PUBLIC KEY ----/m.test(text))
    return `is an RFC 4716 public key, not OpenSSH's one-line format (expected ${EXAMPLE}: \`ssh-keygen -i -f key.pub\` converts it)`;
  if (/^-----BEGIN (?:RSA )?PUBLIC KEY-----/m.test(text))
    return `is a PEM public key, not OpenSSH's one-line format (expected ${EXAMPLE}: \`ssh-keygen -i -m PKCS8 -f key.pem\` converts it)`;
  return undefined;
}

function unknownType(name: string, line: string, minRsaBits: number): string {
  if (name === DSA) {
    return `is a dsa key, which is not accepted (expected ed25519, ecdsa, or RSA >= ${minRsaBits} bits)`;
  }
  if (CERTIFICATE.test(name)) {
    return `is an OpenSSH certificate (${name}), not a public key (${accepted(minRsaBits)})`;
  }
  // authorized_keys lets options precede the key (`no-pty,command="..." ssh-ed25519 AAAA...`).
  const tokens = line.split(/[ \t]+/);
  if (tokens.slice(1, -1).some((token) => KINDS.has(token) || token === DSA)) {
    return `starts with authorized_keys options before the key type (expected the key alone, ${EXAMPLE})`;
  }
  if (quotable(name) && (/^(ssh|sk|ecdsa)-/.test(name) || blobNames(tokens[1] ?? "", name))) {
    return `has the key type "${name}", which is not accepted (${accepted(minRsaBits)})`;
  }
  return NOT_A_KEY;
}

/** Whether base64 text decodes to key data of the type `name`: a real key of a type not accepted. */
function blobNames(base64: string, name: string): boolean {
  const blob = decodeBase64(base64);
  return !("problem" in blob) && readName(new Reader(blob)) === name;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes canonical base64 only: OpenSSH's b64_pton refuses a partial group, misplaced padding and stray bits. */
function decodeBase64(text: string): Buffer | Problem {
  if (!/^[A-Za-z0-9+/=]+$/.test(text)) return { problem: NOT_A_KEY };
  if (!BASE64.test(text)) return { problem: 'is corrupted (its base64 key data has misplaced "=" padding)' };
  if (text.length % 4 !== 0) {
    return {
      problem: `is truncated or corrupted (its base64 key data is ${text.length} characters long, expected a multiple of 4)`,
    };
  }
  const bytes = Buffer.from(text, "base64");
  if (bytes.toString("base64") !== text) {
    return {
      problem: "is corrupted (its base64 key data does not end cleanly: wrong padding or stray bits)",
    };
  }
  return bytes;
}

const TRUNCATED: Problem = { problem: "is truncated or corrupted (the key data ends early)" };

/** A cursor over SSH wire data (RFC 4251 section 5). */
class Reader {
  private offset = 0;
  constructor(private readonly data: Buffer) {}

  get remaining(): number {
    return this.data.length - this.offset;
  }

  /** A `string`: uint32 length, then that many bytes; undefined when the data ends early. */
  bytes(): Buffer | undefined {
    if (this.remaining < 4) return undefined;
    const length = this.data.readUInt32BE(this.offset);
    if (length > this.remaining - 4) return undefined;
    const value = this.data.subarray(this.offset + 4, this.offset + 4 + length);
    this.offset += 4 + length;
    return value;
  }
}

/**
 * A name as OpenSSH's `sshbuf_get_cstring` reads it: a NUL is allowed only as the last byte, and
 * dropped. Returns undefined when the data ends early, a problem for a NUL inside.
 */
function readName(reader: Reader): string | Problem | undefined {
  const raw = reader.bytes();
  if (raw === undefined) return undefined;
  const nul = raw.indexOf(0);
  if (nul !== -1 && nul < raw.length - 1)
    return { problem: "is corrupted (a text field in its key data contains a NUL byte)" };
  return raw.subarray(0, nul === -1 ? raw.length : nul).toString("latin1");
}

interface Parsed {
  readonly bits: number;
  /** The key data as OpenSSH writes it back, which `ssh-keygen -lf` hashes. */
  readonly canonical: Buffer;
}

function readKey(blob: Buffer, name: string, kind: Kind): Parsed | Problem {
  const reader = new Reader(blob);
  const inner = readName(reader);
  if (inner === undefined) return TRUNCATED;
  if (typeof inner !== "string") return inner;
  if (inner !== name) {
    const what = quotable(inner) ? `an ${inner} key` : "something else";
    return { problem: `is corrupted (the line says ${name} but its key data is ${what})` };
  }
  const fields: Buffer[] = [];
  let bits: number;
  switch (kind.type) {
    case "ed25519":
    case "sk-ed25519": {
      const key = reader.bytes();
      if (key === undefined) return TRUNCATED;
      if (key.length !== 32) {
        return { problem: `is corrupted (its ed25519 key is ${key.length} bytes, expected 32)` };
      }
      const degenerate = ed25519KeyProblem(key);
      if (degenerate) return { problem: `is not a usable ed25519 key (${degenerate})` };
      fields.push(key);
      bits = 256;
      break;
    }
    case "ecdsa":
    case "sk-ecdsa": {
      const point = readPoint(reader, name, kind.curve);
      if ("problem" in point) return point;
      fields.push(Buffer.from(kind.curve.name, "latin1"), point.bytes);
      bits = kind.curve.bits;
      break;
    }
    case "rsa": {
      const e = readMpint(reader);
      if ("problem" in e) return e;
      const n = readMpint(reader);
      if ("problem" in n) return n;
      const unsound = rsaKeyProblem(toBigInt(e.magnitude), toBigInt(n.magnitude));
      if (unsound) return { problem: `is not a usable RSA key (${unsound})` };
      fields.push(mpint(e.magnitude), mpint(n.magnitude));
      bits = bitLengthOf(toBigInt(n.magnitude));
      break;
    }
  }
  if (kind.type === "sk-ed25519" || kind.type === "sk-ecdsa") {
    // PROTOCOL.u2f: the security key's application string, usually "ssh:".
    const application = readName(reader);
    if (application === undefined) return TRUNCATED;
    if (typeof application !== "string") return application;
    fields.push(Buffer.from(application, "latin1"));
  }
  if (reader.remaining > 0) {
    const extra = reader.remaining === 1 ? "1 unexpected byte" : `${reader.remaining} unexpected bytes`;
    return { problem: `is corrupted (its key data has ${extra} after the key)` };
  }
  return { bits, canonical: keyBlob(name, fields) };
}

const CURVES: Readonly<Record<string, Curve>> = { "P-256": P256, "P-384": P384, "P-521": P521 };

/**
 * The OpenSSH public key line of a Node.js key (ed25519, ECDSA on P-256/384/521, or RSA), as
 * `ssh-keygen -y` would print it: for tests and tools that make keys with node:crypto.
 */
export function sshPublicKeyLine(key: KeyObject, comment?: string): string {
  const jwk = (key.type === "private" ? createPublicKey(key) : key).export({ format: "jwk" });
  const part = (value: string | undefined) => Buffer.from(value ?? "", "base64url");
  let fields: [string, ...Buffer[]];
  if (jwk.kty === "OKP" && jwk.crv === "Ed25519") {
    fields = ["ssh-ed25519", part(jwk.x)];
  } else if (jwk.kty === "EC" && jwk.crv !== undefined && CURVES[jwk.crv]) {
    const curve = CURVES[jwk.crv] as Curve;
    const point = Buffer.concat([Buffer.of(0x04), part(jwk.x), part(jwk.y)]);
    fields = [`ecdsa-sha2-${curve.name}`, Buffer.from(curve.name, "latin1"), point];
  } else if (jwk.kty === "RSA") {
    fields = ["ssh-rsa", mpint(part(jwk.e)), mpint(part(jwk.n))];
  } else {
    throw new Error(`no OpenSSH form for a ${jwk.kty ?? key.asymmetricKeyType} ${jwk.crv ?? ""} key`);
  }
  const [name, ...rest] = fields;
  return `${name} ${keyBlob(name, rest).toString("base64")}${comment ? ` ${comment}` : ""}`;
}

/** Key data as OpenSSH writes it: the type name, then each field, every one a wire `string`. */
function keyBlob(name: string, fields: readonly Buffer[]): Buffer {
  return Buffer.concat([Buffer.from(name, "latin1"), ...fields].map(wireString));
}

function wireString(value: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(value.length);
  return Buffer.concat([length, value]);
}

/** RFC 5656 section 3.1: the curve's name, then the point, uncompressed (0x04 || x || y). */
function readPoint(reader: Reader, name: string, curve: Curve): { bytes: Buffer } | Problem {
  const curveName = readName(reader);
  if (curveName === undefined) return TRUNCATED;
  if (typeof curveName !== "string") return curveName;
  if (curveName !== curve.name) {
    const what = quotable(curveName) ? `the curve ${curveName}` : "another curve";
    return { problem: `is corrupted (the line says ${name} but its key data names ${what})` };
  }
  const point = reader.bytes();
  if (point === undefined) return TRUNCATED;
  const size = Math.ceil(curve.bits / 8);
  if (point[0] !== 0x04) {
    return { problem: "is corrupted (its ECDSA point is not in uncompressed form, which OpenSSH requires)" };
  }
  if (point.length !== 1 + 2 * size) {
    return {
      problem: `is corrupted (its ${curve.name} point is ${point.length} bytes, expected ${1 + 2 * size})`,
    };
  }
  const x = toBigInt(point.subarray(1, 1 + size));
  const y = toBigInt(point.subarray(1 + size));
  const { p, b, n } = curve;
  if (x >= p || y >= p || (y * y - (x * x * x - 3n * x + b)) % p !== 0n) {
    return { problem: `is corrupted (its ECDSA point is not on the ${curve.name} curve)` };
  }
  // sshkey_ec_validate_public (OpenSSH up to 10.2): both coordinates above half the order's bits
  // and below order - 1. A point on the curve is never at infinity and, with cofactor 1, has order n.
  const half = bitLengthOf(n) / 2;
  if (
    bitLengthOf(x) <= Math.floor(half) ||
    bitLengthOf(y) <= Math.floor(half) ||
    x >= n - 1n ||
    y >= n - 1n
  ) {
    return {
      problem: `is not a usable ECDSA key (its point fails OpenSSH's checks of ${curve.name} public keys)`,
    };
  }
  return { bytes: point };
}

/**
 * An RFC 4251 `mpint` as OpenSSH's `sshbuf_get_bignum2` reads it: not negative, at most 16384
 * bits, leading zero bytes allowed (OpenSSH drops them and writes the number back without).
 */
function readMpint(reader: Reader): { magnitude: Buffer } | Problem {
  const raw = reader.bytes();
  if (raw === undefined) return TRUNCATED;
  if (raw.length > 0 && (raw[0] ?? 0) & 0x80) {
    return { problem: "is corrupted (a number in its RSA key data is negative)" };
  }
  if (raw.length > MAX_MPINT_BYTES + 1 || (raw.length === MAX_MPINT_BYTES + 1 && raw[0] !== 0)) {
    return { problem: `is an RSA key larger than ${MAX_MPINT_BYTES * 8} bits, which OpenSSH refuses` };
  }
  let start = 0;
  while (start < raw.length && raw[start] === 0) start++;
  return { magnitude: raw.subarray(start) };
}

/** The shortest mpint encoding of a non-negative magnitude without leading zeros. */
function mpint(magnitude: Buffer): Buffer {
  return magnitude.length > 0 && (magnitude[0] ?? 0) & 0x80
    ? Buffer.concat([Buffer.of(0), magnitude])
    : magnitude;
}

function toBigInt(bytes: Buffer): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${bytes.toString("hex")}`);
}

function bitLengthOf(value: bigint): number {
  return value === 0n ? 0 : value.toString(2).length;
}
