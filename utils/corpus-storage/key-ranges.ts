// Key ranges over the parts store, built in one place: its keys are [segment, name] and its
// `segment` index is keyed by segment id, and a bound written out by hand at each use is easy to
// get open where it should be closed.
//
// Array keys compare element by element, a shorter prefix first, and any string below any
// array: [id] is below every [id, name], and [id, []] above every one of them.

/** Every part of one segment: the keys [segment, name] for any part name (ours are ASCII). */
export function segmentPartsRange(segment: string): IDBKeyRange {
  return IDBKeyRange.bound([segment, ''], [segment, '\uffff']);
}

/** The parts of one segment whose names start with `prefix` (`lsh-`: its LSH pages). */
export function namedPartsRange(segment: string, prefix: string): IDBKeyRange {
  return IDBKeyRange.bound([segment, prefix], [segment, `${prefix}\uffff`]);
}

/**
 * The keys [segment, name] of parts of no segment listed: the stretches of the parts store
 * between the segments' parts, none of theirs included (`segments` ascending as IndexedDB orders
 * them). Ranges of the store's own keys, not of its `segment` index, whose many equal keys (every
 * part of a segment) a lookup may walk one by one: fake-indexeddb does, which made each cold start
 * of the growth benchmark walk the parts of every live segment.
 */
export function partsBetween(segments: readonly string[]): (IDBKeyRange | undefined)[] {
  if (segments.length === 0) return [undefined];
  const ranges = [IDBKeyRange.upperBound([segments[0]!], true)];
  for (let k = 1; k < segments.length; k++) ranges.push(IDBKeyRange.bound([segments[k - 1]!, []], [segments[k]!], true, true));
  ranges.push(IDBKeyRange.lowerBound([segments.at(-1)!, []], true));
  return ranges;
}
