import type {Lab, Lang} from '../engine/lab/format/types.js';
import type {LabSessionStore} from '../engine/lab/run/state.js';
import type {CastRecorder} from './asciicast.js';

/** Adds a marker to the recording each time another step starts or comes on screen, so players can jump between steps. */
export function markSteps(session: LabSessionStore, lab: Lab, lang: Lang, recorder: CastRecorder): () => void {
	let marked: number | undefined;
	return session.subscribe(() => {
		const run = session.getState().lab;
		if (!run || run.setup !== 'done') return;
		const index = run.steps.find((step) => step.status === 'running')?.index ?? run.current;
		if (index === marked) return;
		marked = index;
		const step = lab.steps[index];
		if (step) recorder.marker(`Step ${index + 1}: ${step.title[lang] ?? step.title.en}`);
	});
}
