/** The part of punycode.js (RFC 3492) this project uses; the package ships no types. */
declare module "punycode.js" {
  /** The Unicode text of an ASCII Punycode string (without `xn--`); throws a RangeError when it is not valid Punycode. */
  export function decode(input: string): string;
}
