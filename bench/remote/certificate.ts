import { once } from 'node:events';
import { X509Certificate } from 'node:crypto';
import { connect } from 'node:tls';

/**
 * The certificate a local TLS server presents, as PEM. Only for reading our own sandbox's
 * self-signed certificate right after it started (in the sandbox's process), so the bench's
 * client can trust exactly that certificate; nothing is sent on this connection.
 */
export async function presentedCertificate(port: number, host = '127.0.0.1'): Promise<string> {
	const socket = connect({ port, host, servername: 'localhost', rejectUnauthorized: false });
	try {
		await once(socket, 'secureConnect');
		return new X509Certificate(socket.getPeerCertificate().raw).toString();
	} finally {
		socket.destroy();
	}
}
