/**
 * What a group holds, in chain order, and what its quantifier makes of it: the group inspector states
 * the sequence that repeats ("b → c, 3 times") rather than a count, and names stages left unconnected.
 */
import { quantifierText } from '../../../engine/format/phrases';
import type { GroupNode } from '../../../engine/format/schema';

/** The group's stages in chain order, then any not on the chain. */
function chainOf(group: GroupNode): { chain: string[]; loose: string[] } {
  const next = new Map(group.edges.map((e) => [e.from, e.to]));
  const targets = new Set(group.edges.map((e) => e.to));
  const names = new Map(group.nodes.map((n) => [n.id, n.kind === 'group' ? `(${n.name})` : n.name]));
  const chain: string[] = [];
  const seen = new Set<string>();
  const linked = group.nodes.filter((n) => !targets.has(n.id) && next.has(n.id));
  let at: string | undefined = (linked[0] ?? group.nodes.find((n) => !targets.has(n.id)))?.id;
  while (at && !seen.has(at)) {
    seen.add(at);
    chain.push(names.get(at) ?? at);
    at = next.get(at);
  }
  const loose = group.nodes.filter((n) => !seen.has(n.id)).map((n) => names.get(n.id) ?? n.id);
  return { chain, loose };
}

export function GroupContents({ group }: { group: GroupNode }) {
  if (group.nodes.length === 0)
    return (
      <p className="insp-muted" data-testid="group-contents">
        Empty. Drag stages into the group, or drop one from the palette onto it.
      </p>
    );
  const { chain, loose } = chainOf(group);
  return (
    <div className="insp-muted" data-testid="group-contents">
      <p>
        Matches <strong data-testid="group-chain">{chain.join(' → ')}</strong>{' '}
        {quantifierText(group.quantifier)} as one unit.
      </p>
      {loose.length > 0 && (
        <p data-testid="group-loose">
          Not connected inside the group yet: {loose.join(', ')}. Connect {loose.length === 1 ? 'it' : 'them'}{' '}
          to the chain (drag from a handle, or Shift+C).
        </p>
      )}
    </div>
  );
}
