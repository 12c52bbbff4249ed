import { absoluteName, relativeName, withoutTrailingDot } from "@void-linux/infra-constructs/dns";
import type { Estate } from "../../inputs/estate";

/**
 * The proxied-services artifact (`services/proxied.json` next to the mirror list): the proxy
 * tiers, every service consul-template publishes with the `nginx_names` meta it must carry, and
 * the fixed site-fragment names. Deterministic: estate order, two-space indent, final newline.
 */
export function proxiedServicesJson({
  dns,
  hosts,
  services,
}: Pick<Estate, "dns" | "hosts" | "services">): string {
  /** Host name as nginx and Consul meta spell it: absolute, no trailing dot. */
  const hostName = (name: string): string => {
    const relative = relativeName(dns.zone, name);
    if ("problem" in relative) throw new Error(relative.problem);
    return withoutTrailingDot(absoluteName(dns.zone, relative.name));
  };
  const document = {
    zone: dns.zone,
    tiers: Object.entries(services.tiers).map(([tier, spec]) => ({
      tier,
      name: hostName(tier),
      job: spec.job,
      namespace: spec.namespace,
      datacenter: spec.datacenter,
      members: spec.members.map((member) => hostName(`${member}.${hosts.subdomain}`)),
    })),
    services: services.proxied.map((service) => {
      const names = service.names.map(hostName);
      return {
        service: service.service ?? null,
        job: service.job,
        namespace: service.namespace,
        datacenters: service.datacenters,
        tier: service.tier,
        names,
        meta: { nginx_enable: "true", nginx_names: names.join(" ") },
      };
    }),
    fragments: services.fragments.map((ui) => ({
      name: hostName(ui.name),
      tier: ui.tier,
      upstream: ui.upstream,
      fragment: ui.fragment,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
