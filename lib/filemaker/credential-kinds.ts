import { readAccountCredential } from './account-credential';
import { readCloudCredential } from './cloud/cloud-credential';
import type { ReadSessionCredential } from './session-credential';

/** The FileMaker credentials that log in by themselves: an account, a FileMaker ID. */
export type SessionCredentialType = 'fileMakerServerApi' | 'fileMakerCloudApi';

/** A person's sign-in at an identity provider: only the FileMaker Sign-In node opens its session. */
export const SIGNED_IN_CREDENTIAL = 'fileMakerServerOAuthApi';

/** The FileMaker credential types; each is an authentication kind on this layer. */
export type FileMakerCredentialType = SessionCredentialType | typeof SIGNED_IN_CREDENTIAL;

export const FILEMAKER_CREDENTIALS: Record<SessionCredentialType, ReadSessionCredential> = {
	fileMakerServerApi: readAccountCredential,
	fileMakerCloudApi: readCloudCredential,
};
