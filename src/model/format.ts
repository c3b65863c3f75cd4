// Numbers as the log, report and summary print them.

/**
 * An integer with thousands separators, as `n.toLocaleString('en-US')` prints it, without the ICU number
 * formatter: its first use loads locale data, 40-90 ms of start-up on Node 24.
 */
export function thousands(n: number): string {
  if (!Number.isSafeInteger(n)) return String(n);
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${digits}` : digits;
}
