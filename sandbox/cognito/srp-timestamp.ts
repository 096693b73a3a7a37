const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The TIMESTAMP of a PASSWORD_VERIFIER answer in the one form Cognito accepts,
 * `ddd MMM D HH:mm:ss UTC YYYY` (amazon-cognito-identity-js `DateHelper`): the day without a
 * leading zero and the weekday matching the date. Cognito answers "Incorrect username or
 * password." to `Wed Apr 05 …` (qwigo/warrant#12) and to a wrong weekday (measured in
 * ministackorg/ministack#1758), so anything else is refused here too.
 */
export function isCanonicalTimestamp(timestamp: string): boolean {
	const match =
		/^([A-Z][a-z]{2}) ([A-Z][a-z]{2}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) UTC (\d{4})$/.exec(
			timestamp,
		);
	if (!match) return false;
	const [, weekday, monthName, day, hours, minutes, seconds, year] = match;
	const month = MONTHS.indexOf(monthName);
	if (month === -1 || Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) {
		return false;
	}
	const date = new Date(Date.UTC(Number(year), month, Number(day)));
	return (
		date.getUTCMonth() === month &&
		String(date.getUTCDate()) === day &&
		WEEKDAYS[date.getUTCDay()] === weekday
	);
}

/** What amazon-cognito-identity-js sends for `at` (ms since the epoch). */
export function srpTimestamp(at: number): string {
	const date = new Date(at);
	const pad = (value: number) => String(value).padStart(2, '0');
	return (
		`${WEEKDAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()} ` +
		`${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ` +
		`UTC ${date.getUTCFullYear()}`
	);
}
