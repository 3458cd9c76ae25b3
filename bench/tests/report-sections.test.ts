import { expect, test } from 'vitest';
import { replaceSection } from '../lib/report-sections.ts';

const report = '# Benchmarks\n\nProse.\n\n<!-- bench:start -->\nold\n<!-- bench:end -->\n\nMore prose.\n';

test('replaces only its own section, keeping the prose around it', () => {
  expect(replaceSection(report, 'bench', '| new |\n')).toBe('# Benchmarks\n\nProse.\n\n<!-- bench:start -->\n| new |\n<!-- bench:end -->\n\nMore prose.\n');
});

test('a section not there yet is added at the end', () => {
  expect(replaceSection(report, 'lighthouse', 'scores')).toBe(`${report.trimEnd()}\n\n<!-- lighthouse:start -->\nscores\n<!-- lighthouse:end -->\n`);
});

test('broken markers are an error, not a silent duplicate', () => {
  expect(() => replaceSection('<!-- bench:end -->\n<!-- bench:start -->', 'bench', 'x')).toThrow('markers of section "bench"');
  expect(() => replaceSection('<!-- bench:start -->\nold', 'bench', 'x')).toThrow('markers of section "bench"');
});
