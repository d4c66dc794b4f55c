// Test oracle: expands Adaptive Card templates with the official JS engine (adaptivecards-templating).
// Input (file argument or stdin): a JSON array of cases `{ "template": <object|string>, "data": <any> }`.
// Output (stdout): a JSON array, one entry per case: `{ "ok": true, "output": <expanded> }` or
// `{ "ok": false, "error": "<message>" }`. One failing case never stops the batch.
// Needs the repository root node_modules (`npm ci` there).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

// Resolved from this file upwards, so the repository root node_modules is found from any working directory.
const require = createRequire(import.meta.url);
const ACData = require("adaptivecards-templating");

const input = process.argv[2] ? readFileSync(process.argv[2], "utf8") : readFileSync(0, "utf8");
const cases = JSON.parse(input);

const results = cases.map((c) => {
  try {
    const template = typeof c.template === "string" ? JSON.parse(c.template) : c.template;
    const engine = new ACData.Template(template);
    const output = engine.expand({ $root: c.data });
    // undefined (nothing left) is reported as null so the JSON stays well-formed.
    return { ok: true, output: output === undefined ? null : output };
  } catch (e) {
    return { ok: false, error: String(e && e.message ? e.message : e) };
  }
});

process.stdout.write(JSON.stringify(results));
