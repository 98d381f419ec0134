/**
 * Overdue, written once: something with a due date before today that is not finished. Due dates are
 * calendar dates stored as UTC midnights; `today` comes from `todayUtc()` in lib/dates.
 */
export function isPastDue(dueDate: Date | null, isFinished: boolean, today: Date): boolean {
  return dueDate !== null && !isFinished && dueDate.getTime() < today.getTime();
}

/** An advocacy action is overdue when its due date has passed and it is not done. */
export function isOverdue(dueDate: Date | null, doneAt: Date | null, today: Date): boolean {
  return isPastDue(dueDate, doneAt !== null, today);
}
