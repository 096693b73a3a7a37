import { readAccountCredential } from './account-credential';
import { readCloudCredential } from './cloud/cloud-credential';
import type { ReadSessionCredential } from './session-credential';

/** The FileMaker credential types; each is an authentication kind on this layer. */
export type FileMakerCredentialType = 'fileMakerServerApi' | 'fileMakerCloudApi';

export const FILEMAKER_CREDENTIALS: Record<FileMakerCredentialType, ReadSessionCredential> = {
	fileMakerServerApi: readAccountCredential,
	fileMakerCloudApi: readCloudCredential,
};
