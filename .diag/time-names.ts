import { readFileSync, readdirSync } from 'node:fs';
import { properNameTerms } from '../src/search/proper-names.js';
const texts = readdirSync('seeds').filter((f) => f.endsWith('.txt')).map((f) => readFileSync('seeds/' + f, 'utf8'));
const t = performance.now(); const n = properNameTerms(texts); console.log(n.size, (performance.now() - t).toFixed(1), 'ms');
console.log([...n].slice(0, 80).join(' '));
