/** n8n 2.41's TRIGGER_ACTIVATION_MAX_ATTEMPTS (packages/cli/src/constants.ts). */
export const ACTIVATION_ATTEMPTS = 5;

/** n8n's wait between activation attempts (retryTriggerActivation, trigger-activation-retry.ts). */
export const n8nActivationRetryDelay = (attempt: number) =>
	Math.min(1000 * 2 ** attempt, 24 * 60 * 60 * 1000);
