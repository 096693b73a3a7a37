import type {
	ICredentialType,
	IDataObject,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { commonPollingParameters } from 'n8n-core/dist/nodes-loader/constants';
import { NodeHelpers } from 'n8n-workflow';

import { FileMakerCloudApi } from '../../credentials/FileMakerCloudApi.credentials';
import { FileMakerServerApi } from '../../credentials/FileMakerServerApi.credentials';
import { FileMakerServerOAuthApi } from '../../credentials/FileMakerServerOAuthApi.credentials';
import { MicrosoftGraphAppApi } from '../../credentials/MicrosoftGraphAppApi.credentials';
import { MicrosoftGraphDelegatedOAuth2Api } from '../../credentials/MicrosoftGraphDelegatedOAuth2Api.credentials';
import { OAuth2Api } from './oauth2-api.credentials';
import { FileMakerOData } from '../../nodes/FileMakerOData/FileMakerOData.node';
import { FileMakerDataApi } from '../../nodes/FileMakerDataApi/FileMakerDataApi.node';
import { FileMakerSignIn } from '../../nodes/FileMakerSignIn/FileMakerSignIn.node';
import { MicrosoftGraphMail } from '../../nodes/MicrosoftGraphMail/MicrosoftGraphMail.node';
import { MicrosoftGraphMailTrigger } from '../../nodes/MicrosoftGraphMailTrigger/MicrosoftGraphMailTrigger.node';
import { ManualTrigger } from './manual-trigger.node';

/** n8n names a community node `<package name>.<node name>`. */
export const PACKAGE_NAME = 'n8n-nodes-filemaker-graph';
export const FILEMAKER_DATA_API = `${PACKAGE_NAME}.fileMakerDataApi`;
export const FILEMAKER_ODATA = `${PACKAGE_NAME}.fileMakerOData`;
export const FILEMAKER_SIGN_IN = `${PACKAGE_NAME}.fileMakerSignIn`;
export const MICROSOFT_GRAPH_MAIL = `${PACKAGE_NAME}.microsoftGraphMail`;
export const MICROSOFT_GRAPH_MAIL_TRIGGER = `${PACKAGE_NAME}.microsoftGraphMailTrigger`;
export const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';

const nodeTypes: Record<string, INodeType | IVersionedNodeType> = {
	[FILEMAKER_DATA_API]: new FileMakerDataApi(),
	[FILEMAKER_ODATA]: new FileMakerOData(),
	[FILEMAKER_SIGN_IN]: new FileMakerSignIn(),
	[MICROSOFT_GRAPH_MAIL]: new MicrosoftGraphMail(),
	[MICROSOFT_GRAPH_MAIL_TRIGGER]: new MicrosoftGraphMailTrigger(),
	[MANUAL_TRIGGER]: new ManualTrigger(),
};

const credentialTypes: Record<string, ICredentialType> = {
	fileMakerServerApi: new FileMakerServerApi(),
	fileMakerCloudApi: new FileMakerCloudApi(),
	fileMakerServerOAuthApi: new FileMakerServerOAuthApi(),
	microsoftGraphAppApi: new MicrosoftGraphAppApi(),
	microsoftGraphDelegatedOAuth2Api: new MicrosoftGraphDelegatedOAuth2Api(),
	oAuth2Api: new OAuth2Api(),
};

export class TestNodeTypes implements INodeTypes {
	constructor(private readonly extra: Record<string, INodeType> = {}) {}

	getByName(type: string): INodeType | IVersionedNodeType {
		const nodeType = this.extra[type] ?? nodeTypes[type];
		if (!nodeType) throw new Error(`Unknown node type "${type}"`);
		addPollTimes(nodeType);
		return nodeType;
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

/**
 * What n8n's loader does to a polling node (DirectoryLoader.applySpecialNodeParameters, n8n-core
 * 2.41): its "Poll Times" parameter (every minute by default) goes first in its properties.
 * Node types are shared between engines, so it happens once per description.
 */
function addPollTimes(nodeType: INodeType | IVersionedNodeType): void {
	const versions = 'nodeVersions' in nodeType ? Object.values(nodeType.nodeVersions) : [nodeType];
	for (const { description } of versions) {
		if (description.polling && !description.properties.some(({ name }) => name === 'pollTimes')) {
			description.properties.unshift(...commonPollingParameters);
		}
	}
}

export function getCredentialType(name: string): ICredentialType {
	const credentialType = credentialTypes[name];
	if (!credentialType) throw new Error(`Unknown credential type "${name}"`);
	return credentialType;
}
