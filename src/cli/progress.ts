import { SingleBar, Presets } from 'cli-progress';
import type { BuildProgress } from '../search/build-index.js';

/** A progress bar on stderr for index builds (silent when stderr is not a terminal, e.g. in CI logs). */
export function progressBar(): BuildProgress {
  let bar: SingleBar | null = null;
  let step = '';
  return (name, done, total) => {
    if (!process.stderr.isTTY) {
      if (name !== step) process.stderr.write(`diplomate: indexing: ${name}\n`);
      step = name;
      return;
    }
    if (name !== step) {
      bar?.stop();
      step = name;
      if (name === 'done') return;
      bar = new SingleBar({ format: `${name.padEnd(16)} [{bar}] {value}/{total}`, stream: process.stderr }, Presets.shades_classic);
      bar.start(total, done);
    }
    bar?.update(done);
    if (name === 'done') bar?.stop();
  };
}
