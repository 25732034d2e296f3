import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { SatSolverFactory } from './core';
import { loadCadicalSatSolver } from './cadical-loader';

/**
 * The exact step's SAT solver: CaDiCaL (Wasm), loaded once while the module starts (so no job
 * waits for it, and nothing is loaded while the application shuts down) and injected into the core.
 * When it cannot be loaded, scheduling runs without the SAT step.
 */
@Injectable()
export class SatSolverProvider implements OnModuleInit {
  private readonly logger = new Logger('Scheduling');
  private loading: Promise<SatSolverFactory | null> | null = null;

  async onModuleInit(): Promise<void> {
    await this.solver();
  }

  solver(): Promise<SatSolverFactory | null> {
    this.loading ??= loadCadicalSatSolver().catch((error: Error) => {
      this.logger.warn({ error: error.message }, 'CaDiCaL could not be loaded: scheduling without the SAT step');
      return null;
    });
    return this.loading;
  }
}
