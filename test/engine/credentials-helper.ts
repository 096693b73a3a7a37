import { Credentials } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialsEncrypted,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow, isExpression } from 'n8n-workflow';

import { TestNodeTypes, getCredentialType } from './node-types';

/**
 * What n8n's CLI `CredentialsHelper` (packages/cli/src/credentials-helper.ts, n8n 2.41) does,
 * with a Map standing in for the credentials table: data is encrypted with n8n-core's own
 * `Credentials` class, defaults are applied on decrypt, `preAuthentication` runs only when
 * the first hidden expirable property is empty or the caller says it expired, and its
 * result is persisted so the next execution reads it back.
 */
export class StoredCredentialsHelper extends ICredentialsHelper {
	private readonly table = new Map<string, ICredentialsEncrypted>();

	/** How often a credential was written back after preAuthentication. */
	persistCount = 0;

	/** How often each credential type's preAuthentication hook actually ran. */
	preAuthenticationRuns = 0;

	async add(id: string, type: string, data: ICredentialDataDecryptedObject, name = id) {
		const credentials = new Credentials({ id, name }, type);
		await credentials.setData(data);
		this.table.set(id, credentials.getDataToSave());
	}

	/** The stored (decrypted) data, as the database holds it between executions. */
	async stored(id: string): Promise<ICredentialDataDecryptedObject> {
		return await this.load(id).getData();
	}

	getParentTypes(name: string): string[] {
		return getCredentialType(name).extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions as IHttpRequestOptions;
		const { authenticate } = getCredentialType(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions);
		}
		if (authenticate?.type !== 'generic') return requestOptions;
		if (!workflow || !node) throw new Error('Generic authentication needs the workflow and node');

		const resolve = (value: string) => {
			if (!isExpression(value)) return value;
			const resolved = workflow.expression.getSimpleParameterValue(
				node,
				value,
				'internal',
				{ $credentials: credentials },
				undefined,
				'',
			);
			return resolved ? String(resolved) : '';
		};
		for (const [target, values] of Object.entries(authenticate.properties)) {
			const options = requestOptions as unknown as Record<string, Record<string, unknown>>;
			options[target] ??= {};
			for (const [key, value] of Object.entries(values as Record<string, string>)) {
				options[target][resolve(key)] = resolve(value);
			}
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = getCredentialType(typeName);
		const expirable = credentialType.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (expirable === undefined || typeof credentialType.preAuthentication !== 'function') {
			return undefined;
		}
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;

		this.preAuthenticationRuns++;
		const restricted: IHttpRequestHelper = {
			helpers: { httpRequest: async (options) => await helpers.helpers.httpRequest(options) },
		};
		const output = (await credentialType.preAuthentication.call(
			restricted,
			credentials,
		)) as ICredentialDataDecryptedObject;
		if (output[expirable.name] === undefined) return undefined;

		const nodeCredentials = node.credentials?.[credentialType.name];
		if (nodeCredentials) {
			const storedData = await this.stored(this.idOf(nodeCredentials));
			await this.updateCredentials(nodeCredentials, credentialType.name, {
				...storedData,
				...output,
			});
			return Object.assign(credentials, output);
		}
		return undefined;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const { preAuthentication } = getCredentialType(typeName);
		if (typeof preAuthentication !== 'function') return undefined;
		return (await preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails): Promise<ICredentials> {
		return this.load(this.idOf(nodeCredentials));
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = await this.stored(this.idOf(nodeCredentials));
		const withDefaults = NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			stored as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		// As n8n's CredentialsHelper: the OAuth token data is kept, and `={{ $self[...] }}`
		// expressions (an OAuth2 credential's hidden URLs) are resolved against the data itself.
		if (stored.oauthTokenData !== undefined) withDefaults.oauthTokenData = stored.oauthTokenData;
		return resolveSelfExpressions(withDefaults);
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const id = this.idOf(nodeCredentials);
		const credentials = new Credentials({ id, name: nodeCredentials.name }, type);
		await credentials.setData(data);
		this.table.set(id, credentials.getDataToSave());
		this.persistCount++;
	}

	/** n8n saves a refreshed (or first) OAuth token into the stored credential, nothing else. */
	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const id = this.idOf(nodeCredentials);
		const stored = await this.stored(id);
		const credentials = new Credentials({ id, name: nodeCredentials.name }, type);
		await credentials.setData({ ...stored, oauthTokenData: data.oauthTokenData });
		this.table.set(id, credentials.getDataToSave());
		this.persistCount++;
	}

	/** A credential's properties under those of the types it extends, as n8n merges them. */
	getCredentialsProperties(type: string): INodeProperties[] {
		const own = getCredentialType(type).properties;
		const inherited = (getCredentialType(type).extends ?? []).flatMap((parent) =>
			this.getCredentialsProperties(parent),
		);
		const names = new Set(own.map((property) => property.name));
		return [...inherited.filter((property) => !names.has(property.name)), ...own];
	}

	private idOf(nodeCredentials: INodeCredentialsDetails): string {
		if (!nodeCredentials.id) throw new Error(`Credential "${nodeCredentials.name}" has no id`);
		return nodeCredentials.id;
	}

	private load(id: string): Credentials {
		const row = this.table.get(id);
		if (!row?.id) throw new Error(`No credential with id "${id}"`);
		return new Credentials({ id: row.id, name: row.name }, row.type, row.data);
	}
}

/** Resolves the credential's own `={{ … }}` values with `$self` = the credential's data. */
function resolveSelfExpressions(
	data: ICredentialDataDecryptedObject,
): ICredentialDataDecryptedObject {
	if (!Object.values(data).some((value) => typeof value === 'string' && value.startsWith('='))) {
		return data;
	}
	const node: INode = {
		id: 'credential',
		name: 'Credential',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes(),
	});
	return workflow.expression.getParameterValue(
		data as INodeParameters,
		null,
		0,
		0,
		node.name,
		[],
		'internal',
		{},
		undefined,
		false,
		data,
	) as ICredentialDataDecryptedObject;
}
