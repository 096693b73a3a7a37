import { FileMakerError } from './envelope';
import type { DateFormats } from './field-values';
import type { LayoutSchema } from './schema';

export interface ScriptCall {
	name: string;
	parameter: string;
}

/** Scripts a request asks for, by the phase they run in. */
export interface ScriptCalls {
	prerequest?: ScriptCall;
	presort?: ScriptCall;
	after?: ScriptCall;
}

export interface PortalRange {
	offset?: number;
	limit?: number;
}

export interface PortalSelection {
	/** Portals named by `portal`; all portals of the layout when undefined. */
	names?: Set<string>;
	ranges: Map<string, PortalRange>;
}

const SCRIPT_PHASES = [
	['prerequest', 'script.prerequest'],
	['presort', 'script.presort'],
	['after', 'script'],
] as const;

/**
 * The parameters of one request, from the query string (GET, DELETE) or the JSON body.
 * Each endpoint takes the keys it knows; `rejectUnknown` then refuses anything left, as
 * FileMaker Server does (error 960).
 */
export class RequestParams {
	private readonly taken = new Set<string>();

	private constructor(
		private readonly values: Record<string, unknown>,
		/** Query strings carry JSON values as text and prefix portal ranges with "_". */
		private readonly source: 'query' | 'body',
	) {}

	static fromQuery(query: Record<string, unknown>): RequestParams {
		for (const value of Object.values(query)) {
			if (typeof value !== 'string') throw new FileMakerError('960');
		}
		return new RequestParams(query, 'query');
	}

	static fromBody(body: unknown): RequestParams {
		if (body === undefined) return new RequestParams({}, 'body');
		if (typeof body !== 'object' || body === null || Array.isArray(body)) {
			throw new FileMakerError('1708');
		}
		return new RequestParams(body as Record<string, unknown>, 'body');
	}

	take(key: string): unknown {
		this.taken.add(key);
		return this.values[key];
	}

	rejectUnknown(): void {
		if (Object.keys(this.values).some((key) => !this.taken.has(key)))
			throw new FileMakerError('960');
	}

	/** A whole number >= 1, sent as a number or as text. */
	positiveInteger(key: string): number | undefined {
		const value = this.take(key);
		if (value === undefined) return undefined;
		const number = typeof value === 'number' || typeof value === 'string' ? Number(value) : NaN;
		if (!Number.isInteger(number) || number < 1) throw new FileMakerError('960');
		return number;
	}

	optionalString(key: string): string | undefined {
		const value = this.take(key);
		if (value === undefined) return undefined;
		if (typeof value !== 'string') throw new FileMakerError('960');
		return value;
	}

	/** A JSON value: parsed from text in a query string, as is in a body. */
	json(key: string): unknown {
		const value = this.take(key);
		if (this.source === 'body' || value === undefined) return value;
		try {
			return JSON.parse(String(value));
		} catch {
			throw new FileMakerError('960');
		}
	}

	dateformats(): DateFormats {
		const value = this.take('dateformats');
		if (value === undefined) return 0;
		const format = Number(value);
		if (format !== 0 && format !== 1 && format !== 2) throw new FileMakerError('960');
		return format;
	}

	scripts(): ScriptCalls {
		const calls: ScriptCalls = {};
		for (const [phase, key] of SCRIPT_PHASES) {
			const name = this.optionalString(key);
			const parameter = this.optionalString(`${key}.param`) ?? '';
			if (name !== undefined) calls[phase] = { name, parameter };
		}
		return calls;
	}

	/** `portal`, and the per-portal `offset.<portal>` / `limit.<portal>` ranges. */
	portals(layout: LayoutSchema): PortalSelection {
		const requested = this.json('portal');
		let names: Set<string> | undefined;
		if (requested !== undefined) {
			if (!Array.isArray(requested) || requested.some((name) => typeof name !== 'string')) {
				throw new FileMakerError('960');
			}
			names = new Set(requested as string[]);
		}
		const prefix = this.source === 'query' ? '_' : '';
		const ranges = new Map<string, PortalRange>();
		for (const portal of layout.portals) {
			const offset = this.positiveInteger(`${prefix}offset.${portal.name}`);
			const limit = this.positiveInteger(`${prefix}limit.${portal.name}`);
			if (offset !== undefined || limit !== undefined) ranges.set(portal.name, { offset, limit });
		}
		return { names, ranges };
	}
}
