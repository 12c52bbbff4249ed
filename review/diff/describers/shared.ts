import { inlineCode, plainText } from "../../markdown";
import type { Change, StackJson } from "../model";

/** What a describer returns; the stack, action and addresses are filled in from the change. */
export interface Draft {
  readonly text: string;
  /** Warn even though nothing is deleted: owners, admin, policies, roles. */
  readonly sensitive?: boolean;
  readonly ruleDiff?: string;
  /** Lines of one stack sharing a group merge into one sentence when there are several. */
  readonly group?: { readonly key: string; readonly summary: (count: number) => string };
}

export interface Context {
  /** The base and head versions of the change's stack, to follow `${type.name.attr}` references. */
  readonly base?: StackJson;
  readonly head?: StackJson;
  readonly review: ReviewContext;
}

/** What the synthesized outputs do not say but the review should: who people are, which team is powerful. */
export interface ReviewContext {
  /** Display names by lower-cased login, from the maintainer files of base and head. */
  readonly people?: ReadonlyMap<string, string>;
  /** The operators' team: joining it is a grant of power, marked like one. */
  readonly operatorTeam?: string;
}

export type Describer = (change: Change, context: Context) => Draft[];

export const code = (value: unknown) => inlineCode(String(value));

/** `Alice Liddell (@alice)` when the login has a known name, else `@alice`; the name is escaped. */
export function person(login: string, context: Context): string {
  const name = context.review.people?.get(login.toLowerCase());
  return name && name.toLowerCase() !== login.toLowerCase() ? `${plainText(name)} (@${login})` : `@${login}`;
}

export function text(value: unknown): string {
  if (value === undefined) return "(none)";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The body the change has on its side: after for create/update, before for delete. */
export const body = (change: Change): Readonly<Record<string, unknown>> =>
  change.after ?? change.before ?? {};

export const changed = (change: Change, attribute: string) =>
  change.attributes.some(
    (a) => a.path === attribute || a.path.startsWith(`${attribute}.`) || a.path.startsWith(`${attribute}[`),
  );

/** Top-level attribute names that changed, e.g. `description, topics`. */
export function changedAttributes(change: Change, limit = 5): string {
  const names = [...new Set(change.attributes.map((a) => a.path.split(/[.[]/)[0] || a.path))];
  const shown = names.slice(0, limit).join(", ");
  return names.length > limit ? `${shown} and ${names.length - limit} more` : shown;
}

const REFERENCE = /^\$\{([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.[A-Za-z0-9_]+\}$/;

/** The literal `attribute` of the resource a `${type.name.attr}` reference points at, if any. */
export function follow(value: unknown, stack: StackJson | undefined, attribute: string): string | undefined {
  if (typeof value !== "string") return undefined;
  const match = REFERENCE.exec(value);
  if (!match) return value.includes("${") ? undefined : value;
  const resources = stack?.resource as Record<string, Record<string, Record<string, unknown>>> | undefined;
  const target = resources?.[match[1]]?.[match[2]]?.[attribute];
  return typeof target === "string" && !target.includes("${") ? target : undefined;
}

/** Follows a reference in the version of the stack the change's body comes from. */
export function followFor(
  change: Change,
  value: unknown,
  context: Context,
  attribute: string,
): string | undefined {
  const stack = change.action === "delete" ? context.base : context.head;
  return follow(value, stack, attribute) ?? follow(value, context.base ?? context.head, attribute);
}

export function beforeAfter(change: Change, attribute: string): [unknown, unknown] {
  return [change.before?.[attribute], change.after?.[attribute]];
}

/** "changes `address`: attr, attr" for an update no describer has a better sentence for. */
export function genericUpdate(change: Change, sensitive = false): Draft[] {
  return [{ text: `changes ${code(change.address)}: ${changedAttributes(change)}`, sensitive }];
}
