import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ODataError } from '../../../../lib/filemaker/odata/errors';
import { InputError } from '../../../shared/node-error';
import { odataRequest } from '../../transport';

/** `POST /<db>/Script.<name>` with a parameter; the answer is `{scriptResult: {code, resultParameter}}`. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const script = String(this.getNodeParameter('script', itemIndex, '')).trim();
	if (!script) throw new InputError('Enter the name of the script');
	const parameter = this.getNodeParameter('scriptParameter', itemIndex, '') as string;
	const onError = this.getNodeParameter('onScriptError', itemIndex, 'fail') as 'fail' | 'output';
	const { body } = await odataRequest<{ scriptResult?: IDataObject }>(this, {
		method: 'POST',
		path: `/Script.${encodeURIComponent(script)}`,
		body: parameter === '' ? {} : { scriptParameterValue: parameter },
		target: `script "${script}"`,
	});
	const code = String(body.scriptResult?.code ?? '0');
	const result = body.scriptResult?.resultParameter;
	if (code !== '0' && onError === 'fail') {
		throw new ODataError(
			`The script "${script}" ended with FileMaker error ${code}`,
			code,
			200,
			'Open the script in FileMaker and check the step that failed. To receive script errors as output instead, set "On Script Error" to "Output the Error".',
		);
	}
	return [{ json: { script, scriptResult: result ?? null, scriptError: code } }];
}
