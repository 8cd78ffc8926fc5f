import { lexiconPath } from '../src/paths.js';
import { analyzeQuery } from '../src/search/analyze-query.js';
import { loadLexicon } from '../src/search/lexicon.js';
const q = process.argv[2]!;
const a = analyzeQuery(q, loadLexicon(lexiconPath()));
for (const g of a.groups) console.log(JSON.stringify(g));
