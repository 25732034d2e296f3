import { Injectable, Logger } from '@nestjs/common';
import loadHighs from 'highs';
import { createHighsMipSolver, type MipSolver } from './core';

/**
 * The exact step's MIP solver: HiGHS (Wasm), loaded once on first use and injected into the core.
 * When it cannot be loaded, scheduling runs without the exact step.
 */
@Injectable()
export class HighsSolverProvider {
  private readonly logger = new Logger('Scheduling');
  private loading: Promise<MipSolver | null> | null = null;

  solver(): Promise<MipSolver | null> {
    this.loading ??= (async () => {
      try {
        return createHighsMipSolver(await loadHighs());
      } catch (error) {
        this.logger.warn({ error: (error as Error).message }, 'HiGHS could not be loaded: scheduling without the exact step');
        return null;
      }
    })();
    return this.loading;
  }
}
