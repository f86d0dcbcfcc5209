import type Docker from 'dockerode';
import {RedisLabError, messageOf} from '../../base/errors.js';
import {dockerError, isDockerStatus} from '../../base/known-errors.js';
import type {PullProgress} from '../types.js';
import {both} from '../../../i18n/index.js';
import {ENGINE} from '../../../i18n/engine.js';

/** The image is here afterwards, pulled if it was not; IMAGE_MISSING when the pull fails. */
export async function ensureImage(docker: Docker, image: string, onProgress?: (progress: PullProgress) => void): Promise<void> {
	try {
		await docker.getImage(image).inspect();
		return;
	} catch (error) {
		if (!isDockerStatus(error, 404)) throw dockerError(error);
	}
	try {
		await pullImage(docker, image, onProgress);
	} catch (error) {
		throw new RedisLabError('IMAGE_MISSING', both(ENGINE.imageMissing, {image, reason: messageOf(error)}), {cause: error});
	}
}

/** Pulls an image, reporting summed layer progress; rejects on an error line in the stream. */
async function pullImage(docker: Docker, image: string, onProgress?: (progress: PullProgress) => void): Promise<void> {
	const stream = await docker.pull(image);
	const layers = new Map<string, {current: number; total: number}>();
	let failure: string | undefined;
	await new Promise<void>((resolve, reject) => {
		docker.modem.followProgress(stream, (error: Error | null) => (error ? reject(error) : resolve()), (event: {id?: string; status?: string; error?: string; progressDetail?: {current?: number; total?: number}}) => {
			if (event.error) failure = event.error;
			if (event.id && event.progressDetail?.total) layers.set(event.id, {current: event.progressDetail.current ?? 0, total: event.progressDetail.total});
			let current = 0;
			let total = 0;
			for (const layer of layers.values()) {
				current += layer.current;
				total += layer.total;
			}
			onProgress?.({image, current, total, status: event.status ?? ''});
		});
	});
	if (failure) throw new Error(failure);
}
