/**
 * Stable topological order: every node comes after the nodes it depends on and
 * otherwise keeps its input position, so registrations stay in (context, subject,
 * version) order except where a reference pulls its target forward. Iterative, so a
 * 20,000-deep reference chain cannot overflow the stack.
 */
export interface TopologicalOrder {
  /** Input indexes, dependencies first. */
  readonly order: number[];
  /** Each cycle found, as input indexes; the cycle's closing edge is ignored so the order is still total. */
  readonly cycles: number[][];
}

export function topologicalOrder(count: number, dependenciesOf: (index: number) => readonly number[]): TopologicalOrder {
  const UNVISITED = 0;
  const VISITING = 1;
  const DONE = 2;
  const state = new Uint8Array(count);
  const order: number[] = [];
  const cycles: number[][] = [];
  const stack: Array<{ node: number; next: number; deps: readonly number[] }> = [];

  for (let root = 0; root < count; root++) {
    if (state[root] !== UNVISITED) continue;
    state[root] = VISITING;
    stack.push({ node: root, next: 0, deps: dependenciesOf(root) });
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (frame.next < frame.deps.length) {
        const dep = frame.deps[frame.next++];
        if (state[dep] === UNVISITED) {
          state[dep] = VISITING;
          stack.push({ node: dep, next: 0, deps: dependenciesOf(dep) });
        } else if (state[dep] === VISITING) {
          const start = stack.findIndex((f) => f.node === dep);
          cycles.push(stack.slice(start).map((f) => f.node));
        }
        continue;
      }
      state[frame.node] = DONE;
      order.push(frame.node);
      stack.pop();
    }
  }
  return { order, cycles };
}

/**
 * Renumbers dependency lists after reordering: `dependenciesOf` speaks input indexes,
 * the result speaks positions in `order`.
 */
export function dependenciesInOrder(order: readonly number[], dependenciesOf: (index: number) => readonly number[]): number[][] {
  const position = new Map<number, number>();
  order.forEach((input, at) => position.set(input, at));
  return order.map((input) => {
    const deps = new Set<number>();
    for (const dep of dependenciesOf(input)) {
      const at = position.get(dep);
      // A cycle's closing edge points forward; it was ignored when ordering, so drop it here too.
      if (at !== undefined && at < position.get(input)!) deps.add(at);
    }
    return [...deps].sort((a, b) => a - b);
  });
}
