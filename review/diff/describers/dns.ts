import type { Change } from "../model";
import { body, type Context, changedAttributes, code, type Describer, followFor, text } from "./shared";

/** DNS: DigitalOcean records, Route 53 record sets and Cloud DNS record sets, as sentences. */

interface RecordView {
  readonly name: string;
  readonly type: string;
  readonly values: string;
  readonly ttl?: unknown;
}

export function viewDigitalOcean(
  record: Readonly<Record<string, unknown>>,
  change: Change,
  context: Context,
): RecordView {
  const domain = followFor(change, record.domain, context, "name");
  const name = text(record.name);
  const fqdn = domain ? (name === "@" ? domain : `${name}.${domain}`) : name;
  const extras = [record.priority, record.weight, record.port].filter((v) => v !== undefined).map(text);
  const caa = record.tag === undefined ? [] : [text(record.flags ?? 0), text(record.tag)];
  return {
    name: fqdn,
    type: text(record.type),
    values: [...caa, ...extras, text(record.value)].join(" "),
    ttl: record.ttl,
  };
}

/** Record values in a sentence: references unwrapped, long TXT values (DKIM keys) shortened. */
export function short(values: string): string {
  const unwrapped = values.replace(/\$\{([^}]+)\}/g, "$1");
  return unwrapped.length > MAX_VALUE_IN_LINE ? `${unwrapped.slice(0, MAX_VALUE_IN_LINE)}…` : unwrapped;
}

const MAX_VALUE_IN_LINE = 80;

export const recordSetView =
  (valuesKey: string) =>
  (record: Readonly<Record<string, unknown>>): RecordView => ({
    name: text(record.name).replace(/\.$/, ""),
    type: text(record.type),
    values: Array.isArray(record[valuesKey])
      ? (record[valuesKey] as unknown[]).map(text).join(", ")
      : text(record[valuesKey]),
    ttl: record.ttl,
  });

export const dnsRecord =
  (
    view: (record: Readonly<Record<string, unknown>>, change: Change, context: Context) => RecordView,
  ): Describer =>
  (change, context) => {
    const describe = (r: RecordView) => `DNS record ${code(r.name)} ${r.type} → ${code(short(r.values))}`;
    switch (change.action) {
      case "create":
        return [{ text: `adds ${describe(view(body(change), change, context))}` }];
      case "delete":
        return [
          {
            text: `removes ${describe(view(body(change), change, context))}`,
            group: { key: "dns-delete", summary: (n) => `removes ${n} DNS records` },
          },
        ];
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
    }
  };
