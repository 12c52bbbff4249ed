import { Construct, Token } from "../cdktf";
import { check, ValidationError } from "../validation";
import { ipv4Problem, ipv6Problem } from "./address";
import type { RecordSet, ZoneBackend } from "./backend";
import { DigitalOceanZoneBackend } from "./digitalocean";
import { GoogleZoneBackend } from "./google";
import { absoluteName, canonicalZoneName, relativeName, targetProblem } from "./names";
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
import { Route53ZoneBackend } from "./route53";

/** Where a zone is hosted; one typed choice per provider. */
export type DnsProvider =
  | { readonly kind: "digitalocean" }
  | {
      readonly kind: "route53";
      /** Hosted zone comment; default none. */
      readonly comment?: string;
      /** Id of an existing hosted zone; required when the zone is `existing`. */
      readonly zoneId?: string;
    }
  | {
      readonly kind: "google";
      /** Cloud DNS managed zone name; default the zone name with dots turned into dashes. */
      readonly managedZoneName?: string;
      /** GCP project; default the provider's project. */
      readonly project?: string;
      /** Managed zone description; default the provider's ("Managed by Terraform"). */
      readonly description?: string;
    };

export type DnsProviderKind = DnsProvider["kind"];

export interface DnsZoneProps {
  /** Domain name of the zone, e.g. `example.org`; a trailing dot is dropped. */
  readonly zoneName: string;
  /** Where the zone is hosted; default DigitalOcean. */
  readonly provider?: DnsProvider;
  /** The zone itself exists and is managed elsewhere, only records are written here; default false. */
  readonly existing?: boolean;
  /** Prefix of the records' Terraform logical ids; default `record`. Set it when a stack holds several zones. */
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

type RecordData = Omit<DnsRecord, "name" | "type" | "ttl" | "key" | "keyed">;

interface MutableSet extends RecordSet {
  readonly records: DnsRecord[];
  readonly signatures: Set<string>;
}

/**
 * A DNS zone and its records, provider-agnostic. Names may be relative (`www`, `@` for the apex)
 * or absolute (`www.example.org.`); they are stored relative. Every record is checked where it is
 * added, and the error names this construct's path and the rule that was broken.
 */
export class DnsZone extends Construct implements IDnsZone {
  readonly zoneName: string;
  readonly providerKind: DnsProviderKind;
  private readonly backend: ZoneBackend;
  private readonly sets = new Map<string, MutableSet>();
  private readonly typesByName = new Map<string, Set<RecordType>>();
  private readonly all: DnsRecord[] = [];

  constructor(scope: Construct, id: string, props: DnsZoneProps) {
    super(scope, id);
    const zone = canonicalZoneName(props.zoneName);
    if ("problem" in zone) throw new ValidationError(this, zone.problem);
    this.zoneName = zone.name;
    const provider = props.provider ?? { kind: "digitalocean" };
    this.providerKind = provider.kind;
    const existing = props.existing ?? false;
    const idPrefix = props.idPrefix ?? "record";
    switch (provider.kind) {
      case "digitalocean":
        this.backend = new DigitalOceanZoneBackend(this, this.zoneName, idPrefix, existing);
        break;
      case "route53":
        check(this, !existing || provider.zoneId, "an existing Route53 zone needs provider.zoneId");
        this.backend = new Route53ZoneBackend(
          this,
          this.zoneName,
          idPrefix,
          existing ? provider.zoneId : undefined,
          provider.comment,
        );
        break;
      case "google":
        this.backend = new GoogleZoneBackend(this, this.zoneName, idPrefix, {
          existing,
          managedZoneName: provider.managedZoneName ?? this.zoneName.replace(/\./g, "-"),
          project: provider.project,
          description: provider.description,
        });
        break;
    }
  }

  /** Every record value added so far, in insertion order (names relative). */
  get records(): readonly DnsRecord[] {
    return this.all;
  }

  /** DigitalOcean URN of the domain, for project membership. Only for a DigitalOcean zone managed here. */
  get urn(): string {
    const urn = this.backend.urn;
    check(this, urn !== undefined, "only a DigitalOcean zone managed in this stack has a URN");
    return urn;
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
    this.checkCname(name, type);

    const setKey = `${name} ${type}`;
    let set = this.sets.get(setKey);
    if (!set) {
      set = { name, type, ttl: options.ttl, records: [], signatures: new Set() };
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
      check(
        this,
        type !== "CNAME" || set.records.length === 0,
        () => `${where}: a name can hold only one CNAME`,
      );
      const key = options.key ?? data.value;
      const record: DnsRecord = {
        name,
        type,
        ...data,
        ttl: options.ttl,
        key,
        keyed: options.key !== undefined,
      };
      set.signatures.add(signature);
      set.records.push(record);
      if (set.records.length > 1) {
        const unnamed = set.records.find((r) => Token.isUnresolved(r.key));
        check(
          this,
          unnamed === undefined,
          `${where}: a value known only after apply is part of a round-robin set (expected options.key to name it)`,
        );
      }
      this.all.push(record);
      this.backend.recordAdded(set, record);
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

function list<T>(value: T | readonly T[]): readonly T[] {
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}
