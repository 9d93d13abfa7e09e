/**
 * Wording shared by the printed papers: the issuing body named in full on the seal line, and text a
 * person typed set into a sentence the paper finishes itself.
 */

// What a person may end a typed reason with; the paper adds its own full stop.
const TRAILING_PUNCTUATION = /[\s。．.！!？?；;，,、：:]+$/u;

/**
 * A typed reason as a clause inside the paper's own sentence: 不符合条件。 → 不符合条件, so that
 * "经审查，{clause}。" never reads 。。 nor ；。.
 */
export function asClause(text: string): string {
  return text.trim().replace(TRAILING_PUNCTUATION, '');
}

// A unit's name as entered at setup or pulled with the org tree: 岩头镇, 岩头镇人民政府,
// 五马街道办事处, or already the centre's name.
const GOVERNMENT_SUFFIX = /(人民政府|办事处)$/u;
const CENTRE_SUFFIX = /(便民服务中心|便民服务站|服务中心)$/u;
const COMMITTEE_SUFFIX = /调解委员会$/u;

function placeOf(orgName: string): string {
  return orgName.trim().replace(CENTRE_SUFFIX, '').replace(GOVERNMENT_SUFFIX, '');
}

/** The body that issues a counter's papers: 岩头镇 → 岩头镇便民服务中心. */
export function serviceCentreName(orgName: string): string {
  const name = orgName.trim();
  if (CENTRE_SUFFIX.test(name)) return name;
  return `${placeOf(name)}便民服务中心`;
}

/** The body that issues a mediation's papers: 岩头镇（便民服务中心） → 岩头镇人民调解委员会. */
export function committeeName(orgName: string): string {
  const name = orgName.trim();
  if (COMMITTEE_SUFFIX.test(name)) return name;
  return `${placeOf(name)}人民调解委员会`;
}
