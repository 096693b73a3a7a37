import { FileMakerError } from './envelope';
import type { FieldType, FieldValue, FixtureField } from './fixture-types';

/** `dateformats`: 0 US, 1 the file's locale (US for sandbox files), 2 ISO 8601. */
export type DateFormats = 0 | 1 | 2;

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const TIME = /^(\d{1,4}):(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?(?:\s*([AaPp])\.?[Mm]\.?)?$/;
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** Today's date in canonical form (the sandbox keeps its clock in UTC). */
export function canonicalDate(epochMs: number): string {
	return new Date(epochMs).toISOString().slice(0, 10);
}

export function canonicalTimestamp(epochMs: number): string {
	return new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ');
}

/** Reads a US `M/D/YYYY` or ISO `YYYY-MM-DD` date into canonical form. */
export function parseDate(text: string, format: 'us' | 'iso'): string | undefined {
	const match = (format === 'us' ? US_DATE : ISO_DATE).exec(text.trim());
	if (!match) return undefined;
	const [month, day, year] =
		format === 'us'
			? [Number(match[1]), Number(match[2]), Number(match[3])]
			: [Number(match[2]), Number(match[3]), Number(match[1])];
	if (year < 1 || year > 4000 || month < 1 || month > 12) return undefined;
	if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
	return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Reads `H:MM[:SS]` (hours may exceed 24, FileMaker times are durations) with optional AM/PM. */
export function parseTime(text: string): string | undefined {
	const match = TIME.exec(text.trim());
	if (!match) return undefined;
	let hours = Number(match[1]);
	const minutes = Number(match[2]);
	const seconds = Number(match[3] ?? 0);
	if (minutes > 59 || seconds > 59) return undefined;
	const meridiem = match[4]?.toLowerCase();
	if (meridiem) {
		if (hours < 1 || hours > 12) return undefined;
		hours = (hours % 12) + (meridiem === 'p' ? 12 : 0);
	}
	return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
}

/**
 * Reads a timestamp: the date part per `dateformats`, then a time. An ISO timestamp takes a
 * space before the time; FileMaker Server rejects the `T` on input although it emits one.
 */
export function parseTimestamp(text: string, format: 'us' | 'iso'): string | undefined {
	const [datePart, ...timeParts] = text.trim().split(/\s+/);
	const date = parseDate(datePart ?? '', format);
	if (!date) return undefined;
	const time = timeParts.length === 0 ? '00:00:00' : parseTime(timeParts.join(' '));
	return time && Number(time.slice(0, 2)) < 24 ? `${date} ${time}` : undefined;
}

export function timeToSeconds(canonical: string): number {
	const [hours, minutes, seconds] = canonical.split(':').map(Number);
	return hours * 3600 + minutes * 60 + seconds;
}

export function parseNumber(text: string): number | undefined {
	const trimmed = text.trim();
	return NUMBER.test(trimmed) ? Number(trimmed) : undefined;
}

const dateStyle = (dateformats: DateFormats) => (dateformats === 2 ? 'iso' : 'us');

/**
 * Turns a value from a request (`fieldData`, `portalData`, `globalFields`) into the stored
 * form of `field`, as FileMaker would accept or refuse it.
 */
export function parseFieldInput(
	field: FixtureField,
	input: unknown,
	dateformats: DateFormats,
): FieldValue {
	if (input === null) return '';
	if (typeof input !== 'string' && typeof input !== 'number') throw new FileMakerError('960');
	if (input === '') return '';
	const text = String(input);
	switch (field.type) {
		case 'text':
			return text;
		case 'number':
			return typeof input === 'number' ? input : (parseNumber(text) ?? text);
		case 'date':
			return parseDate(text, dateStyle(dateformats)) ?? fail('500');
		case 'time':
			return parseTime(text) ?? fail('501');
		case 'timestamp':
			return parseTimestamp(text, dateStyle(dateformats)) ?? fail('500');
		case 'container':
			// Container data arrives through the upload endpoint; fieldData can only clear it.
			throw new FileMakerError('201');
	}
}

/** A stored value as the Data API returns it in `fieldData` (containers aside). */
export function formatFieldOutput(
	type: FieldType,
	value: FieldValue,
	dateformats: DateFormats,
): FieldValue {
	if (value === '' || typeof value === 'number') return value;
	switch (type) {
		case 'date':
			return formatDate(value, dateformats);
		case 'timestamp': {
			const [date, time] = value.split(' ');
			return `${formatDate(date, dateformats)}${dateformats === 2 ? 'T' : ' '}${time}`;
		}
		case 'number':
			return parseNumber(value) ?? value;
		default:
			return value;
	}
}

function formatDate(canonical: string, dateformats: DateFormats): string {
	if (dateformats === 2) return canonical;
	const [year, month, day] = canonical.split('-');
	return `${month}/${day}/${year}`;
}

/** The display text FileMaker shows for a stored value, which text-style finds search. */
export function displayText(type: FieldType, value: FieldValue): string {
	return String(formatFieldOutput(type, value, 0));
}

function fail(code: string): never {
	throw new FileMakerError(code);
}
