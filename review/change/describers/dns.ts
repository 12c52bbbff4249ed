import { plainText } from "../../markdown";
import type { Body, Change } from "../model";
import {
  body,
  type Context,
  changedAttributes,
  code,
  type Describer,
  type Draft,
  followFor,
  type OutputView,
  text,
} from "./shared";

/** DNS: DigitalOcean records, Route 53 record sets and Cloud DNS record sets, as sentences. */

interface RecordView {
  /** The absolute name, without the trailing dot. */
  readonly name: string;
  readonly type: string;
  readonly values: string;
  readonly ttl?: unknown;
}

type ViewOf = (record: Body, change: Change, context: Context) => RecordView;

export const viewDigitalOcean: ViewOf = (record, change, context) => {
  const domain = followFor(change, record.domain, context, "name");
  const name = text(record.name);
  const fqdn = domain ? (name === "@" ? domain : `${name}.${domain}`) : name;
  // A plan holds the attributes a record does not use as null; a configuration leaves them out.
  const extras = [record.priority, record.weight, record.port].filter((v) => v !== undefined && v !== null);
  const caa =
    record.tag === undefined || record.tag === null ? [] : [text(record.flags ?? 0), text(record.tag)];
  return {
    name: fqdn,
    type: text(record.type),
    values: [...caa, ...extras.map(text), text(record.value)].join(" "),
    ttl: record.ttl,
  };
};

/** Record values in a sentence: references unwrapped, long TXT values (DKIM keys) shortened. */
export function short(values: string): string {
  const unwrapped = values.replace(/\$\{([^}]+)\}/g, "$1");
  return unwrapped.length > MAX_VALUE_IN_LINE ? `${unwrapped.slice(0, MAX_VALUE_IN_LINE)}…` : unwrapped;
}

const MAX_VALUE_IN_LINE = 80;

export const recordSetView =
  (valuesKey: string): ViewOf =>
  (record) => ({
    name: text(record.name).replace(/\.$/, ""),
    type: text(record.type),
    values: Array.isArray(record[valuesKey])
      ? (record[valuesKey] as unknown[]).map(text).join(", ")
      : text(record[valuesKey]),
    ttl: record.ttl,
  });

/** The machine a record names, when it is one of a machine's own address records (`a-hel-fi.m.<zone>` A). */
function machineOf(record: RecordView, context: Context): string | undefined {
  const [machine, label] = record.name.split(".");
  const subdomain = context.review.machineSubdomain;
  if (context.review.inventory || !subdomain || !machine || label !== subdomain) return undefined;
  return record.type === "A" || record.type === "AAAA" ? machine : undefined;
}

/** Every address the machine's records have on one side, IPv4 first. */
function addressesOf(
  machine: string,
  change: Change,
  view: ViewOf,
  side: OutputView | undefined,
  context: Context,
): string[] {
  const records = (side?.resourcesOf(change.type) ?? [])
    .map((r) => view(r, change, context))
    .filter((r) => machineOf(r, context) === machine);
  return ["A", "AAAA"].flatMap((type) => records.filter((r) => r.type === type).map((r) => short(r.values)));
}

/**
 * A machine that comes or goes, in one sentence for all its address records: identical sentences
 * of one output are one line. Its roles come from the estate until an inventory says them.
 */
function machineSentence(machine: string, change: Change, view: ViewOf, context: Context): Draft | undefined {
  const facts = context.review.machines?.get(machine);
  if (change.action === "create" && facts) {
    const addresses = addressesOf(machine, change, view, context.head, { ...context, base: context.head });
    const roles = facts.roles.length > 0 ? `; roles ${facts.roles.map(plainText).join(", ")}` : "";
    return { text: `adds machine ${machine} (${addresses.join(", ")}${roles})` };
  }
  if (change.action === "delete" && !facts) {
    const addresses = addressesOf(machine, change, view, context.base, { ...context, head: context.base });
    return { text: `retires machine ${machine} (${addresses.join(", ")})` };
  }
  return undefined;
}

export const dnsRecord =
  (view: ViewOf): Describer =>
  (change, context) => {
    const describe = (r: RecordView) => `DNS record ${code(r.name)} ${r.type} → ${code(short(r.values))}`;
    switch (change.action) {
      case "create": {
        const record = view(body(change), change, context);
        const machine = machineOf(record, context);
        return [
          (machine ? machineSentence(machine, change, view, context) : undefined) ?? {
            text: `adds ${describe(record)}`,
          },
        ];
      }
      case "delete": {
        const record = view(body(change), change, context);
        const machine = machineOf(record, context);
        return [
          (machine ? machineSentence(machine, change, view, context) : undefined) ?? {
            text: `removes ${describe(record)}`,
            group: { key: "dns-delete", summary: (n) => `removes ${n} DNS records` },
          },
        ];
      }
      case "update": {
        const before = view(change.before ?? {}, change, { ...context, head: context.base });
        const after = view(change.after ?? {}, change, context);
        const parts: string[] = [];
        if (before.name !== after.name) parts.push(`name ${code(before.name)} → ${code(after.name)}`);
        if (before.type !== after.type) parts.push(`type ${before.type} → ${after.type}`);
        if (before.values !== after.values)
          parts.push(`${code(short(before.values))} → ${code(short(after.values))}`);
        if (text(before.ttl) !== text(after.ttl)) parts.push(`TTL ${text(before.ttl)} → ${text(after.ttl)}`);
        if (parts.length === 0) parts.push(changedAttributes(change));
        return [{ text: `changes DNS record ${code(after.name)} ${after.type}: ${parts.join(", ")}` }];
      }
      default:
        return undefined;
    }
  };
