// Writes N made-up knowledge base articles as Markdown files with front matter, the form
// `buurtteam import knowledge DIR` reads. Deterministic (a seeded generator), so two runs
// search the same texts. The words are Dutch and come in several forms (echtscheiding /
// echtscheidingen, ruzie / ruzieën, school / scholen), as people write them.
//
// Usage: node bench/knowledge/generate.mjs DIR [N=10000] [SEED=1]
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dir, n = "10000", seed = "1"] = process.argv.slice(2);
if (!dir) {
  console.error("usage: generate.mjs DIR [N] [SEED]");
  process.exit(1);
}

// mulberry32: a small, well-known 32-bit generator.
let state = Number(seed) >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const some = (list, k) => {
  const out = new Set();
  while (out.size < k) out.add(pick(list));
  return [...out];
};

const subjects = [
  "echtscheiding", "echtscheidingen", "scheiding", "ruzie", "ruzieën", "ruzies", "schulden", "schuld",
  "betalingsachterstand", "betalingsachterstanden", "schoolverzuim", "school", "scholen", "huisvesting",
  "woning", "uithuiszetting", "opvoeding", "opvoedingsvragen", "pubers", "puberteit", "kinderen", "kind",
  "jongeren", "mantelzorg", "eenzaamheid", "angst", "somberheid", "verslaving", "alcohol", "middelengebruik",
  "huiselijk geweld", "kindermishandeling", "veiligheid", "veiligheidsplan", "netwerk", "buren",
  "werkloosheid", "uitkering", "toeslagen", "huurachterstand", "energierekening", "zorgverzekering",
  "leerplicht", "leerplichtambtenaar", "gezinsplan", "omgang", "omgangsregeling", "ouderschapsplan",
  "rouw", "verlies", "ziekte", "beperking", "dagbesteding", "vrije tijd", "sport", "taal", "inburgering",
];
const verbs = ["bespreek", "maak", "plan", "vraag", "betrek", "noteer", "overleg", "check", "bel", "bezoek"];
const fillers = [
  "de ouders", "het gezin", "de jeugdige", "de school", "de huisarts", "de gemeente", "het netwerk",
  "de gezinswerker", "de teammanager", "de wijkagent", "de verhuurder", "de schuldhulpverlening",
  "samen", "eerst", "daarna", "altijd", "soms", "binnen een week", "in het eerste gesprek", "thuis",
];
const headings = ["Signalen", "Wat je doet", "Wat we afspreken", "Samenwerking", "Valkuilen", "Meer lezen"];
const categories = [
  "Veiligheid", "Opvoeding", "Scheiding", "Financiën", "School", "Wonen", "Gezondheid", "Netwerk",
  "Werk en inkomen", "Samenwerking", "Methodiek", "Contactvormen", "Jongeren", "Zorg", "Participatie",
];
const domains = [
  "finances", "work_education", "time_use", "housing", "domestic_relations", "mental_health",
  "physical_health", "substance_use", "social_network", "social_participation", "justice", "parenting",
  "development_school", "safety",
];

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
function sentence() {
  const words = [pick(verbs), pick(fillers), "over", pick(subjects), pick(fillers)];
  if (random() < 0.5) words.push("en", pick(subjects));
  return `${cap(words.join(" "))}.`;
}
function paragraph(k) {
  return Array.from({ length: k }, sentence).join(" ");
}

mkdirSync(dir, { recursive: true });
for (let i = 1; i <= Number(n); i++) {
  const topic = pick(subjects);
  const title = `${cap(topic)}: ${pick(verbs)} ${pick(fillers)} (${i})`;
  const body = [];
  for (const h of some(headings, 3)) {
    body.push(`## ${h}`, "", paragraph(4 + Math.floor(random() * 5)), "");
    if (random() < 0.4) body.push(...some(subjects, 3).map((s) => `- ${cap(s)} ${pick(fillers)}.`), "");
  }
  const text = [
    "---",
    `title: ${title}`,
    `summary: ${paragraph(2)}`,
    `categories: ${some(categories, 1 + Math.floor(random() * 2)).join(", ")}`,
    `life_domains: ${some(domains, 1 + Math.floor(random() * 3)).join(", ")}`,
    "---",
    "",
    ...body,
  ].join("\n");
  writeFileSync(join(dir, `artikel-${String(i).padStart(5, "0")}.md`), text);
}
