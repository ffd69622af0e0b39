// Dates as Hohhot sees them. Hohhot keeps China Standard Time (Asia/Shanghai,
// UTC+8, no daylight saving): an opportunity's deadline is a calendar day
// there, and so is the day of the officials' digest.

const shanghaiDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar day in Hohhot at `now`, as YYYY-MM-DD. */
export function shanghaiDate(now = new Date()): string {
  return shanghaiDay.format(now);
}

/**
 * Whether a deadline (a DATE column: midnight UTC of the calendar day) has
 * passed. The deadline day itself still counts, until midnight in Hohhot.
 */
export function isPastDeadline(deadline: Date | null, now = new Date()): boolean {
  if (deadline === null) return false;
  return shanghaiDate(now) > deadline.toISOString().slice(0, 10);
}
