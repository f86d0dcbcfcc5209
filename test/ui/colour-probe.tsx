// Prints frames of the lab screen with their ANSI codes, for colour.test.tsx (run in a child process with
// FORCE_COLOR=1, as chalk reads it once at load): NO_COLOR unset, set to 1, set to "", separated by a NUL.
import React from 'react';
import {loadCatalogue} from '../../source/engine/lab/format/loader.js';
import {LabScreen} from '../../source/ui/LabScreen.js';
import {FakeSession} from './fake-session.js';
import {labState} from './screen-state.js';
import {renderSized} from './sized.js';

const lab = (await loadCatalogue()).find((candidate) => candidate.id === 'sentinel-failover')!;
const frames: string[] = [];
for (const value of [undefined, '1', '']) {
	if (value === undefined) delete process.env.NO_COLOR;
	else process.env.NO_COLOR = value;
	const screen = renderSized(<LabScreen handle={new FakeSession(labState(lab, 1))} lang="en" onQuit={() => undefined} active />, 120, 40);
	for (let i = 0; i < 100 && !screen.rawFrame(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
	frames.push(screen.rawFrame());
	screen.unmount();
}
process.stdout.write(frames.join('\0'));
process.exit(0);
