import type { IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';

import { InputError } from '../../shared/node-error';
import { DELEGATED_CREDENTIAL, credentialTypeOf } from '../transport/connection';

/**
 * `/users/<address or id>`: the mailbox the node works in, a user's or a shared one; `/me` for
 * the signed-in person of a delegated credential when none is named. App-only tokens have no
 * "me": with them the mailbox is always named.
 */
export function mailboxPath(context: IExecuteFunctions, itemIndex: number): string {
	return pathFor(
		String(context.getNodeParameter('mailbox', itemIndex, '')),
		credentialTypeOf(context) === DELEGATED_CREDENTIAL,
	);
}

/** The mailbox of a dropdown being filled, or of the mail trigger (no items there). */
export function mailboxPathForList(context: ILoadOptionsFunctions | IPollFunctions): string {
	return pathFor(
		String(context.getNodeParameter('mailbox', '')),
		credentialTypeOf(context) === DELEGATED_CREDENTIAL,
	);
}

function pathFor(value: string, delegated: boolean): string {
	const mailbox = value.trim();
	if (!mailbox && delegated) return '/me';
	if (!mailbox) {
		throw new InputError(
			'No mailbox given',
			'Enter the address (or object ID) of the user or shared mailbox to work in, e.g. invoices@contoso.com.',
		);
	}
	return `/users/${encodeURIComponent(mailbox)}`;
}

/** A path segment for an ID Graph gave (message, folder, attachment IDs hold `=`, `/`, `+`…). */
export function idSegment(id: string): string {
	return encodeURIComponent(id.trim());
}
