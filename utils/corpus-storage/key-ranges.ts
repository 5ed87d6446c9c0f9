// Key ranges over the parts store, built in one place: its keys are [segment, name] and its
// `segment` index is keyed by segment id, and a bound written out by hand at each use is easy to
// get open where it should be closed.

/** Every part of one segment: the keys [segment, name] for any part name (ours are ASCII). */
export function segmentPartsRange(segment: string): IDBKeyRange {
  return IDBKeyRange.bound([segment, ''], [segment, '\uffff']);
}

/**
 * The stretches of keys between the given ones, none of them included: before the first,
 * between each two, after the last; one unbounded stretch (undefined: every key) when none is
 * given. `keys` must ascend as IndexedDB orders them (strings: by UTF-16 code units, as a default sort).
 */
export function rangesBetween(keys: readonly string[]): (IDBKeyRange | undefined)[] {
  if (keys.length === 0) return [undefined];
  const ranges = [IDBKeyRange.upperBound(keys[0]!, true)];
  for (let k = 1; k < keys.length; k++) ranges.push(IDBKeyRange.bound(keys[k - 1]!, keys[k]!, true, true));
  ranges.push(IDBKeyRange.lowerBound(keys.at(-1)!, true));
  return ranges;
}
