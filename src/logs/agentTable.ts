/**
 * The agent-state table: one row per interval an agent spent in a state (staffed, busy,
 * wrap-up, break, overtime), as typed columns. Idle time is not written: it is staffed
 * time minus busy, wrap-up and break time, which keeps the table half as long.
 */
export class AgentStateTable {
  length = 0;
  agent: Int32Array;
  state: Uint8Array;
  start: Float64Array;
  end: Float64Array;

  constructor(capacity = 1024) {
    const n = Math.max(16, Math.ceil(capacity));
    this.agent = new Int32Array(n);
    this.state = new Uint8Array(n);
    this.start = new Float64Array(n);
    this.end = new Float64Array(n);
  }

  /** Append one state interval [startSec, endSec). */
  add(agent: number, state: number, startSec: number, endSec: number): void {
    if (this.length === this.agent.length) this.grow();
    const r = this.length++;
    this.agent[r] = agent;
    this.state[r] = state;
    this.start[r] = startSec;
    this.end[r] = endSec;
  }

  private grow(): void {
    const n = this.agent.length * 2;
    const a = new Int32Array(n);
    a.set(this.agent);
    const s = new Uint8Array(n);
    s.set(this.state);
    const st = new Float64Array(n);
    st.set(this.start);
    const en = new Float64Array(n);
    en.set(this.end);
    this.agent = a;
    this.state = s;
    this.start = st;
    this.end = en;
  }
}
