import type { IExecuteFunctions } from 'n8n-workflow';

const reported = new WeakMap<IExecuteFunctions, Set<string>>();

/**
 * Auto-mapping sends only the item's keys that are fields of the layout. The others are not
 * dropped in silence: the builder sees them, once per execution, in a warning on the output panel.
 */
export function reportSkippedKeys(context: IExecuteFunctions, skippedKeys: string[]): void {
	const seen = reported.get(context) ?? new Set<string>();
	reported.set(context, seen);
	const fresh = skippedKeys.filter((key) => !seen.has(key));
	if (fresh.length === 0) return;
	fresh.forEach((key) => seen.add(key));
	context.addExecutionHints({
		message: `These input fields are not on the layout and were not written: ${fresh.join(', ')}. Add them to the layout in FileMaker, or rename them to match.`,
		type: 'warning',
		location: 'outputPane',
	});
}
