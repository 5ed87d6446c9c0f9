// What the tooltip says about one highlighted sentence: how many other outlets report it, and
// each outlet's closest version, best first. Pure, so the popup can reuse it.
import type { AlignedPassage, Fact } from '@/lib/result';
import { outletName } from '@/components/shared/framing-words';

export interface OutletVersion {
  /** Display name; passages from an unnamed outlet are told apart by their article. */
  outlet: string;
  passage: AlignedPassage;
}

export interface FactVersions {
  outletCount: number;
  versions: OutletVersion[];
  conflict: boolean;
}

const rank = (passage: AlignedPassage) => (passage.sameFact ? 1 : 0) + passage.score;

export function factVersions(fact: Fact, thisOutlet: string | null = null): FactVersions {
  const best = new Map<string, AlignedPassage>();
  // Every passage of a fact reports it (the engine accepted it); `sameFact` is its stricter
  // whole-sentence judgment, which only orders the versions here.
  for (const passage of fact.passages) {
    if (thisOutlet && passage.outlet === thisOutlet) continue;
    const key = passage.outlet ?? `#${passage.articleId}`;
    const held = best.get(key);
    if (!held || rank(passage) > rank(held)) best.set(key, passage);
  }
  const versions = [...best.values()]
    .sort((a, b) => rank(b) - rank(a))
    .map((passage) => ({ outlet: outletName(passage.outlet), passage }));
  return { outletCount: versions.length, versions, conflict: fact.conflict };
}

export function outletCountText(count: number): string {
  return count === 1 ? '1 other outlet reports this' : `${count} other outlets report this`;
}
