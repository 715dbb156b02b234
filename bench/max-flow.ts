/**
 * Maximum flow (Dinic's algorithm) on a small directed graph with integer capacities, for the
 * benchmarks' upper bounds. Nodes are numbered 0..n-1.
 */
export class FlowNetwork {
  private readonly head: Int32Array;
  private readonly to: number[] = [];
  private readonly capacity: number[] = [];
  private readonly next: number[] = [];
  private readonly level: Int32Array;
  private readonly cursor: Int32Array;

  constructor(readonly nodes: number) {
    this.head = new Int32Array(nodes).fill(-1);
    this.level = new Int32Array(nodes);
    this.cursor = new Int32Array(nodes);
  }

  addEdge(from: number, to: number, capacity: number): void {
    for (const [u, v, c] of [
      [from, to, capacity],
      [to, from, 0],
    ] as const) {
      this.to.push(v);
      this.capacity.push(c);
      this.next.push(this.head[u] as number);
      this.head[u] = this.to.length - 1;
    }
  }

  private levels(source: number, sink: number): boolean {
    this.level.fill(-1);
    this.level[source] = 0;
    const queue = [source];
    for (let i = 0; i < queue.length; i++) {
      const u = queue[i] as number;
      for (let e = this.head[u] as number; e !== -1; e = this.next[e] as number) {
        const v = this.to[e] as number;
        if ((this.capacity[e] as number) > 0 && (this.level[v] as number) < 0) {
          this.level[v] = (this.level[u] as number) + 1;
          queue.push(v);
        }
      }
    }
    return (this.level[sink] as number) >= 0;
  }

  private push(u: number, sink: number, limit: number): number {
    if (u === sink) return limit;
    for (
      ;
      (this.cursor[u] as number) !== -1;
      this.cursor[u] = this.next[this.cursor[u] as number] as number
    ) {
      const e = this.cursor[u] as number;
      const v = this.to[e] as number;
      if ((this.capacity[e] as number) <= 0 || this.level[v] !== (this.level[u] as number) + 1) continue;
      const pushed = this.push(v, sink, Math.min(limit, this.capacity[e] as number));
      if (pushed > 0) {
        this.capacity[e] = (this.capacity[e] as number) - pushed;
        this.capacity[e ^ 1] = (this.capacity[e ^ 1] as number) + pushed;
        return pushed;
      }
    }
    return 0;
  }

  maxFlow(source: number, sink: number): number {
    let flow = 0;
    while (this.levels(source, sink)) {
      this.cursor.set(this.head);
      for (
        let pushed = this.push(source, sink, Infinity);
        pushed > 0;
        pushed = this.push(source, sink, Infinity)
      )
        flow += pushed;
    }
    return flow;
  }
}
