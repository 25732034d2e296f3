import { buildHandlerMap } from './handler-map';
import { JobName } from './queue.contract';

describe('buildHandlerMap', () => {
  const fn = () => 'ok';

  const all = Object.values(JobName).map((name) => ({ name, owner: `Owner.${name}`, fn }));

  it('maps every job name of the contract to its single handler', () => {
    const map = buildHandlerMap(all);
    for (const name of Object.values(JobName)) expect(map.get(name)).toBe(fn);
  });

  it('fails when a job name has no handler, naming it', () => {
    expect(() => buildHandlerMap(all.filter((h) => h.name !== JobName.MatchingRecompute))).toThrow(/"matching.recompute" has no handler/);
    expect(() => buildHandlerMap([])).toThrow(/"diagnostics.probe" has no handler/);
  });

  it('fails when a job name has two handlers, naming both', () => {
    expect(() => buildHandlerMap([...all, { name: JobName.DiagnosticsProbe, owner: 'B.probe', fn }])).toThrow(
      /2 handlers: Owner.diagnostics.probe, B.probe/,
    );
  });

  it('fails on a handler for a job the contract does not know', () => {
    expect(() => buildHandlerMap([...all, { name: 'nope' as JobName, owner: 'C.nope', fn }])).toThrow(/unknown job "nope"/);
  });
});
