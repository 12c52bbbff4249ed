import assert from "node:assert/strict";
import { createPublicKey, type KeyObject } from "node:crypto";
import { describe, test } from "node:test";
import { parseSshKey, type SshKey, sshPublicKeyLine } from "@void-linux/infra-constructs/ssh-key";
import fc from "fast-check";
import { ed25519KeyPair, fixturePublicKey } from "../../support/keys";

/*
 * Real keys made with `ssh-keygen -t ed25519|ecdsa -b 256/384/521|rsa -b 2048/3072/4096`; every
 * fingerprint below is what `ssh-keygen -lf` (OpenSSH 9.2) prints for the same line. The FIDO keys
 * are OpenSSH's own test keys (openssh-portable regress/unittests/sshkey/testdata/*_sk1.pub), since
 * making one needs a hardware token.
 */
const ED25519 =
  "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILYGqmD4pk4L/3VJU/l36ySYjOLed51EfzH6Fb99ZJ0A test-ed25519";
const ECDSA256 =
  "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBJvzRP06EsYZLdJe3YB/iYHflq6ulAv8IyBo+rusze0fbvC6cBab5orFCliE6+zzRpNGloTmxukbc4muvbFOG40= test-ecdsa256";
const ECDSA384 =
  "ecdsa-sha2-nistp384 AAAAE2VjZHNhLXNoYTItbmlzdHAzODQAAAAIbmlzdHAzODQAAABhBLKPwzWaD2JU0B2nMi5OXV5nLft/rBFLlU+hXiBGiABcj2LWkrRGMgmq+QWz6mjD8uVZCIVvXrHDwI3eM3G68F8mXWd9//Cs/7xDr8uGAxUNLTl7LSBhfAG3Ti+FZ7gCXQ== test-ecdsa384";
const ECDSA521 =
  "ecdsa-sha2-nistp521 AAAAE2VjZHNhLXNoYTItbmlzdHA1MjEAAAAIbmlzdHA1MjEAAACFBABIR9gmTEJzZD9eRiBI/gNuquDpKipu16qJ3Sekb449PvdMroruRgYHCd90nRi3grF3XLXMfsAZyCiVqW/tRbnd7ADSMA+Ylrv+O0sumwG++9FP2Cl2b27eyd12OapcBHSmrK8cIrQvF05seBlEzZe+XEqUeS/TDJSBwAhtn+LMgRoPcw== test-ecdsa521";
const RSA2048 =
  "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDGrrgT9D7BTMYjw4VQYTb41sxzddAcflAHfRw351Pfk5n8mKiPZX8ervM5/lOhQbNLITMPoVn2IzMViYGaesLlHzDbaDYjI1geMF2e6j0zdcUdSdpU2HM08qy0DJxlMF6IvnC+JX2r1g8MsYyo3eu1s69XQtVNCvO5P9jt4q7Ixb3fFYNV6bPtIeVHssDQCp6+uIsCZnTdZ0pfdhcxGtXImbESxqT6GydR0VwdQuCZJmb96zjJ9XKlwFEUhsey5+cXzovXlCyZgol6gPGiobkvWd/llYdUU569Yh//N5hnV1upkRqukJKQzoWZbCRwQJHGuFoyByITjuLS4/+H5Ud5 test-rsa";
const RSA3072 =
  "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQDq7nBID2HEDfu/F1qY/M4mv/Urrwswmb/GPuLGG1WMXC/+D01bScOhxg/m3N/wxzTsioP9sfVWhRgKypZzDEoMg8b4MK7esLXEKqv6WUl4AF0BcvCsiprU+T+uPkM4aWUv9IsNDPc8+qPtGKOZZMizqjV1D8Mnb+WGRUx0NYgAn61Gkx4R90MCnyNQYLJK/qremKXGOePSgMVZmJgwujsbDGyo8D8nGwHf+SohNJAUQLqTsmD73ziwTOpII7k798a+fq5AMkdpgsfmPgNqJIDWxbZFqz5WEXZvOA1vPm87+E6RxmMIq5U2q6ShIWLiripJs+ceT8s3v7i+OxujNu1Kmogf1lXIkKHzNLCeuGMUhdJKlSBfgJ34Cp+HeFt4FrWSSH1lb7TXTD2Vk+Mx09SGwDR4uDVqcYC1g6D32igNchfzcsylQ2mNk6J3UaqNXE46jYe8APZu4QCCWovPF0T9HUHbX3QqVnph4dRCbmV1/1eoaK4hlPUWYBkspPUW+BU= test-rsa";
const RSA4096 =
  "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAACAQDUptcahkUYa+UDF3yeTVVNqvdLmFe1Suie26LGldwDXQtyKVevaX8MadkGBujTOaroqoNcJT+W/EfhK6V5MkC6EDx6liPAcu8zIu8sBJ29OmA2dSED41sq1cdeRcP3EtUvMusxyCaDFpkbawNHwQQK/Td0qPLAJpVGLhOTWhaakMKliO2NIXECvuwJrx+YeOP59Q2zeiL8qml9uhA0bCVW7N/NIr8i6QgoJtj5WmjeZbk5ds80S2KZMAtvDCYFt0uI8GEL7yPxix2NzDw6AW1HdduHMpWkGLs1xP+OXSTsgnduBTLNvbbwtzln1gEzue71ZSPPGVko1Oep2TOqE2ze0RAFP+cbIFhVZc4b84imx0ypFFPTxsT9/7aw8tMf6oMfD7ydAqXoZqhG7QaVSAiQhmFtoOoFP9dX0qbfSK6tbUXtYOvqgBMK3yyqGZ6vNAymt0iRoODVKFpMf0ZGRPlEipGcXrtzwdvwN7rqetvT+GwFhygCY91unKvFW81C4eMB1c8vFacMaRQEe19wh2C0LV6TooVnsWTYGqa2N2bvnNwod2SmrqLIXFpsxDQDofAQ+TTmICew4GQGX1t4TsVpm/s0O2YsxLFerqaqSKPviWegyoCwrRAtbuEBJ1b1VTp9Saa1p9kKYnfx6emxXWtT1A2cws8RRC66lJsTBdQwHQ== test-rsa4096";
const SK_ED25519 =
  "sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29tAAAAICFo/k5LU8863u66YC9eUO2170QduohPURkQnbLa/dczAAAABHNzaDo= ED25519-SK test key #1";
const SK_ECDSA =
  "sk-ecdsa-sha2-nistp256@openssh.com AAAAInNrLWVjZHNhLXNoYTItbmlzdHAyNTZAb3BlbnNzaC5jb20AAAAIbmlzdHAyNTYAAABBBGdVPkKOLUMZ7b6rZfS8BOHotic4NX4MmuyEmiuvkaeKlbb1F+5oNezRYHpcF6P104trNVEONCu1XX1CA7px+QUAAAAEc3NoOg== ECDSA-SK test key #1";
/** OpenSSH's regress/unittests/sshkey/testdata/ed25519_sk1-cert.pub: a certificate, not a key. */
const SK_CERT =
  "sk-ssh-ed25519-cert-v01@openssh.com AAAAI3NrLXNzaC1lZDI1NTE5LWNlcnQtdjAxQG9wZW5zc2guY29tAAAAIJr7CuMntQKvHoUshx374fJLFEkyxKsEOBA1H6hk5scoAAAAICFo/k5LU8863u66YC9eUO2170QduohPURkQnbLa/dczAAAABHNzaDoAAAAAAAAACAAAAAIAAAAGanVsaXVzAAAAEgAAAAVob3N0MQAAAAVob3N0MgAAAAA2i4NgAAAAAE0d4eAAAAAAAAAAAAAAAAAAAAAzAAAAC3NzaC1lZDI1NTE5AAAAIOo/0xneV3iM2qWEo5RUwvUYa2bjff292T5vvuXRomGQAAAAUwAAAAtzc2gtZWQyNTUxOQAAAECgsRGLDh1SI3m66MRp9D2iLP4wabQ0OrDgGidk7LsVn2XZHV5jBZN1RtNfe6PBMeVzfRtGUzOg18sO7H7uU+EC ED25519-SK test key #1";

const NOT_A_KEY = 'is not an OpenSSH public key (expected one line like "ssh-ed25519 AAAA... comment")';
const ACCEPTED =
  "expected ssh-ed25519, sk-ssh-ed25519@openssh.com, ecdsa-sha2-nistp256, ecdsa-sha2-nistp384, ecdsa-sha2-nistp521, sk-ecdsa-sha2-nistp256@openssh.com, or ssh-rsa of at least 3072 bits";

/** SSH wire encoding (RFC 4251 section 5): each field as a uint32 length and its bytes. */
function wire(...fields: (string | Buffer)[]): Buffer {
  return Buffer.concat(
    fields.map((field) => {
      const bytes = typeof field === "string" ? Buffer.from(field, "latin1") : field;
      const length = Buffer.alloc(4);
      length.writeUInt32BE(bytes.length);
      return Buffer.concat([length, bytes]);
    }),
  );
}

/** The fields of a real key's data. */
function fieldsOf(line: string): Buffer[] {
  const blob = Buffer.from(line.split(" ")[1] ?? "", "base64");
  const fields: Buffer[] = [];
  for (let at = 0; at < blob.length; ) {
    const length = blob.readUInt32BE(at);
    fields.push(blob.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return fields;
}

const keyLine = (type: string, blob: Buffer, comment = "forged") =>
  `${type} ${blob.toString("base64")} ${comment}`;

function accepted(line: string, rules?: { minRsaBits?: number }): SshKey {
  const key = parseSshKey(line, rules);
  if ("problem" in key) assert.fail(`refused: ${key.problem}`);
  return key;
}

function problem(line: string, rules?: { minRsaBits?: number }): string {
  const key = parseSshKey(line, rules);
  assert.ok("problem" in key, `accepted ${line}`);
  return key.problem;
}

describe("parseSshKey accepts what OpenSSH accepts, with ssh-keygen's fingerprint", () => {
  const cases: [string, string, SshKey["type"], number, string][] = [
    ["ed25519", ED25519, "ed25519", 256, "SHA256:5Bcduk1S3n7gj2C/pjmFE2R2KpBsVOc7KtzW071wcfk"],
    ["ecdsa nistp256", ECDSA256, "ecdsa", 256, "SHA256:x6uwFjFRMYIiJ5UUXM5IzTgzzS7VlnatNc1sLMA3TrI"],
    ["ecdsa nistp384", ECDSA384, "ecdsa", 384, "SHA256:reV8MJ7AAmQOk9LVrE10Nk9NxCPp/7DF+QJZyFUa0nY"],
    ["ecdsa nistp521", ECDSA521, "ecdsa", 521, "SHA256:i13FY6qLFb3DskUKZSwVPl9hGI1mu2e77SOVdRXZ7zc"],
    ["rsa 3072", RSA3072, "rsa", 3072, "SHA256:NxOg6QF5rFiXW8jjNDTEOT0me6qH2LobrolsgRaPyYo"],
    ["rsa 4096", RSA4096, "rsa", 4096, "SHA256:Fl+YvJUWSmKYPiazroT09sBIig4dXT16NuUxHt+QxS8"],
    ["FIDO ed25519", SK_ED25519, "sk-ed25519", 256, "SHA256:6WZVJ44bqhAWLVP4Ns0TDkoSQSsZo/h2K+mEvOaNFbw"],
    ["FIDO ecdsa", SK_ECDSA, "sk-ecdsa", 256, "SHA256:Go7HO0CVPYG+BSDSk9ZUJBKGSrtBExp6obTa9iqzIUo"],
  ];
  for (const [name, line, type, bits, fingerprint] of cases) {
    test(name, () => {
      assert.deepEqual(accepted(line), { type, bits, fingerprint, text: line });
    });
  }

  test("RSA of 2048 bits when the caller allows it", () => {
    const key = accepted(RSA2048, { minRsaBits: 2048 });
    assert.equal(key.bits, 2048);
    assert.equal(key.fingerprint, "SHA256:565kDdN0p78Ps3I0v9KKfL67d6ncByAj2QpLIMbzRcQ");
  });

  test("the FIDO keys are exactly their PROTOCOL.u2f fields: type, key, application", () => {
    const [, ed] = fieldsOf(SK_ED25519);
    assert.equal(
      keyLine(
        "sk-ssh-ed25519@openssh.com",
        wire("sk-ssh-ed25519@openssh.com", ed ?? "", "ssh:"),
        "ED25519-SK test key #1",
      ),
      SK_ED25519,
    );
    const [, curve, point] = fieldsOf(SK_ECDSA);
    const blob = wire("sk-ecdsa-sha2-nistp256@openssh.com", curve ?? "", point ?? "", "ssh:");
    assert.equal(
      accepted(keyLine("sk-ecdsa-sha2-nistp256@openssh.com", blob)).fingerprint,
      accepted(SK_ECDSA).fingerprint,
    );
  });

  test("no comment, a comment with spaces, tabs between fields, whitespace around", () => {
    const [type, data] = ED25519.split(" ");
    assert.equal(accepted(`${type} ${data}`).text, `${type} ${data}`);
    assert.equal(accepted(`${type} ${data} Alice Liddell <alice@example.org>`).bits, 256);
    assert.equal(accepted(`${type}\t${data}\t\tcomment`).fingerprint, accepted(ED25519).fingerprint);
    assert.equal(accepted(`  ${ED25519} \n`).text, ED25519);
  });

  test("an RSA number with leading zero bytes: OpenSSH drops them, so does the fingerprint", () => {
    const [, e, n] = fieldsOf(RSA3072);
    const padded = keyLine(
      "ssh-rsa",
      wire("ssh-rsa", Buffer.concat([Buffer.of(0, 0), e ?? Buffer.of()]), n ?? ""),
    );
    assert.equal(accepted(padded).fingerprint, accepted(RSA3072).fingerprint);
  });
});

describe("parseSshKey refuses what OpenSSH refuses, saying why", () => {
  const [, ed25519Data = ""] = ED25519.split(" ");

  test("two base64 characters cut off: once accepted, by eating part of the comment", () => {
    assert.equal(
      problem(`ssh-ed25519 ${ed25519Data.slice(0, -2)} alice@laptop`),
      "is truncated or corrupted (its base64 key data is 66 characters long, expected a multiple of 4)",
    );
  });

  test("four base64 characters cut off: the key data ends early", () => {
    assert.equal(
      problem(`ssh-ed25519 ${ed25519Data.slice(0, -4)} alice@laptop`),
      "is truncated or corrupted (the key data ends early)",
    );
    const [, curve] = fieldsOf(SK_ECDSA);
    assert.equal(
      problem(
        keyLine(
          "sk-ecdsa-sha2-nistp256@openssh.com",
          wire("sk-ecdsa-sha2-nistp256@openssh.com", curve ?? ""),
        ),
      ),
      "is truncated or corrupted (the key data ends early)",
    );
  });

  test("the line's type and the key data's type differ", () => {
    assert.equal(
      problem(`ssh-ed25519 ${SK_ED25519.split(" ")[1]} alice@laptop`),
      "is corrupted (the line says ssh-ed25519 but its key data is an sk-ssh-ed25519@openssh.com key)",
    );
    assert.equal(
      problem(`ecdsa-sha2-nistp384 ${ECDSA256.split(" ")[1]}`),
      "is corrupted (the line says ecdsa-sha2-nistp384 but its key data is an ecdsa-sha2-nistp256 key)",
    );
    const [, , point] = fieldsOf(ECDSA256);
    assert.equal(
      problem(keyLine("ecdsa-sha2-nistp256", wire("ecdsa-sha2-nistp256", "nistp384", point ?? ""))),
      "is corrupted (the line says ecdsa-sha2-nistp256 but its key data names the curve nistp384)",
    );
  });

  test("bytes after the key", () => {
    const blob = Buffer.concat([Buffer.from(ed25519Data, "base64"), Buffer.of(0)]);
    assert.equal(
      problem(keyLine("ssh-ed25519", blob)),
      "is corrupted (its key data has 1 unexpected byte after the key)",
    );
    const [, key] = fieldsOf(SK_ED25519);
    const withExtra = wire("sk-ssh-ed25519@openssh.com", key ?? "", "ssh:", "extra");
    assert.equal(
      problem(keyLine("sk-ssh-ed25519@openssh.com", withExtra)),
      "is corrupted (its key data has 9 unexpected bytes after the key)",
    );
  });

  test("base64 that is not canonical: stray bits, misplaced padding, bad characters", () => {
    const [type, data = ""] = ECDSA256.split(" ");
    assert.ok(data.endsWith("0="));
    assert.equal(
      problem(`${type} ${data.slice(0, -2)}1=`),
      "is corrupted (its base64 key data does not end cleanly: wrong padding or stray bits)",
    );
    assert.equal(
      problem(`${type} ${data.slice(0, -1)}`),
      "is truncated or corrupted (its base64 key data is 139 characters long, expected a multiple of 4)",
    );
    const misplaced = 'is corrupted (its base64 key data has misplaced "=" padding)';
    assert.equal(problem(`ssh-ed25519 ${ed25519Data.slice(0, 20)}=${ed25519Data.slice(21)}`), misplaced);
    assert.equal(problem(`${type} ${data}==`), misplaced);
    assert.equal(problem("ssh-ed25519 not-base64!! carol@laptop"), NOT_A_KEY);
  });

  test("authorized_keys options before the key", () => {
    const expected =
      'starts with authorized_keys options before the key type (expected the key alone, one line like "ssh-ed25519 AAAA... comment")';
    assert.equal(problem(`no-pty ${ED25519}`), expected);
    assert.equal(problem(`command="echo hi",restrict ${ED25519}`), expected);
  });

  test("DSA, certificates and unknown types, naming the accepted ones", () => {
    assert.equal(
      problem("ssh-dss AAAAB3NzaC1kc3MAAACBAPnbGvlxEzP0SpzlSWU8WmjR6qy1bSvD test-dsa"),
      "is a dsa key, which is not accepted (expected ed25519, ecdsa, or RSA >= 3072 bits)",
    );
    assert.equal(
      problem(SK_CERT),
      `is an OpenSSH certificate (sk-ssh-ed25519-cert-v01@openssh.com), not a public key (${ACCEPTED})`,
    );
    const ed448 = keyLine("ssh-ed448", wire("ssh-ed448", Buffer.alloc(57)));
    assert.equal(problem(ed448), `has the key type "ssh-ed448", which is not accepted (${ACCEPTED})`);
    assert.equal(
      problem(`ssh-ed2559 ${ed25519Data}`),
      `has the key type "ssh-ed2559", which is not accepted (${ACCEPTED})`,
    );
  });

  test("RSA keys too weak for the rules, and for OpenSSH whatever the rules", () => {
    assert.equal(
      problem(RSA2048),
      "is an RSA key of 2048 bits, too weak (expected ed25519, ecdsa, or RSA of at least 3072 bits)",
    );
    const n = Buffer.alloc(125, 0xff);
    n[0] = 0x7f; // 999 bits
    const tiny = keyLine("ssh-rsa", wire("ssh-rsa", Buffer.of(1, 0, 1), Buffer.concat([Buffer.of(0), n])));
    assert.equal(
      problem(tiny, { minRsaBits: 512 }),
      "is an RSA key of 999 bits, too weak (expected ed25519, ecdsa, or RSA of at least 1024 bits)",
    );
  });

  test("RSA numbers that are negative or beyond 16384 bits", () => {
    const [, e, n = Buffer.of()] = fieldsOf(RSA3072);
    assert.equal(
      problem(keyLine("ssh-rsa", wire("ssh-rsa", e ?? "", n.subarray(1)))),
      "is corrupted (a number in its RSA key data is negative)",
    );
    const huge = Buffer.concat([Buffer.of(0), Buffer.alloc(2049, 0x7f)]);
    assert.equal(
      problem(keyLine("ssh-rsa", wire("ssh-rsa", e ?? "", huge))),
      "is an RSA key larger than 16384 bits, which OpenSSH refuses",
    );
  });

  test("ECDSA points that are compressed, of the wrong size, or off the curve", () => {
    const [, , point = Buffer.of()] = fieldsOf(ECDSA256);
    const ecdsa = (p: Buffer) => keyLine("ecdsa-sha2-nistp256", wire("ecdsa-sha2-nistp256", "nistp256", p));
    assert.equal(
      problem(ecdsa(Buffer.concat([Buffer.of(2), point.subarray(1, 33)]))),
      "is corrupted (its ECDSA point is not in uncompressed form, which OpenSSH requires)",
    );
    assert.equal(
      problem(ecdsa(point.subarray(0, 64))),
      "is corrupted (its nistp256 point is 64 bytes, expected 65)",
    );
    const moved = Buffer.from(point);
    moved[64] = (moved[64] ?? 0) ^ 1;
    assert.equal(problem(ecdsa(moved)), "is corrupted (its ECDSA point is not on the nistp256 curve)");
  });

  test("an ECDSA point OpenSSH up to 10.2 refuses: x too small (x = 5, on the curve)", () => {
    const x = Buffer.alloc(32);
    x[31] = 5;
    const y = Buffer.from("459243b9aa581806fe913bce99817ade11ca503c64d9a3c533415c083248fbcc", "hex");
    assert.equal(
      problem(
        keyLine(
          "ecdsa-sha2-nistp256",
          wire("ecdsa-sha2-nistp256", "nistp256", Buffer.concat([Buffer.of(4), x, y])),
        ),
      ),
      "is not a usable ECDSA key (its point fails OpenSSH's checks of nistp256 public keys)",
    );
  });

  test("an ed25519 key of the wrong size, a NUL inside a name", () => {
    assert.equal(
      problem(keyLine("ssh-ed25519", wire("ssh-ed25519", Buffer.alloc(31, 1)))),
      "is corrupted (its ed25519 key is 31 bytes, expected 32)",
    );
    const [, key] = fieldsOf(SK_ED25519);
    assert.equal(
      problem(keyLine("sk-ssh-ed25519@openssh.com", wire("sk-ssh-ed25519@openssh.com", key ?? "", "ss\0h:"))),
      "is corrupted (a text field in its key data contains a NUL byte)",
    );
  });

  test("not one line of text", () => {
    assert.equal(problem(""), NOT_A_KEY);
    assert.equal(problem("ssh-ed25519"), NOT_A_KEY);
    assert.equal(problem("ssh-ed25519 alice@laptop"), NOT_A_KEY);
    assert.equal(
      problem(`${ED25519}\n${ECDSA256}`),
      'spans several lines (expected one line like "ssh-ed25519 AAAA... comment")',
    );
    assert.equal(
      problem(`${ED25519} \u001b[31mred`),
      'contains a control character (expected one line like "ssh-ed25519 AAAA... comment")',
    );
  });
});

describe("parseSshKey refuses keys that parse but protect nothing", () => {
  const [, e, n] = fieldsOf(RSA3072) as [Buffer, Buffer, Buffer];
  const rsa = (exponent: Buffer, modulus = n) => keyLine("ssh-rsa", wire("ssh-rsa", exponent, modulus));
  const number = (value: bigint) =>
    Buffer.from(
      value
        .toString(16)
        .padStart(2, "0")
        .replace(/^(.(..)*)$/, "0$1"),
      "hex",
    );

  test("RSA exponents of 0, 1, even or huge; an even modulus; e = 3 is sound", () => {
    assert.equal(accepted(rsa(e)).bits, 3072);
    assert.match(problem(rsa(number(1n))), /^is not a usable RSA key \(its public exponent is 1,/);
    assert.match(problem(rsa(number(65538n))), /its public exponent 65538 is even/);
    assert.match(problem(rsa(Buffer.alloc(0))), /its public exponent 0 is even/);
    assert.match(problem(rsa(number((1n << 257n) + 1n))), /more than 256 bits/);
    const evenModulus = Buffer.from(n);
    evenModulus[evenModulus.length - 1] = (evenModulus.at(-1) ?? 0) & 0xfe;
    assert.match(problem(rsa(e, evenModulus)), /its modulus is even/);
    assert.equal(accepted(rsa(number(3n))).bits, 3072);
  });

  test("every ed25519 point of small order, as libsodium lists them, and points off the curve", () => {
    const smallOrder = [
      "0100000000000000000000000000000000000000000000000000000000000000",
      "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "0000000000000000000000000000000000000000000000000000000000000000",
      "0000000000000000000000000000000000000000000000000000000000000080",
      "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
      "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
      "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
      "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
    ];
    const ed = (hex: string, type = "ssh-ed25519") =>
      keyLine(type, wire(type, Buffer.from(hex, "hex"), ...(type.startsWith("sk-") ? ["ssh:"] : [])));
    for (const hex of smallOrder) {
      assert.match(problem(ed(hex)), /^is not a usable ed25519 key \(its point has small order/, hex);
      assert.match(problem(ed(hex, "sk-ssh-ed25519@openssh.com")), /small order/, hex);
    }
    assert.match(problem(ed(`02${"00".repeat(31)}`)), /not on the ed25519 curve/);
    assert.match(problem(ed(`ed${"ff".repeat(30)}7f`)), /not canonically encoded/);
  });

  test("any ed25519 key made by node:crypto is sound", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (label) => {
        accepted(sshPublicKeyLine(ed25519KeyPair(label).publicKey, "made"));
      }),
      { numRuns: 200 },
    );
  });

  test("a private key is named as such, and never quoted back", () => {
    const body = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW";
    for (const text of [
      `-----BEGIN OPENSSH PRIVATE KEY-----\n${body}\n-----END OPENSSH PRIVATE KEY-----\n`,
      "-----BEGIN RSA PRIVATE KEY----- MIIEowIBAAKCAQEA -----END RSA PRIVATE KEY-----",
      "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----",
      "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----",
      "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n",
      body,
    ]) {
      const refused = problem(text);
      assert.match(refused, /^this is a private key: never share it; paste the \.pub file's line instead/);
      assert.ok(!refused.includes("MIIE") && !refused.includes(body), "the key is not quoted");
    }
  });

  test("public keys in other formats name the conversion", () => {
    assert.match(
      problem("---- BEGIN SSH2 PUBLIC KEY ----\nAAAA\n---- END SSH2 PUBLIC KEY ----"),
      /RFC 4716.*ssh-keygen -i -f/,
    );
    assert.match(
      problem("-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----"),
      /PEM public key.*PKCS8/,
    );
  });
});

describe("sshPublicKeyLine writes a Node.js key as OpenSSH does", () => {
  test("the same line as ssh-keygen for the same ed25519 key", () => {
    const [, key = Buffer.of()] = fieldsOf(ED25519);
    const publicKey = createPublicKey({
      key: { kty: "OKP", crv: "Ed25519", x: key.toString("base64url") },
      format: "jwk",
    });
    assert.equal(sshPublicKeyLine(publicKey, "test-ed25519"), ED25519);
  });

  test("every kind it writes reads back", () => {
    const keys: [KeyObject, SshKey["type"], number][] = [
      [ed25519KeyPair("made").publicKey, "ed25519", 256],
      [fixturePublicKey("ecdsa-p256"), "ecdsa", 256],
      [fixturePublicKey("ecdsa-p384"), "ecdsa", 384],
      [fixturePublicKey("ecdsa-p521"), "ecdsa", 521],
      [fixturePublicKey("rsa-3072"), "rsa", 3072],
    ];
    for (const [publicKey, type, bits] of keys) {
      const key = accepted(sshPublicKeyLine(publicKey, "made"));
      assert.deepEqual([key.type, key.bits], [type, bits]);
    }
  });

  test("a private key gives the line of its public key", () => {
    const { publicKey, privateKey } = ed25519KeyPair("made");
    assert.equal(sshPublicKeyLine(privateKey, "made"), sshPublicKeyLine(publicKey, "made"));
  });
});
