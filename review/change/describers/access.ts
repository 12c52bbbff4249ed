import { parseSshKey } from "@void-linux/infra-constructs/ssh-key";
import { plainText } from "../../markdown";
import type { Body } from "../model";
import {
  body,
  type Context,
  code,
  type Describer,
  type Draft,
  genericUpdate,
  listed,
  person,
  text,
  untold,
} from "./shared";

/**
 * NetAuth's import (`netauth/access.json`): people with their keys and email, and the access groups
 * derived from teams. A group the estate flags `host_login` lets its members log in to machines, so
 * joining it, and a new key of anyone in it, are grants of power.
 */

interface Key {
  readonly value: string;
  readonly fingerprint: string;
}

const keysOf = (entity: Body | undefined): Key[] =>
  (Array.isArray(entity?.keys) ? entity.keys : []).map((k: { value?: unknown; fingerprint?: unknown }) => ({
    value: text(k?.value),
    fingerprint: text(k?.fingerprint),
  }));

const groupsOf = (entity: Body | undefined): string[] =>
  (Array.isArray(entity?.groups) ? entity.groups : []).map(text);

/** Group names in a sentence: data from a file, so escaped. */
const named = (groups: readonly string[]) => listed(groups.map(plainText));

/** `ED25519 SHA256:…` or `RSA 4096 SHA256:…`, as `ssh-keygen -l` names a key. */
function keyLabel(key: Key): string {
  const parsed = parseSshKey(key.value);
  if ("problem" in parsed) return plainText(`${key.value.split(/\s/)[0] ?? "key"} ${key.fingerprint}`);
  const type = parsed.type.startsWith("sk-")
    ? `${parsed.type.slice(3).toUpperCase()}-SK`
    : parsed.type.toUpperCase();
  return `${type}${parsed.type === "ed25519" || parsed.type === "sk-ed25519" ? "" : ` ${parsed.bits}`} ${parsed.fingerprint}`;
}

const hostLogin = (groups: readonly string[], context: Context) =>
  groups.filter((g) => context.review.hostLoginGroups?.has(g));

/** What a key opens: host logins through the host-login groups, or what the other groups admit. */
function reach(groups: readonly string[], context: Context): string {
  const logins = hostLogin(groups, context);
  if (logins.length > 0) return `host login through ${named(logins)}`;
  return groups.length > 0 ? `access through ${named(groups)}` : "no group admits it";
}

/** The login a person's entity stands for (wherever the organization keeps its people's files), else its id. */
const loginOf = (entity: Body): string =>
  entity.login === undefined ? plainText(text(entity.id)) : text(entity.login);

export const netauthEntity: Describer = (change, context) => {
  const entity = body(change);
  const login = loginOf(entity);
  const who = person(login, context);
  const people = [login];
  const keyAdded = (key: Key, groups: string[]): Draft => ({
    text: `adds an SSH key (${keyLabel(key)}) to ${who}: ${reach(groups, context)}`,
    sensitive: hostLogin(groups, context).length > 0,
    people,
  });
  switch (change.action) {
    case "create": {
      const groups = groupsOf(change.after);
      const logins = hostLogin(groups, context);
      return [
        {
          text: `adds ${who} to NetAuth${groups.length > 0 ? `, in ${named(groups)}` : ", in no group"}${logins.length > 0 ? ` (host login through ${named(logins)})` : ""}`,
          sensitive: logins.length > 0,
          people,
        },
        ...keysOf(change.after).map((key) => keyAdded(key, groups)),
      ];
    }
    case "delete": {
      const groups = groupsOf(change.before);
      return [
        {
          text: `removes ${who} from NetAuth's import${groups.length > 0 ? `, and so from ${named(groups)}` : ""}`,
          people,
        },
      ];
    }
    case "update": {
      const drafts: Draft[] = [];
      const [groupsBefore, groupsAfter] = [groupsOf(change.before), groupsOf(change.after)];
      const keysBefore = new Set(keysOf(change.before).map((k) => k.fingerprint));
      const keysAfter = new Set(keysOf(change.after).map((k) => k.fingerprint));
      for (const group of groupsAfter.filter((g) => !groupsBefore.includes(g))) {
        const login = hostLogin([group], context).length > 0;
        drafts.push({
          text: `adds ${who} to NetAuth group ${plainText(group)}${login ? ": host login" : ""}`,
          sensitive: login,
          people,
        });
      }
      for (const group of groupsBefore.filter((g) => !groupsAfter.includes(g)))
        drafts.push({ text: `removes ${who} from NetAuth group ${plainText(group)}`, removes: true, people });
      for (const key of keysOf(change.after).filter((k) => !keysBefore.has(k.fingerprint)))
        drafts.push(keyAdded(key, groupsAfter));
      for (const key of keysOf(change.before).filter((k) => !keysAfter.has(k.fingerprint)))
        drafts.push({ text: `removes an SSH key (${keyLabel(key)}) from ${who}`, removes: true, people });
      if (change.before?.email !== change.after?.email)
        drafts.push({
          text: `changes ${who}'s email: ${email(change.before?.email)} → ${email(change.after?.email)}`,
          people,
        });
      if (change.before?.displayName !== change.after?.displayName)
        drafts.push({
          text: `changes ${who}'s display name: ${plainText(text(change.before?.displayName))} → ${plainText(text(change.after?.displayName))}`,
          people,
        });
      if (change.before?.keysManaged !== true && change.after?.keysManaged === true)
        drafts.push({
          text: `makes NetAuth hold exactly the SSH keys ${who}'s file lists: any other key of theirs is dropped`,
          removes: true,
          people,
        });
      if (change.before?.keysManaged === true && change.after?.keysManaged !== true)
        drafts.push({
          text: `stops managing ${who}'s SSH keys: the keys NetAuth holds stay as they are`,
          people,
        });
      if (change.before?.login !== change.after?.login)
        drafts.push({
          text: `records ${who}'s new GitHub login (was @${plainText(text(change.before?.login))}): NetAuth entity ${plainText(text(entity.id))} and its user name on the machines stay`,
          people,
        });
      const rest = untold(change, [
        "groups",
        "keys",
        "email",
        "displayName",
        "keysManaged",
        "login",
        "source",
      ]);
      if (rest.attributes.length > 0) drafts.push(...genericUpdate(rest).map((d) => ({ ...d, people })));
      return drafts;
    }
    default:
      return undefined;
  }
};

const email = (value: unknown) => (value === undefined ? "(none)" : code(value));

/** An access group; who is in it is told with each person. */
export const netauthGroup: Describer = (change, context) => {
  const group = body(change);
  const name = plainText(text(group.name));
  const login = context.review.hostLoginGroups?.has(text(group.name)) === true;
  switch (change.action) {
    case "create":
      return [
        {
          text: `adds NetAuth group ${name}${login ? " (host login)" : ""}: ${plainText(text(group.description))}`,
          sensitive: login,
        },
      ];
    case "delete":
      return [{ text: `removes NetAuth group ${name}` }];
    case "update": {
      const drafts: Draft[] = [];
      const added = (field: string) =>
        namesOf(change.after, field).filter((n) => !namesOf(change.before, field).includes(n));
      const dropped = (field: string) =>
        namesOf(change.before, field).filter((n) => !namesOf(change.after, field).includes(n));
      for (const team of added("teams"))
        drafts.push({
          text: `admits the members of ${plainText(team)} to NetAuth group ${name}${login ? ": host login" : ""}`,
          sensitive: login,
        });
      for (const team of dropped("teams"))
        drafts.push({
          text: `no longer admits the members of ${plainText(team)} to NetAuth group ${name}`,
          removes: true,
        });
      for (const role of added("hostLogin"))
        drafts.push({
          text: `lets NetAuth group ${name} log in to the ${plainText(role)} machines`,
          sensitive: true,
        });
      for (const role of dropped("hostLogin"))
        drafts.push({
          text: `no longer lets NetAuth group ${name} log in to the ${plainText(role)} machines`,
          removes: true,
        });
      for (const service of added("services"))
        drafts.push({ text: `lets NetAuth group ${name} use the service ${plainText(service)}` });
      for (const service of dropped("services"))
        drafts.push({
          text: `no longer lets NetAuth group ${name} use the service ${plainText(service)}`,
          removes: true,
        });
      const rest = untold(change, ["members", "teams", "hostLogin", "services"]);
      return [...drafts, ...(rest.attributes.length > 0 ? genericUpdate(rest, login) : [])];
    }
    default:
      return undefined;
  }
};

/** The names a group lists under `field` (`teams`, `hostLogin`, `services`). */
const namesOf = (group: Body | undefined, field: string): string[] =>
  (Array.isArray(group?.[field]) ? (group[field] as unknown[]) : []).map(text);
