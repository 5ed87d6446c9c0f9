import { useState } from 'preact/hooks';
import type { Fact } from '@/lib/result';
import { FactItem } from './FactItem';
import { itemKey } from './search';

export interface FactListProps {
  facts: readonly Fact[];
  /** Search matches, or null to show all. */
  visible: Set<string> | null;
  onReveal: (sentenceIndex: number) => void;
}

export function FactList({ facts, visible, onReveal }: FactListProps) {
  const [open, setOpen] = useState<Set<number>>(() => new Set());
  const shown = visible ? facts.filter((f) => visible.has(itemKey.fact(f.sentence.index))) : facts;
  if (!facts.length) return <p class="empty">No sentence of this article is reported by another outlet.</p>;
  if (!shown.length) return <p class="empty">No fact matches your search.</p>;
  const toggle = (index: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(index)) next.add(index);
      return next;
    });
  return (
    <ol class="facts">
      {shown.map((fact) => (
        <FactItem key={fact.sentence.index} fact={fact} expanded={open.has(fact.sentence.index)} onToggle={toggle} onReveal={onReveal} />
      ))}
    </ol>
  );
}
