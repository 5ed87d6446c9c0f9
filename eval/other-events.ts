// Other events of the same actors: undated texts about Trump and Putin at other occasions
// (tests/fixtures/other-events/), each analyzed against the bundled seed corpus. None is the
// seed's event, so the share of corpus articles called same-event is the error rate a reader
// would see as highlights from the wrong event.
//   npx tsx eval/other-events.ts
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadBundledCorpus } from '../lib/cli/inputs.ts';
import { useModelFiles } from '../lib/cli/model-files.ts';
import { matchStories } from '../lib/story/index.ts';
import { figure, recordResults } from './lib/results-file.ts';

const folder = fileURLToPath(new URL('../tests/fixtures/other-events/', import.meta.url));
useModelFiles();
const corpus = loadBundledCorpus();
let pairs = 0;
let sameEvent = 0;
let pagesWithSameEvent = 0;
for (const file of readdirSync(folder).filter((name) => name.endsWith('.txt')).sort()) {
  const match = matchStories({ text: readFileSync(folder + file, 'utf8') }, corpus);
  const wrong = match.stories.filter((s) => s.relation === 'same-event');
  pairs += match.stories.length;
  sameEvent += wrong.length;
  if (wrong.length > 0) pagesWithSameEvent++;
  console.log(`  ${file.padEnd(18)} ${match.stories.map((s) => `${s.id.slice(0, 3)} ${s.score.toFixed(2)} ${s.relation ?? '-'}`).join(' | ')}`);
}
const pages = readdirSync(folder).filter((name) => name.endsWith('.txt')).length;
console.log(`eval/other-events: ${pages} undated texts of other events against the ${corpus.size} seed articles`);
console.log(`  (text, article) pairs called same-event: ${sameEvent}/${pairs}; texts with any: ${pagesWithSameEvent}/${pages}`);
recordResults('otherEvents', { texts: pages, pairs, sameEventPairs: sameEvent, sameEventShare: figure(pairs ? sameEvent / pairs : 0), textsWithSameEvent: pagesWithSameEvent });
