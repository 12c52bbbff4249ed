import { plainText } from "../../markdown";
import { textDiff } from "../../text-diff";
import { ruleDiff } from "./policy";
import { beforeAfter, body, code, type Describer, type Draft, text } from "./shared";

/**
 * The mirror list xmirror publishes (`v0/mirrors.json`) and the files derived from it: the
 * Prometheus probe targets, and any text artifact (`raw/mirrors.lst`), told by what they add and
 * remove.
 */

const words = (value: unknown) => plainText(text(value));

export const xmirrorMirror: Describer = (change) => {
  const mirror = body(change);
  const url = code(mirror.base_url);
  const where = `${words(mirror.region)}, ${words(mirror.location)}`;
  switch (change.action) {
    case "create":
      return [
        {
          text: `adds mirror ${url} (${where}, tier ${text(mirror.tier)}${mirror.enabled === false ? ", disabled" : ""})`,
        },
      ];
    case "delete":
      return [{ text: `removes mirror ${url} (${where})` }];
    case "update": {
      const drafts: Draft[] = [];
      const [wasEnabled, isEnabled] = beforeAfter(change, "enabled");
      if (wasEnabled !== isEnabled)
        drafts.push(
          isEnabled === false
            ? { text: `disables mirror ${url} (${where})`, removes: true }
            : { text: `enables mirror ${url} (${where})` },
        );
      const parts = ["region", "location", "tier"].flatMap((field) => {
        const [before, after] = beforeAfter(change, field);
        return before === after ? [] : [`${field} ${words(before)} → ${words(after)}`];
      });
      if (parts.length > 0) drafts.push({ text: `changes mirror ${url}: ${parts.join(", ")}` });
      return drafts;
    }
    default:
      return undefined;
  }
};

/** ` (restates `v0/mirrors.json`)`: what a derived file only restates, if anything. */
const restates = (change: Parameters<Describer>[0]) => {
  const from = body(change).derivedFrom;
  return from === undefined ? "" : ` (restates ${code(from)})`;
};

/** Prometheus's probe targets, one per mirror, grouped: a file that only restates the mirror list. */
export const prometheusTarget: Describer = (change) => {
  const target = code(body(change).target);
  switch (change.action) {
    case "create":
      return [
        {
          text: `probes ${target}${restates(change)}`,
          derived: true,
          group: { key: "targets-added", summary: (n) => `probes ${n} more targets${restates(change)}` },
        },
      ];
    case "delete":
      return [
        {
          text: `no longer probes ${target}${restates(change)}`,
          derived: true,
          group: {
            key: "targets-removed",
            summary: (n) => `no longer probes ${n} targets${restates(change)}`,
          },
        },
      ];
    default:
      return undefined;
  }
};

/** A text artifact: how many lines it gains and loses, with the lines themselves as a diff. */
export const artifactText: Describer = (change) => {
  const lines = (side: typeof change.before) => (side === undefined ? "" : text(side.text));
  const [before, after] = [lines(change.before), lines(change.after)];
  const diff = textDiff(before, after);
  const count = (sign: string) => diff.split("\n").filter((l) => l.startsWith(sign)).length;
  const plural = (n: number) => (n === 0 ? "none" : `${n} line${n === 1 ? "" : "s"}`);
  const what =
    change.action === "create"
      ? `writes ${plural(count("+"))}`
      : change.action === "delete"
        ? `is no longer written (${plural(count("-"))})`
        : `${plural(count("+"))} added, ${plural(count("-"))} removed`;
  return [{ text: `${what}${restates(change)}`, ruleDiff: ruleDiff(before, after), derived: true }];
};
