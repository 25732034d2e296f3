import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import jsicJson from '../data/jsic-nace.json';
import naceJson from '../data/nace-r2.json';
import { Taxonomy } from './taxonomy';
import type { FocusSectorConfig, JsicData, NaceData, TaxonomyData } from './taxonomy.types';

// NACE and JSIC facts ship inside src/ as JSON imports (copied to dist/ by tsc). The focus-sector layer
// lives in config/ so operators can extend it without a rebuild, so it is read from disk.

export const FOCUS_SECTORS_RELATIVE_PATH = join('config', 'focus-sectors.json');

/** Nearest directory upwards from `start` that holds package.json (works from src/ and dist/). */
export function findProjectRoot(start: string = __dirname): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`No package.json above ${start}`);
    dir = up;
  }
}

export interface LoadTaxonomyOptions {
  /** Path of the focus-sector config; default <project root>/config/focus-sectors.json. */
  focusSectorsPath?: string;
}

export function loadTaxonomyData(options: LoadTaxonomyOptions = {}): TaxonomyData {
  const path = options.focusSectorsPath ?? join(findProjectRoot(), FOCUS_SECTORS_RELATIVE_PATH);
  let focus: FocusSectorConfig;
  try {
    focus = JSON.parse(readFileSync(path, 'utf8')) as FocusSectorConfig;
  } catch (err) {
    throw new Error(`Cannot read focus sectors from ${path}: ${(err as Error).message}`);
  }
  // Annotated (not asserted) so a reshaped data file fails to compile.
  const nace: NaceData = naceJson;
  const jsic: JsicData = jsicJson;
  return { nace, jsic, focus };
}

/** Builds the taxonomy from the shipped data and the focus-sector config (validated). */
export function loadTaxonomy(options: LoadTaxonomyOptions = {}): Taxonomy {
  return new Taxonomy(loadTaxonomyData(options));
}
