import type Docker from 'dockerode';
import {PassThrough, type Readable} from 'node:stream';
import {createInterface} from 'node:readline';
import {RedisLabError, messageOf} from '../../base/errors.js';
import {daemonAnswer, dockerError} from '../../base/known-errors.js';
import {withTimeout} from '../../base/wait.js';
import type {ExecResult} from '../types.js';

/** Resolves when a stream ends or closes, rejects on its error. */
function ended(stream: Readable): Promise<void> {
	return new Promise((resolve, reject) => {
		stream.on('end', resolve);
		stream.on('close', resolve);
		stream.on('error', reject);
	});
}

/** Runs a command inside a container, collecting its stdout and stderr apart (exit 125 when Docker refuses). */
export async function execIn(docker: Docker, container: Docker.Container, cmd: string[], options: {timeoutMs: number; what: string}): Promise<ExecResult> {
	try {
		const exec = await container.exec({Cmd: cmd, AttachStdout: true, AttachStderr: true});
		const stream = await exec.start({hijack: true, stdin: false});
		const stdout = new PassThrough();
		const stderr = new PassThrough();
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		stdout.on('data', (chunk: Buffer) => out.push(chunk));
		stderr.on('data', (chunk: Buffer) => err.push(chunk));
		docker.modem.demuxStream(stream, stdout, stderr);
		try {
			await withTimeout(ended(stream), options.timeoutMs, `${cmd.join(' ')} on ${options.what} did not finish within ${options.timeoutMs / 1000}s`);
		} catch (error) {
			stream.destroy();
			throw error;
		}
		const {ExitCode} = await exec.inspect();
		return {stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), exitCode: ExitCode ?? 0};
	} catch (error) {
		if (error instanceof RedisLabError) throw error;
		// Refused by the daemon (paused, not running): what `docker exec` prints, and its exit status.
		const answer = daemonAnswer(error);
		return answer ? {stdout: '', stderr: answer, exitCode: 1} : {stdout: '', stderr: messageOf(dockerError(error)), exitCode: 125};
	}
}

/** Follows a container's log (stdout and stderr merged) line by line until the signal aborts. */
export async function* followLogs(docker: Docker, container: Docker.Container, options: {tail?: number; signal?: AbortSignal} = {}): AsyncIterable<string> {
	const stream = (await container.logs({follow: true, stdout: true, stderr: true, tail: options.tail ?? 100})) as unknown as Readable;
	const merged = new PassThrough();
	docker.modem.demuxStream(stream, merged, merged);
	stream.on('end', () => merged.end());
	stream.on('error', () => merged.end());
	const abort = () => {
		stream.destroy();
		merged.end();
	};
	options.signal?.addEventListener('abort', abort, {once: true});
	try {
		for await (const line of createInterface({input: merged, crlfDelay: Infinity})) yield line.replace(/\r$/, '');
	} finally {
		options.signal?.removeEventListener('abort', abort);
		stream.destroy();
	}
}

/** The last `lines` lines of a container's log as text ('' when there is none). */
export async function tailLogs(container: Docker.Container, lines: number): Promise<string> {
	try {
		const buffer = await container.logs({follow: false, stdout: true, stderr: true, tail: lines});
		return demuxBuffer(buffer).trimEnd();
	} catch {
		return '';
	}
}

/** Splits Docker's multiplexed log buffer (8-byte frame headers) into text. */
export function demuxBuffer(buffer: Buffer | string): string {
	if (typeof buffer === 'string') return buffer;
	const parts: string[] = [];
	let offset = 0;
	while (offset + 8 <= buffer.length) {
		const size = buffer.readUInt32BE(offset + 4);
		parts.push(buffer.subarray(offset + 8, offset + 8 + size).toString('utf8'));
		offset += 8 + size;
	}
	return offset === 0 ? buffer.toString('utf8') : parts.join('');
}
