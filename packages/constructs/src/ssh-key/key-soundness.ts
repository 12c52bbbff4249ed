/**
 * Public keys that parse but protect nothing. OpenSSH reads them, so the format checks of
 * `ssh-key.ts` pass them; these checks refuse them by the mathematics of each key type:
 *
 * - RSA: the exponent must be odd (an even one has no private key), at least 3 (e = 1 leaves a
 *   message as it is, so anyone can forge signatures) and at most 256 bits (NIST SP 800-56B; so
 *   below every modulus OpenSSH accepts); the modulus must be odd (an even one is factored by 2).
 * - ed25519: the point must be canonically encoded, on the curve, and not of small order (the
 *   all-zero key is one: any signature with a small-order R and S = 0 verifies against it).
 */

const RSA_MAX_EXPONENT_BITS = 256;

/** Why an RSA public key with exponent `e` and modulus `n` is unusable, or undefined. */
export function rsaKeyProblem(e: bigint, n: bigint): string | undefined {
  if (e === 1n)
    return "its public exponent is 1, which leaves messages unchanged: anyone could forge its signatures";
  if (e % 2n === 0n)
    return `its public exponent ${e <= 1n << 64n ? `${e} ` : ""}is even, which no RSA key pair can have`;
  if (e.toString(2).length > RSA_MAX_EXPONENT_BITS)
    return `its public exponent has more than ${RSA_MAX_EXPONENT_BITS} bits, where 65537 is usual`;
  if (n % 2n === 0n) return "its modulus is even, so anyone can factor it";
  return undefined;
}

// Curve25519 in twisted Edwards form (RFC 8032 section 5.1): -x² + y² = 1 + d·x²·y² over p.
const P = (1n << 255n) - 19n;
const D = mod(-121665n * inverse(121666n));
const SQRT_M1 = power(2n, (P - 1n) / 4n);

/** Why a 32-byte ed25519 public key is unusable, or undefined (RFC 8032 section 5.1.3 decoding). */
export function ed25519KeyProblem(key: Uint8Array): string | undefined {
  let encoded = 0n;
  for (let i = key.length - 1; i >= 0; i--) encoded = (encoded << 8n) | BigInt(key[i] ?? 0);
  const y = encoded & ((1n << 255n) - 1n);
  const sign = encoded >> 255n;
  if (y >= P) return "its point is not canonically encoded";
  const u = mod(y * y - 1n);
  const v = mod(D * y * y + 1n);
  let x = mod(u * power(v, 3n) * power(u * power(v, 7n), (P - 5n) / 8n));
  if (mod(v * x * x) !== u) {
    if (mod(v * x * x) !== mod(-u)) return "its point is not on the ed25519 curve";
    x = mod(x * SQRT_M1);
  }
  if (x === 0n && sign === 1n) return "its point is not canonically encoded";
  if ((x & 1n) !== sign) x = mod(-x);
  if (isIdentity(timesEight(x, y)))
    return "its point has small order, as the all-zero key's does: signatures for it can be forged";
  return undefined;
}

/** A point in projective coordinates (X : Y : Z), the affine (X/Z, Y/Z): adding needs no inverse. */
interface Projective {
  readonly X: bigint;
  readonly Y: bigint;
  readonly Z: bigint;
}

/** 8·(x, y), by three doublings (RFC 8032 section 5.1.4, whose formulas leave T aside). */
function timesEight(x: bigint, y: bigint): Projective {
  let point: Projective = { X: x, Y: y, Z: 1n };
  for (let i = 0; i < 3; i++) {
    const { X, Y, Z } = point;
    const A = mod(X * X);
    const B = mod(Y * Y);
    const C = mod(2n * Z * Z);
    const H = A + B;
    const E = mod(H - (X + Y) * (X + Y));
    const G = A - B;
    const F = C + G;
    point = { X: mod(E * F), Y: mod(G * H), Z: mod(F * G) };
  }
  return point;
}

/** Whether a projective point is the identity (0, 1). */
function isIdentity({ X, Y, Z }: Projective): boolean {
  return X === 0n && Y === Z;
}

function mod(value: bigint): bigint {
  const r = value % P;
  return r < 0n ? r + P : r;
}

function power(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = mod(base);
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % P;
    b = (b * b) % P;
  }
  return result;
}

function inverse(value: bigint): bigint {
  return power(value, P - 2n);
}
