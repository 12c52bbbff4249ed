import { Construct, type TerraformResource, Token } from "../cdktf";
import { check, ValidationError } from "../core";
import { pathId } from "../terraform/logical-id";
import { ipv4Problem, ipv6Problem } from "./address";
import type { RecordSet, ZoneBackend, ZoneBackendFactory } from "./backend";
import { absoluteName, canonicalZoneName, relativeName, targetProblem, valueKey } from "./names";
import {
  type CaaValue,
  type DnsRecord,
  type DnsTarget,
  MAX_TTL,
  MIN_TTL,
  type MxValue,
  type RecordOptions,
  type RecordType,
  type SrvValue,
} from "./record";

export interface DnsZoneProps<B extends ZoneBackend = ZoneBackend> {
  /** Domain name of the zone, e.g. `example.org`; a trailing dot is dropped. */
  readonly zoneName: string;
  /**
   * Where the zone is hosted and how its records become resources: `digitalOceanDns()`,
   * `route53Dns()`, `cloudDns()`, or a factory of your own.
   */
  readonly backend: ZoneBackendFactory<B>;
  /**
   * Prefix of the records' Terraform logical ids. A clash of two zones' addresses fails, naming both.
   * @default the zone's construct path below its stack, so two zones of one stack get distinct addresses
   */
  readonly idPrefix?: string;
}

/** What other constructs (hosts, mirrors, proxies, CDN fronts) need from a zone. */
export interface IDnsZone {
  /** Canonical zone name: lower case, no trailing dot. */
  readonly zoneName: string;
  /** Zone-relative form of `name` (`@` for the apex); throws a ValidationError when outside the zone. */
  relative(name: string): string;
  /** Absolute form of `name` with a trailing dot. */
  absolute(name: string): string;
  a(name: string, addresses: string | readonly string[], options?: RecordOptions): this;
  aaaa(name: string, addresses: string | readonly string[], options?: RecordOptions): this;
  cname(name: string, target: DnsTarget, options?: RecordOptions): this;
  txt(name: string, texts: string | readonly string[], options?: RecordOptions): this;
  mx(name: string, exchanges: MxValue | readonly MxValue[], options?: RecordOptions): this;
  srv(name: string, targets: SrvValue | readonly SrvValue[], options?: RecordOptions): this;
  caa(name: string, values: CaaValue | readonly CaaValue[], options?: RecordOptions): this;
}

type RecordData = Omit<DnsRecord, "name" | "type" | "ttl" | "key">;

/** A record value and the resource that publishes it. */
export interface ZoneRecord extends DnsRecord {
  readonly resource: TerraformResource;
}

interface MutableSet extends RecordSet {
  readonly records: DnsRecord[];
  readonly signatures: Set<string>;
  /** The keys of `records`. */
  readonly keys: Set<string>;
}

/**
 * A DNS zone and its records, provider-agnostic: the backend decides which resources hold them.
 * Names may be relative (`www`, `@` for the apex) or absolute (`www.example.org.`); they are
 * stored relative. Every record is checked where it is added, and the error names this
 * construct's path and the rule that was broken.
 */
export class DnsZone<B extends ZoneBackend = ZoneBackend> extends Construct implements IDnsZone {
  readonly zoneName: string;
  /** The provider side of the zone, e.g. a `DigitalOceanZoneBackend` with its `domain`. */
  readonly backend: B;
  private readonly sets = new Map<string, MutableSet>();
  private readonly typesByName = new Map<string, Set<RecordType>>();
  private readonly all: ZoneRecord[] = [];

  constructor(scope: Construct, id: string, props: DnsZoneProps<B>) {
    super(scope, id);
    const zone = canonicalZoneName(props.zoneName);
    if ("problem" in zone) throw new ValidationError(this, zone.problem);
    this.zoneName = zone.name;
    this.backend = props.backend({
      zone: this,
      zoneName: this.zoneName,
      idPrefix: props.idPrefix ?? pathId(this),
    });
  }

  /** Every record value added so far, in insertion order (names relative), with its resource. */
  get records(): readonly ZoneRecord[] {
    return this.all;
  }

  relative(name: string): string {
    const result = relativeName(this.zoneName, name);
    if ("problem" in result) throw new ValidationError(this, result.problem);
    return result.name;
  }

  absolute(name: string): string {
    return absoluteName(this.zoneName, this.relative(name));
  }

  a(name: string, addresses: string | readonly string[], options: RecordOptions = {}): this {
    return this.add(name, "A", list(addresses).map(this.address("A", name, ipv4Problem)), options);
  }

  aaaa(name: string, addresses: string | readonly string[], options: RecordOptions = {}): this {
    return this.add(name, "AAAA", list(addresses).map(this.address("AAAA", name, ipv6Problem)), options);
  }

  cname(name: string, target: DnsTarget, options: RecordOptions = {}): this {
    return this.add(name, "CNAME", [{ value: this.target("CNAME", name, target) }], options);
  }

  txt(name: string, texts: string | readonly string[], options: RecordOptions = {}): this {
    return this.add(
      name,
      "TXT",
      list(texts).map((value) => ({ value })),
      options,
    );
  }

  mx(name: string, exchanges: MxValue | readonly MxValue[], options: RecordOptions = {}): this {
    const values = list(exchanges).map((mx) => {
      this.checkRange("MX", name, "priority", mx.priority, 65535);
      return { value: this.target("MX", name, mx.target), priority: mx.priority };
    });
    return this.add(name, "MX", values, options);
  }

  srv(name: string, targets: SrvValue | readonly SrvValue[], options: RecordOptions = {}): this {
    const values = list(targets).map((srv) => {
      this.checkRange("SRV", name, "priority", srv.priority, 65535);
      this.checkRange("SRV", name, "weight", srv.weight, 65535);
      this.checkRange("SRV", name, "port", srv.port, 65535);
      return {
        value: this.target("SRV", name, srv.target),
        priority: srv.priority,
        weight: srv.weight,
        port: srv.port,
      };
    });
    return this.add(name, "SRV", values, options);
  }

  caa(name: string, values: CaaValue | readonly CaaValue[], options: RecordOptions = {}): this {
    const data = list(values).map((caa) => {
      const flags = caa.flags ?? 0;
      this.checkRange("CAA", name, "flags", flags, 255);
      check(
        this,
        ["issue", "issuewild", "iodef"].includes(caa.tag),
        () => `record "${name}" CAA: tag "${caa.tag}" is not a CAA tag (expected issue, issuewild or iodef)`,
      );
      return { value: caa.value, flags, tag: caa.tag };
    });
    return this.add(name, "CAA", data, options);
  }

  private address(type: RecordType, name: string, problem: (value: string) => string | undefined) {
    return (value: string): RecordData => {
      const why = problem(value);
      if (why) throw new ValidationError(this, `record "${name}" ${type}: ${why}`);
      return { value };
    };
  }

  private target(type: RecordType, name: string, target: DnsTarget): string {
    const value = typeof target === "string" ? target : target.fqdn;
    const why = targetProblem(value);
    if (why) throw new ValidationError(this, `record "${name}" ${type}: ${why}`);
    return Token.isUnresolved(value) ? value : value.toLowerCase();
  }

  private checkRange(
    type: RecordType,
    name: string,
    field: string,
    value: number | undefined,
    max: number,
  ): void {
    check(
      this,
      value !== undefined && Number.isInteger(value) && value >= 0 && value <= max,
      () =>
        `record "${name}" ${type}: ${field} ${value === undefined ? "is missing" : `${value} is out of range`} (expected an integer 0..${max})`,
    );
  }

  private add(
    inputName: string,
    type: RecordType,
    values: readonly RecordData[],
    options: RecordOptions,
  ): this {
    const name = this.relative(inputName);
    const where = `record "${name}" ${type}`;
    check(this, values.length > 0, `${where}: no values given (expected at least one)`);
    check(
      this,
      options.ttl === undefined ||
        (Number.isInteger(options.ttl) && options.ttl >= MIN_TTL && options.ttl <= MAX_TTL),
      () =>
        `${where}: TTL ${options.ttl} is out of bounds (expected an integer ${MIN_TTL}..${MAX_TTL} seconds)`,
    );
    check(
      this,
      options.key === undefined || values.length === 1,
      `${where}: a key names one value, but ${values.length} were given`,
    );
    const exclusive = type === "CNAME" || options.exclusive === true;
    this.checkCname(name, type);

    const setKey = `${name} ${type}`;
    let set = this.sets.get(setKey);
    if (!set) {
      set = { name, type, ttl: options.ttl, exclusive, records: [], signatures: new Set(), keys: new Set() };
      this.sets.set(setKey, set);
      const types = this.typesByName.get(name) ?? new Set<RecordType>();
      types.add(type);
      this.typesByName.set(name, types);
    }
    check(
      this,
      set.ttl === options.ttl,
      () =>
        `${where}: TTL ${options.ttl ?? "default"} differs from the set's TTL ${set.ttl ?? "default"} (expected one TTL per name and type)`,
    );
    check(
      this,
      set.exclusive === exclusive,
      `${where}: the set was declared ${set.exclusive ? "exclusive" : "open"} before (expected the same every time)`,
    );
    for (const data of values) {
      const signature = JSON.stringify([
        data.value,
        data.priority,
        data.weight,
        data.port,
        data.flags,
        data.tag,
      ]);
      check(
        this,
        !set.signatures.has(signature),
        () => `${where}: duplicate record ${data.value} (each value may appear once)`,
      );
      check(this, !set.exclusive || set.records.length === 0, () =>
        type === "CNAME"
          ? `${where}: a name can hold only one CNAME`
          : `${where}: the set is exclusive and already holds ${set.records[0]?.value} (expected one value)`,
      );
      const key = options.key ?? (Token.isUnresolved(data.value) ? undefined : valueKey(signatureText(data)));
      check(
        this,
        key !== undefined || set.exclusive,
        `${where}: a value known only after apply needs options.key or options.exclusive to name it`,
      );
      check(
        this,
        key === undefined || !set.keys.has(key),
        () => `${where}: key "${key}" names two values (expected one key per value)`,
      );
      const record: DnsRecord = { name, type, ...data, ttl: options.ttl, key: key ?? "" };
      set.signatures.add(signature);
      set.keys.add(record.key);
      set.records.push(record);
      this.all.push({ ...record, resource: this.backend.recordAdded(set, record) });
    }
    return this;
  }

  /** RFC 1034 3.6.2 / RFC 1912 2.4: a CNAME owns its name alone and never sits at the apex. */
  private checkCname(name: string, type: RecordType): void {
    if (type === "CNAME")
      check(
        this,
        name !== "@",
        `record "@" CNAME: a CNAME cannot be at the zone apex (expected A/AAAA records there)`,
      );
    const existing = this.typesByName.get(name);
    if (!existing) return;
    const others = [...existing].filter((t) => t !== type);
    if (type === "CNAME" && others.length > 0) {
      throw new ValidationError(
        this,
        `record "${name}" CNAME: a CNAME cannot share its name with other records (found ${others.join(", ")})`,
      );
    }
    if (type !== "CNAME" && existing.has("CNAME")) {
      throw new ValidationError(
        this,
        `record "${name}" ${type}: the name already has a CNAME, which cannot share its name with other records`,
      );
    }
  }
}

/** The value with the fields that tell it apart from its siblings (MX priority, SRV port, CAA tag). */
function signatureText(data: RecordData): string {
  const extras = [data.flags, data.tag, data.priority, data.weight, data.port].filter((x) => x !== undefined);
  return [...extras, data.value].join(" ");
}

function list<T>(value: T | readonly T[]): readonly T[] {
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}
