import { buildHandlerMap } from './handler-map';
import { JobName } from './queue.contract';

describe('buildHandlerMap', () => {
  const fn = () => 'ok';

  it('maps every job name to its single handler', () => {
    const map = buildHandlerMap([{ name: JobName.DiagnosticsProbe, owner: 'A.probe', fn }]);
    expect(map.get(JobName.DiagnosticsProbe)).toBe(fn);
  });

  it('fails when a job name has no handler', () => {
    expect(() => buildHandlerMap([])).toThrow(/"diagnostics.probe" has no handler/);
  });

  it('fails when a job name has two handlers, naming both', () => {
    expect(() =>
      buildHandlerMap([
        { name: JobName.DiagnosticsProbe, owner: 'A.probe', fn },
        { name: JobName.DiagnosticsProbe, owner: 'B.probe', fn },
      ]),
    ).toThrow(/2 handlers: A.probe, B.probe/);
  });

  it('fails on a handler for a job the contract does not know', () => {
    expect(() =>
      buildHandlerMap([
        { name: JobName.DiagnosticsProbe, owner: 'A.probe', fn },
        { name: 'nope' as JobName, owner: 'C.nope', fn },
      ]),
    ).toThrow(/unknown job "nope"/);
  });
});
