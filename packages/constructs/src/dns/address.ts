import { isIPv4, isIPv6 } from "node:net";
import { Token } from "../cdktf";

/** Why `value` is not an IPv4 address in dotted-quad form, or undefined when it is (or is a token). */
export function ipv4Problem(value: string): string | undefined {
  if (Token.isUnresolved(value) || isIPv4(value)) return undefined;
  return `"${value}" is not an IPv4 address (expected dotted-quad form, e.g. 192.0.2.10)`;
}

/** Why `value` is not an IPv6 address, or undefined when it is (or is a token). Zone ids (`%eth0`) are refused. */
export function ipv6Problem(value: string): string | undefined {
  if (Token.isUnresolved(value) || (isIPv6(value) && !value.includes("%"))) return undefined;
  return `"${value}" is not an IPv6 address (expected RFC 4291 text form, e.g. 2001:db8::10)`;
}
