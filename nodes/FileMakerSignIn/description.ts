import type { INodeProperties } from 'n8n-workflow';

/** The path below the execution's resume URL that FileMaker Server sends the browser back to. */
export const SIGN_IN_PATH = 'filemaker-sign-in';

export const signInProperties: INodeProperties[] = [
	{
		displayName:
			"Put this node after a Webhook trigger whose Respond option is \"Using 'Respond to Webhook' Node\". The person who opens the webhook's link is sent to the identity provider; once they have signed in, the workflow continues here, acting as them with the privileges of their account in the FileMaker file.",
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Log In To',
		name: 'logInTo',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Data API',
				value: 'dataApi',
				description: 'For the FileMaker Data API node',
			},
			{
				name: 'OData',
				value: 'odata',
				description: 'For the FileMaker OData node',
			},
		],
		default: 'dataApi',
		description:
			'Which FileMaker API the sign-in opens. FileMaker Server accepts the sign-in for one login only.',
	},
	{
		displayName: 'Respond With',
		name: 'respondWith',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Signed-In Page',
				value: 'signedInPage',
				description: 'A page that tells the person they are signed in',
			},
			{
				name: 'Respond to Webhook Node',
				value: 'responseNode',
				description:
					"The workflow answers the browser later, e.g. with a page of the person's records",
			},
		],
		default: 'signedInPage',
		description:
			'What the browser shows after a successful sign-in. A failed sign-in always gets a page that says what went wrong.',
	},
	{
		displayName: 'Limit Wait Time',
		name: 'limitWaitTime',
		type: 'boolean',
		default: true,
		description:
			'Whether to stop waiting for the person after a while. When the time is up, the workflow goes on with this node\'s input unchanged, without "signedIn".',
	},
	{
		displayName: 'Wait Up To (Minutes)',
		name: 'waitMinutes',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 10,
		displayOptions: { show: { limitWaitTime: [true] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Address',
				name: 'address',
				type: 'string',
				default: '',
				placeholder: 'n8n.example.com',
				description:
					'The host name FileMaker Server is told the person comes back to ("address" of its OAuth API). By default the host of n8n\'s own URL, which FileMaker Server requires to match.',
			},
			{
				displayName: 'Include Session Token',
				name: 'includeSessionToken',
				type: 'boolean',
				default: false,
				description:
					'Whether to put the Data API session token itself into the output, for your own HTTP Request nodes. Anyone who can see the execution can then act as the person until the session ends.',
			},
			{
				displayName: 'Keep Session',
				name: 'keepSession',
				type: 'boolean',
				default: false,
				description:
					'Whether to leave the Data API session open when the workflow ends. By default the FileMaker nodes that used it log it out; FileMaker Server ends an unused session after 15 minutes.',
			},
			{
				displayName: 'Signed-In Message',
				name: 'signedInMessage',
				type: 'string',
				default: 'You are signed in. The workflow goes on with your FileMaker account.',
				displayOptions: { show: { '/respondWith': ['signedInPage'] } },
			},
		],
	},
];
