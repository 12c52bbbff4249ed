#!/usr/bin/env node
// A stand-in for NetAuth's `netauth` CLI in tests: the subset of commands reconcile.sh runs, with
// the output formats and matching rules of netauth/netauth's internal/ctl and internal/tree
// (printEntity, printGroup, `entity key` and `entity kv` listings; keys dropped by substring,
// added unless a held key contains them). State lives in the JSON file $FAKE_NETAUTH_STATE; every
// command that writes is appended to its `writes`.
"use strict";
const { readFileSync, writeFileSync } = require("node:fs");

const file = process.env.FAKE_NETAUTH_STATE;
const state = JSON.parse(readFileSync(file, "utf8"));
const flags = {};
const args = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i].startsWith("--")) flags[argv[i].slice(2)] = argv[++i];
  else args.push(argv[i]);
}
const out = (text) => process.stdout.write(text);
const fail = (message) => {
  // The CLI prints RPC errors on stdout and exits 1.
  out(`${message}\n`);
  process.exit(1);
};
const entity = (id) =>
  state.entities[id] ?? fail(`rpc error: code = NotFound desc = entity ${id} does not exist`);
const group = (name) =>
  state.groups[name] ?? fail(`rpc error: code = NotFound desc = group ${name} does not exist`);
const wrote = () => {
  state.writes.push(argv);
  writeFileSync(file, JSON.stringify(state));
};

const [area, verb] = args;
if (area === "group" && verb === "info") {
  for (const rule of group(args[2]).rules ?? []) out(`Rule: ${rule}\n`);
} else if (area === "group" && verb === "members") {
  for (const id of group(args[2]).members) out(`ID: ${id}\n`);
} else if (area === "entity" && verb === "info") {
  const e = entity(args[2]);
  if (flags.fields === "ID") out(`ID: ${args[2]}\n`);
  else if (flags.fields === "displayName" && e.displayName) out(`displayname: ${e.displayName}\n`);
} else if (area === "entity" && verb === "update") {
  entity(args[2]).displayName = flags.displayName;
  wrote();
  out("Metadata Updated\n");
} else if (area === "entity" && verb === "kv") {
  const e = entity(args[2]);
  const [, , , mode, key, value] = args;
  if (mode === "READ") {
    out(`${key}:\n`);
    for (const kv of e.meta ?? []) if (kv.startsWith(`${key}:`)) out(`  ${kv.slice(key.length + 1)}\n`);
  } else if (mode === "UPSERT") {
    e.meta = [...(e.meta ?? []).filter((kv) => !kv.startsWith(`${key}:`)), `${key}:${value}`];
    wrote();
  } else fail(`unexpected kv mode ${mode}`);
} else if (area === "entity" && verb === "key") {
  const e = entity(flags.entityID);
  const [, , mode, type, key] = args;
  if (mode === "READ") {
    out(`${type}:\n`);
    for (const k of e.keys) if (k.startsWith(`${type}:`)) out(`  ${k.slice(type.length + 1)}\n`);
  } else if (mode === "ADD") {
    const patch = `${type.toUpperCase()}:${key}`;
    if (!e.keys.some((k) => k.includes(patch))) e.keys.push(patch);
    wrote();
  } else if (mode === "DROP") {
    // DROP takes the key alone (no type): the server matches ":<key>" as a substring.
    const dropped = args[3];
    e.keys = e.keys.filter((k) => !k.includes(`:${dropped}`));
    wrote();
  } else fail(`unexpected key mode ${mode}`);
} else if (area === "entity" && verb === "membership") {
  const [, , id, mode, name] = args;
  entity(id);
  const g = group(name);
  if (mode === "ADD" && !g.members.includes(id)) g.members.push(id);
  if (mode === "DROP") g.members = g.members.filter((m) => m !== id);
  wrote();
  out("Membership Updated\n");
} else fail(`fake netauth: unexpected command ${argv.join(" ")}`);
