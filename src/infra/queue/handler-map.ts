import { JobName } from './queue.contract';

export interface FoundHandler<F> {
  name: JobName;
  /** e.g. "DiagnosticsService.probe", for error messages. */
  owner: string;
  fn: F;
}

/** Builds the job → handler map, failing if any job name has no handler or more than one. */
export function buildHandlerMap<F>(found: FoundHandler<F>[], known: JobName[] = Object.values(JobName)): Map<JobName, F> {
  const byName = new Map<JobName, FoundHandler<F>[]>();
  for (const h of found) byName.set(h.name, [...(byName.get(h.name) ?? []), h]);
  const problems: string[] = [];
  for (const name of known) {
    const hs = byName.get(name) ?? [];
    if (hs.length === 0) problems.push(`job "${name}" has no handler`);
    if (hs.length > 1) problems.push(`job "${name}" has ${hs.length} handlers: ${hs.map((h) => h.owner).join(', ')}`);
  }
  for (const name of byName.keys()) if (!known.includes(name)) problems.push(`handler for unknown job "${name}"`);
  if (problems.length > 0) throw new Error(`Queue contract violated: ${problems.join('; ')}`);
  return new Map(found.map((h) => [h.name, h.fn]));
}
