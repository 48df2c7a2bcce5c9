/** KPI paths and target expressions: what parses, what each error says. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/messages.js';
import { parseTarget, resolveKpiPath } from '../../src/plan/targets.js';
import { expo, scenario } from '../helpers/scenarios.js';

const s = scenario({ voice: { perHour: 60, handle: expo(200) }, chat: { kind: 'chat', perHour: 10, handle: expo(300) } }, { team: { agents: 3, skills: ['voice', 'chat'] } });
const at = { path: '--target' };

describe('target expressions', () => {
  it('parse comparisons, percentages and durations', () => {
    expect(parseTarget('voice.serviceLevel>=0.8', s, at)).toMatchObject({ op: '>=', value: 0.8, path: { scope: 'channels', id: 'voice', key: 'serviceLevel', unit: 'rate' } });
    expect(parseTarget(' voice.abandonRate <= 5% ', s, at)).toMatchObject({ op: '<=', value: 0.05 });
    expect(parseTarget('chat.asaSeconds<=2m', s, at)).toMatchObject({ op: '<=', value: 120 });
    expect(parseTarget('chat.asaSeconds=<30', s, at)).toMatchObject({ op: '<=', value: 30 });
    expect(parseTarget('total.asaSeconds<30', s, at)).toMatchObject({ op: '<', path: { scope: 'total' } });
    expect(parseTarget('team.occupancy<=0.9', s, at)).toMatchObject({ path: { scope: 'groups', id: 'team', key: 'occupancy' } });
    expect(resolveKpiPath('groups.team.occupancy', s, at)).toMatchObject({ scope: 'groups', id: 'team' });
    expect(resolveKpiPath('channels.voice.offered', s, at)).toMatchObject({ scope: 'channels', id: 'voice', unit: 'count' });
  });

  it('refuse what does not parse or name a KPI, with a suggestion where one is close', () => {
    const msg = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return (e as Error).message;
      }
      throw new Error('did not throw');
    };
    expect(msg(() => parseTarget('voice.serviceLevel', s, at))).toMatch(/^--target: 'voice.serviceLevel' is not a target expression.*quotes/);
    expect(msg(() => parseTarget('voice.serviceLevel>=high', s, at))).toMatch(/'high' .* is not a number/);
    expect(msg(() => parseTarget('vioce.serviceLevel>=0.8', s, at))).toMatch(/did you mean 'voice.serviceLevel'/);
    expect(msg(() => parseTarget('voice.servicelevel>=0.8', s, at))).toMatch(/not a KPI of channel 'voice'.*did you mean 'voice.serviceLevel'/);
    expect(msg(() => resolveKpiPath('team.serviceLevel', s, { file: 'x.yaml', path: 'expect.team.serviceLevel' }))).toMatch(/^x.yaml: expect.team.serviceLevel: 'team.serviceLevel' is not a KPI of group 'team'/);
  });
});
