/**
 * Regenerates messages/ar-XB.json, the right-to-left pseudo-locale, from the English catalogue
 * (i18n/pseudo.ts). Run after changing messages/en.json: `npm run i18n:pseudo`. A unit test fails when the
 * file is out of date.
 */
import fs from "node:fs";
import path from "node:path";
import { pseudoCatalogue } from "../i18n/pseudo";

const dir = path.join(import.meta.dirname, "../messages");
const en = JSON.parse(fs.readFileSync(path.join(dir, "en.json"), "utf8"));
fs.writeFileSync(path.join(dir, "ar-XB.json"), `${JSON.stringify(pseudoCatalogue(en), null, 2)}\n`);
console.log("messages/ar-XB.json written");
