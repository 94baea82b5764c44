import { dependenciesInOrder, topologicalOrder } from '../../../../lambda/migration/import/order';

describe('topologicalOrder', () => {
  it('puts dependencies first and otherwise keeps input order (diamond A->B,C->D)', () => {
    // 0=A refs 1=B and 2=C; B and C ref 3=D; 4=E is independent.
    const deps = [[1, 2], [3], [3], [], []];
    const { order, cycles } = topologicalOrder(deps.length, (i) => deps[i]);
    expect(order).toEqual([3, 1, 2, 0, 4]);
    expect(cycles).toEqual([]);
    expect(dependenciesInOrder(order, (i) => deps[i])).toEqual([[], [0], [0], [1, 2], []]);
  });

  it('keeps input order when there are no dependencies', () => {
    const { order } = topologicalOrder(4, () => []);
    expect(order).toEqual([0, 1, 2, 3]);
  });

  it('handles a 50,000-deep chain without overflowing the stack', () => {
    const n = 50_000;
    const { order } = topologicalOrder(n, (i) => (i + 1 < n ? [i + 1] : []));
    expect(order[0]).toBe(n - 1);
    expect(order[n - 1]).toBe(0);
  });

  it('reports a cycle and still returns a total order without the closing edge', () => {
    const deps = [[1], [2], [0], []];
    const { order, cycles } = topologicalOrder(deps.length, (i) => deps[i]);
    expect(cycles).toEqual([[0, 1, 2]]);
    expect([...order].sort()).toEqual([0, 1, 2, 3]);
    const after = dependenciesInOrder(order, (i) => deps[i]);
    after.forEach((list, at) => list.forEach((dep) => expect(dep).toBeLessThan(at)));
  });
});
