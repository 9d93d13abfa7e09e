import { formatCaseNumber, orgAbbreviationSchema } from '@shared/domain/mediation/case-number';
import { z } from 'zod';

/**
 * Empty means "derive it from the unit's name"; anything typed must be a valid abbreviation, and the
 * contract's own message says why not (a union would only say "Invalid input").
 */
export const abbreviationFormSchema = z.object({
  abbreviation: z.string().superRefine((value, ctx) => {
    if (value.trim() === '') return;
    const checked = orgAbbreviationSchema.safeParse(value.trim());
    for (const issue of checked.error?.issues ?? []) {
      ctx.addIssue({ code: 'custom', message: issue.message });
    }
  }),
});

/** A number as it would be issued with this abbreviation (the first of the year), or null if invalid. */
export function sampleCaseNumber(abbreviation: string, year: number): string | null {
  if (!orgAbbreviationSchema.safeParse(abbreviation).success) return null;
  return formatCaseNumber({
    year,
    orgAbbreviation: abbreviation,
    terminalNumber: null,
    sequence: 1,
  });
}
