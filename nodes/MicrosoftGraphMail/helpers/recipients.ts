import { InputError } from '../../shared/node-error';

/** What Graph takes as a recipient. */
export interface Recipient {
	emailAddress: { address: string; name?: string };
}

const ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;

/**
 * Addresses from what a builder types or maps: a comma- or semicolon-separated list, an array,
 * `Name <address>` forms. A value that is no address is an error that names it.
 */
export function recipients(value: unknown, field: string): Recipient[] {
	const parts = (Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[,;\n]/))
		.map((part) => part.trim())
		.filter((part) => part !== '');
	return parts.map((part) => {
		const named = /^(.*)<([^>]+)>$/.exec(part);
		const addressText = (named ? named[2] : part).trim();
		if (!ADDRESS.test(addressText)) {
			throw new InputError(
				`"${part}" in ${field} is not an email address`,
				'Separate addresses with commas, e.g. ada@contoso.com, "Grace Hopper <grace@contoso.com>".',
			);
		}
		const name = named?.[1].trim().replace(/^"|"$/g, '');
		return { emailAddress: name ? { address: addressText, name } : { address: addressText } };
	});
}
