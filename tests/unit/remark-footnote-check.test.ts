import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import remarkFootnoteCheck from '../../src/plugins/remark-footnote-check.ts';
import { describeFixtures } from '../helpers/render.ts';

describe('remark-footnote-check', () => {
  describeFixtures(fileURLToPath(new URL('fixtures/remark-footnote-check', import.meta.url)), () => ({ remark: [remarkFootnoteCheck] }), { test, expect });
});
