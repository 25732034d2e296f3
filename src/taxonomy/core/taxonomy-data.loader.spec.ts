import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findProjectRoot, loadTaxonomy, loadTaxonomyData } from './taxonomy-data.loader';

describe('taxonomy data loader', () => {
  it('finds the project root from src/ (and would from dist/)', () => {
    const root = findProjectRoot();
    expect(existsSync(join(root, 'package.json'))).toBe(true);
    expect(existsSync(join(root, 'config', 'focus-sectors.json'))).toBe(true);
    expect(findProjectRoot(join(root, 'dist', 'taxonomy', 'core'))).toBe(root);
  });

  it('loads NACE, JSIC and the focus-sector config', () => {
    const data = loadTaxonomyData();
    expect(data.nace.id).toBe('nace-r2');
    expect(data.nace.items).toHaveLength(996);
    expect(data.jsic.naceVersion).toBe('nace-r2');
    expect(data.focus.sectors.length).toBe(22);
    expect(loadTaxonomy().id).toBe('nace-r2');
  });

  it('names the file when the focus-sector config is missing', () => {
    expect(() => loadTaxonomyData({ focusSectorsPath: '/nonexistent/focus.json' })).toThrow(/\/nonexistent\/focus\.json/);
  });
});
