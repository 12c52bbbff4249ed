import {
  body,
  changed,
  changedAttributes,
  code,
  type Describer,
  type Draft,
  listed,
  restChanged,
  text,
} from "./shared";

/**
 * The proxied services (`v0/services.json`): the proxy tiers, the services consul-template
 * publishes through them, and the sites served from fixed fragments.
 */

const names = (value: unknown): string[] => (Array.isArray(value) ? value.map(text) : []);
const shown = (items: readonly string[]) => listed(items.map(code));

export const proxiedService: Describer = (change) => {
  const service = body(change);
  const named =
    service.service === null || service.service === undefined ? "" : `service ${code(service.service)}, `;
  const job = `${named}job ${code(service.job)} in ${code(service.namespace)}`;
  switch (change.action) {
    case "create":
      return [{ text: `publishes ${shown(names(service.names))} (${job}) through ${code(service.tier)}` }];
    case "delete":
      return [{ text: `stops publishing ${shown(names(change.before?.names))} (${job})` }];
    case "update": {
      const drafts: Draft[] = [];
      const [before, after] = [names(change.before?.names), names(change.after?.names)];
      const added = after.filter((n) => !before.includes(n));
      const removed = before.filter((n) => !after.includes(n));
      if (added.length > 0) drafts.push({ text: `publishes ${shown(added)} for ${job}` });
      if (removed.length > 0)
        drafts.push({ text: `stops publishing ${shown(removed)} for ${job}`, removes: true });
      return [...drafts, ...restChanged(change, ["names", "meta"], `the service of ${job}`)];
    }
    default:
      return undefined;
  }
};

export const proxyTier: Describer = (change) => {
  const tier = body(change);
  const label = `proxy tier ${code(tier.tier)}`;
  switch (change.action) {
    case "create":
      return [{ text: `adds ${label} (${code(tier.name)}; members ${shown(names(tier.members))})` }];
    case "delete":
      return [{ text: `removes ${label}` }];
    case "update": {
      const drafts: Draft[] = [];
      const [before, after] = [names(change.before?.members), names(change.after?.members)];
      const added = after.filter((n) => !before.includes(n));
      const removed = before.filter((n) => !after.includes(n));
      if (added.length > 0) drafts.push({ text: `adds ${shown(added)} to ${label}` });
      if (removed.length > 0) drafts.push({ text: `removes ${shown(removed)} from ${label}`, removes: true });
      return [...drafts, ...restChanged(change, ["members"], label)];
    }
    default:
      return undefined;
  }
};

export const siteFragment: Describer = (change) => {
  const site = body(change);
  const label = `site ${code(site.name)}`;
  switch (change.action) {
    case "create":
      return [
        {
          text: `adds ${label} (fixed fragment ${code(site.fragment)} through ${code(site.tier)}, upstream ${code(site.upstream)})`,
        },
      ];
    case "delete":
      return [{ text: `removes ${label}` }];
    case "update":
      return [
        {
          text: `changes ${label}: ${changed(change, "upstream") ? `upstream ${code(change.before?.upstream)} → ${code(change.after?.upstream)}` : changedAttributes(change)}`,
        },
      ];
    default:
      return undefined;
  }
};
