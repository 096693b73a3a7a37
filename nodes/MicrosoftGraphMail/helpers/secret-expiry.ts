import type { IExecuteFunctions } from 'n8n-workflow';

import { getGraphConnection } from '../transport/connection';

const WARN_DAYS = 14;
const DAY_MS = 24 * 60 * 60_000;

/**
 * A warning on the node's output when the credential's client secret expires within 14 days
 * (or has expired), from the date the builder entered: unattended workflows stop the day it
 * lapses, so the administrator needs to know before.
 */
export async function warnOfExpiringSecret(context: IExecuteFunctions): Promise<void> {
	const authentication = (await getGraphConnection(context)).app?.authentication;
	if (authentication?.kind !== 'secret' || authentication.expiresOn === undefined) return;
	const days = Math.floor((authentication.expiresOn - Date.now()) / DAY_MS);
	if (days >= WARN_DAYS) return;
	const when = new Date(authentication.expiresOn).toISOString().slice(0, 10);
	context.addExecutionHints({
		message:
			days < 0
				? `The client secret of the Microsoft Graph credential expired on ${when}. Create a new secret for the app in the Entra admin center and update the credential.`
				: `The client secret of the Microsoft Graph credential expires on ${when} (in ${days} day${days === 1 ? '' : 's'}). Create a new secret for the app in the Entra admin center and update the credential before then.`,
		type: 'warning',
		location: 'outputPane',
	});
}
