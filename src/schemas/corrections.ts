import { z } from 'astro/zod';
import { calendarProblem } from '../lib/dates.ts';

const text = (what: string, example: string) =>
  z
    .string({
      error: (issue) => (issue.input === undefined ? `${what} is required: ${example}` : `${what} must be text (in quotes if in doubt): ${example}`),
    })
    .trim()
    .min(1, { error: `${what} must not be empty: ${example}` });

/** One correction of published text: when, which paragraphs, what changed and why. */
export const correctionSchema = z.object(
  {
    /** The day the correction was published, "YYYY-MM-DD". */
    date: z.preprocess(
      (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
      z
        .string({ error: 'date must be the day of the correction, written "YYYY-MM-DD", e.g. "2026-11-27".' })
        .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date must be the day of the correction, written "YYYY-MM-DD", e.g. "2026-11-27".' })
        .superRefine((value, context) => {
          const problem = calendarProblem(value);
          if (problem) context.addIssue({ code: 'custom', message: `date: ${problem} Write the day the correction was published.` });
        }),
    ),
    /**
     * The ids of the paragraphs whose text changed, as in the Markdown (`p12`, `intro-3`). A
     * paragraph corrected twice is named in two entries.
     */
    paragraphs: z
      .array(z.string().regex(/^[A-Za-z][\w-]*$/, { error: 'each paragraph is an id as in the Markdown, without "#", e.g. p12 or intro-3.' }), {
        error: 'paragraphs is required: the ids of the corrected paragraphs, e.g. [p12] or [p12, p13].',
      })
      .min(1, { error: 'paragraphs must name at least one paragraph, e.g. [p12].' }),
    /** What changed, so that a reader who cited the old text knows what differs. */
    change: text('change', 'say what changed, e.g. "A misread word restored to the printed reading."'),
    /** Why: the source or the check behind the correction. */
    reason: text('reason', 'say why, e.g. "A typing error in the transcription, checked against the print."'),
  },
  { error: 'Each correction is a group of fields: date, paragraphs, change and reason.' },
);

/**
 * A document's correction log: content/corrections/<slug>.yaml, a list of corrections, oldest
 * first. Shown on the document page; the anchor lock requires an entry for every paragraph
 * whose published text changes.
 */
export const correctionLogSchema = z.array(correctionSchema, {
  error: 'A correction log is a list of corrections, each starting with "- date:". An empty log is "[]".',
});

export type Correction = z.infer<typeof correctionSchema>;
export type CorrectionLog = z.infer<typeof correctionLogSchema>;
