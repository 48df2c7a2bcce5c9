/**
 * Issue-level metrics from the contact log alone, so they run on imported logs too:
 * first-contact resolution (FCR), repeat-contact rate, reopen rate, resolution time, and
 * the answer rate per customer (beside `answerRate`, which is per attempt).
 *
 * Issues: contacts with the same issue id. Where a contact has no issue id (−1), its
 * customer's contacts form one issue until one arrives more than the window after the
 * issue's first contact, which starts the next issue.
 *
 * Definitions (issues whose first contact arrived in [warm-up, horizon)):
 * - first handled contact: the issue's earliest contact with a leg an agent handled
 *   (outcome handled, transferred or escalated);
 * - repeat: a later contact of the issue arriving within `windowSec` of the first handled one;
 * - fcr = issues whose first handled contact resolved them (resolved = 1 on one of its
 *   legs; unknown counts as resolved, as a log without the flag can only show repeats)
 *   and that had no repeat ÷ issues with a handled first contact;
 * - repeatContactRate = issues with a repeat ÷ issues with a handled first contact;
 * - reopenRate = issues marked resolved by their first handled contact that still had a
 *   repeat ÷ issues marked resolved by their first handled contact;
 * - resolutionTimeSeconds = mean over resolved issues of first contact's arrival → end of
 *   the leg marked resolved (wrap-up end; IVR exit when contained);
 * - customerAnswerRate = customers with at least one answered attempt ÷ customers with
 *   at least one attempt offered or blocked.
 * Each is reported per channel of the issue's (customer's) first contact and in total,
 * and only where it applies: FCR and repeat rate when the log has a resolved flag or a
 * repeat, reopen rate when some contact is marked resolved, the customer answer rate
 * when some customer made more than one attempt.
 */
import { OUTCOME } from '../logs/codes.js';
import type { ContactLog } from '../logs/contactLog.js';
import type { KpiRecord } from './contacts.js';

/** The default FCR window: 7 days. */
export const DEFAULT_FCR_WINDOW_SEC = 7 * 86_400;

export interface IssueKpiOptions {
  warmupSec: number;
  horizonSec: number;
  /** Repeat window; default 7 days. */
  fcrWindowSec?: number;
}

export interface IssueKpis {
  channels: Record<string, KpiRecord>;
  total: KpiRecord;
}

interface Contact {
  id: number;
  arrival: number;
  channel: number;
  issue: number;
  customer: number;
  handled: boolean;
  answered: boolean;
  attempted: boolean;
  /** −1 unknown, 0 no, 1 yes (any leg resolved wins). */
  resolved: number;
  resolvedAt: number;
}

// Accumulator fields.
const ISSUES = 0;
const FCR = 1;
const REPEATED = 2;
const MARKED = 3;
const REOPENED = 4;
const RESOLVED_N = 5;
const RESOLVED_SUM = 6;
const CUSTOMERS = 7;
const CUSTOMERS_ANSWERED = 8;
const FIELDS = 9;

/** Issue-level KPIs of one replication's log. */
export function issueKpis(log: ContactLog, opts: IssueKpiOptions): IssueKpis {
  const window = opts.fcrWindowSec ?? DEFAULT_FCR_WINDOW_SEC;
  const nc = log.channels.length;
  if (!linksContacts(log)) {
    // Every contact is its own issue and customer, and nothing is marked resolved: nothing applies.
    const channels: Record<string, KpiRecord> = {};
    log.channels.forEach((id) => (channels[id] = {}));
    return { channels, total: {} };
  }
  const contacts = contactsOf(log);
  const acc = new Float64Array((nc + 1) * FIELDS);
  const add = (c: number, f: number, v = 1) => {
    acc[c * FIELDS + f] += v;
    acc[nc * FIELDS + f] += v;
  };
  const inWindow = (t: number) => t >= opts.warmupSec && t < opts.horizonSec;

  let anyFlag = false;
  let anyMarked = false;
  let anyRepeat = false;
  for (const issue of issuesOf(contacts, window)) {
    const first = issue[0];
    if (!inWindow(first.arrival)) continue;
    for (const c of issue) {
      if (c.resolved >= 0) anyFlag = true;
      if (c.resolved === 1) anyMarked = true;
    }
    const resolvedContact = issue.find((c) => c.resolved === 1);
    if (resolvedContact) {
      add(first.channel, RESOLVED_N);
      add(first.channel, RESOLVED_SUM, resolvedContact.resolvedAt - first.arrival);
    }
    const h = issue.findIndex((c) => c.handled);
    if (h < 0) continue;
    const handled = issue[h];
    const repeat = issue.slice(h + 1).some((c) => c.arrival - handled.arrival <= window);
    if (repeat) anyRepeat = true;
    add(first.channel, ISSUES);
    if (repeat) add(first.channel, REPEATED);
    if (handled.resolved !== 0 && !repeat) add(first.channel, FCR);
    if (handled.resolved === 1) {
      add(first.channel, MARKED);
      if (repeat) add(first.channel, REOPENED);
    }
  }

  // Customers: grouped by customer id (a contact without one is its own customer).
  const byCustomer = new Map<number, Contact[]>();
  let multi = false;
  for (const c of contacts) {
    const key = c.customer >= 0 ? c.customer : -1 - c.id;
    const list = byCustomer.get(key);
    if (list) (list.push(c), (multi = true));
    else byCustomer.set(key, [c]);
  }
  for (const list of byCustomer.values()) {
    const first = list[0];
    if (!inWindow(first.arrival) || !list.some((c) => c.attempted)) continue;
    add(first.channel, CUSTOMERS);
    if (list.some((c) => c.answered)) add(first.channel, CUSTOMERS_ANSWERED);
  }

  const record = (base: number): KpiRecord => {
    const f = (k: number) => acc[base + k];
    const r: KpiRecord = {};
    if (anyFlag || anyRepeat) {
      r.fcr = ratio(f(FCR), f(ISSUES));
      r.repeatContactRate = ratio(f(REPEATED), f(ISSUES));
    }
    if (anyMarked) {
      r.reopenRate = ratio(f(REOPENED), f(MARKED));
      r.resolutionTimeSeconds = ratio(f(RESOLVED_SUM), f(RESOLVED_N));
    }
    if (multi) r.customerAnswerRate = ratio(f(CUSTOMERS_ANSWERED), f(CUSTOMERS));
    return r;
  };
  const channels: Record<string, KpiRecord> = {};
  log.channels.forEach((id, c) => (channels[id] = record(c * FIELDS)));
  return { channels, total: record(nc * FIELDS) };
}

/** Whether the log has a resolved flag or links two contacts by issue or customer (a cheap scan first). */
function linksContacts(log: ContactLog): boolean {
  const legs = log.legs;
  for (let r = 0; r < legs.length; r++) {
    if (legs.resolved[r] >= 0) return true;
    const contact = legs.contact[r];
    const issue = legs.issue[r];
    const customer = legs.customer[r];
    if ((issue >= 0 && issue !== contact) || (customer >= 0 && customer !== contact) || (issue < 0 && customer >= 0)) return true;
  }
  return false;
}

/** One entry per contact id, in order of first arrival; a contact's channel is its first leg's. */
function contactsOf(log: ContactLog): Contact[] {
  const legs = log.legs;
  const at = new Map<number, Contact>();
  const list: Contact[] = [];
  for (let r = 0; r < legs.length; r++) {
    const id = legs.contact[r];
    let c = at.get(id);
    if (!c) {
      c = {
        id,
        arrival: legs.arrival[r],
        channel: legs.channel[r],
        issue: legs.issue[r],
        customer: legs.customer[r],
        handled: false,
        answered: false,
        attempted: false,
        resolved: -1,
        resolvedAt: NaN,
      };
      at.set(id, c);
      list.push(c);
    } else if (legs.arrival[r] < c.arrival) {
      c.arrival = legs.arrival[r];
      c.channel = legs.channel[r];
    }
    const o = legs.outcome[r];
    if ((o === OUTCOME.handled || o === OUTCOME.transferred || o === OUTCOME.escalated) && !Number.isNaN(legs.answer[r])) c.handled = true;
    if (!Number.isNaN(legs.answer[r])) c.answered = true;
    if (!Number.isNaN(legs.queueEntry[r]) || o === OUTCOME.blocked) c.attempted = true;
    const res = legs.resolved[r];
    if (res === 1 && c.resolved !== 1) {
      c.resolved = 1;
      c.resolvedAt = o === OUTCOME.contained ? legs.ivrExit[r] : legs.wrapEnd[r];
    } else if (res === 0 && c.resolved < 0) c.resolved = 0;
  }
  return list.sort((a, b) => a.arrival - b.arrival || a.id - b.id);
}

/** Contacts grouped into issues (each sorted by arrival): by issue id, else by customer within the window. */
function issuesOf(contacts: readonly Contact[], windowSec: number): Contact[][] {
  const byIssue = new Map<number, Contact[]>();
  const open = new Map<number, Contact[]>();
  const out: Contact[][] = [];
  for (const c of contacts) {
    if (c.issue >= 0) {
      const list = byIssue.get(c.issue);
      if (list) list.push(c);
      else byIssue.set(c.issue, [c]), out.push(byIssue.get(c.issue)!);
    } else if (c.customer >= 0) {
      const list = open.get(c.customer);
      if (list && c.arrival - list[0].arrival <= windowSec) list.push(c);
      else {
        const fresh = [c];
        open.set(c.customer, fresh);
        out.push(fresh);
      }
    } else out.push([c]);
  }
  return out;
}

function ratio(a: number, b: number): number {
  return b > 0 ? a / b : NaN;
}
