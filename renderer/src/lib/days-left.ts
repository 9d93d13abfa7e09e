/** 还剩 3 天 / 今天到期 / 已逾期 2 天, from the days left to a due date. */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft < 0) return `已逾期 ${-daysLeft} 天`;
  if (daysLeft === 0) return '今天到期';
  return `还剩 ${daysLeft} 天`;
}
