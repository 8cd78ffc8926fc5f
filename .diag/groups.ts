import { readFileSync } from 'node:fs';
import { answerToJson, loadCore } from '../src/index.js';
const core = await loadCore({});
const qs = readFileSync('/work/shared/eval/dev-questions.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const only = process.argv.slice(2);
for (const q of qs) {
  if (only.length && !only.includes(q.id)) continue;
  const a = answerToJson(await core.ask(q.question));
  console.log(q.id, q.gold_quotes?.length ? 'ANS' : 'UNANS', a.abstained ? 'abstained' : 'answered', a.citations.map((c) => c.doc.slice(0, 3) + ':' + c.lines[0]).join(' '), '|', q.question);
}
